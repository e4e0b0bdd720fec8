package dev.strata.archfixtures.portsleak.ports.application;

import dev.strata.archfixtures.portsleak.app.Config;

/** Violation: the application service reaches into app. */
public final class ServiceUsingApp {
  public String region(Config config) {
    return config.region();
  }
}
