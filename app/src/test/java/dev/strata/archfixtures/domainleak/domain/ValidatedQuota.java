package dev.strata.archfixtures.domainleak.domain;

import jakarta.validation.constraints.NotNull;

/** Violation: Jakarta Validation belongs on port commands, never in the domain. */
public final class ValidatedQuota {
  @NotNull private final String model;

  public ValidatedQuota(String model) {
    this.model = model;
  }

  public String model() {
    return model;
  }
}
