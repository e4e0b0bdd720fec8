package dev.strata.archfixtures.domainleak.domain;

import io.vavr.control.Option;
import java.time.Duration;

/** Kept: the JDK, vavr and the domain itself. */
public final class PureQuota {
  public Option<Duration> term(ValidatedQuota quota) {
    return Option.of(quota.model()).map(m -> Duration.ofDays(30));
  }
}
