package dev.strata.archfixtures.adapterleak.adapters.inmemory;

import dev.strata.archfixtures.adapterleak.app.Main;

/** Violation: an adapter depends on app. */
public final class InMemoryCallsApp {
  public String name() {
    return Main.name();
  }
}
