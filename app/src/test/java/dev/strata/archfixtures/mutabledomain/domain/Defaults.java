package dev.strata.archfixtures.mutabledomain.domain;

/** Violation: a mutable static. */
public final class Defaults {
  public static String region = "us-east-1";

  private Defaults() {}
}
