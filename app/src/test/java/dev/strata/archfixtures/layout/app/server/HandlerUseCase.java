package dev.strata.archfixtures.layout.app.server;

/** Broken: a use case outside the application layer. */
public final class HandlerUseCase {
  public String handle(String request) {
    return request;
  }
}
