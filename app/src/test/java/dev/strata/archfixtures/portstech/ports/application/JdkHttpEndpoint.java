package dev.strata.archfixtures.portstech.ports.application;

import com.sun.net.httpserver.HttpServer;

/** Violation: an HTTP server in the application service. */
public final class JdkHttpEndpoint {
  public void stop(HttpServer server) {
    server.stop(0);
  }
}
