package dev.strata.composition;

import dev.strata.domain.AccountId;
import dev.strata.domain.Partition;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.Region;
import dev.strata.ports.application.IdempotencyMode;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Supplier;

/**
 * The values of the keys that are not adapter settings: the home scope ({@code partition}, {@code
 * region}, {@code account}), {@code seed}, {@code transitions}, {@code idempotency} and the quota
 * limits ({@code quota.L-FE44174A}, {@code quota.L-BE77399C}, {@code quota.committed}). A bad value
 * throws {@link IllegalArgumentException} naming its key.
 */
final class ScopeKeys {
  private ScopeKeys() {}

  /** {@code c} with {@code key}, one of the keys {@link #handles} names, set to {@code value}. */
  static StrataConfiguration apply(StrataConfiguration c, String key, String value) {
    String v = value.trim();
    return switch (key) {
      case ConfigurationKeys.PARTITION ->
          c.withScope(valid(key, Partition.parse(v)), c.region(), c.account());
      case ConfigurationKeys.REGION -> c.withScope(c.partition(), valid(key, Region.parse(v)), c.account());
      case ConfigurationKeys.ACCOUNT ->
          c.withScope(c.partition(), c.region(), valid(key, AccountId.parse(v)));
      case ConfigurationKeys.SEED -> c.withSeed(whole(key, v));
      case ConfigurationKeys.TRANSITIONS -> prefixed(key, () -> c.withTransitions(v));
      case ConfigurationKeys.IDEMPOTENCY -> c.withIdempotency(idempotency(key, v));
      default -> {
        String name = key.substring(ConfigurationKeys.QUOTA_PREFIX.length());
        long units = whole(key, v);
        if (units < 0) {
          throw new IllegalArgumentException(key + ": " + units + " is not a model-unit limit (0 or more)");
        }
        yield c.withQuotaLimit(ledger(key, name), units);
      }
    };
  }

  /** Whether {@code key} is one of the keys {@link #apply} sets. */
  static boolean handles(String key) {
    return switch (key) {
      case ConfigurationKeys.PARTITION,
          ConfigurationKeys.REGION,
          ConfigurationKeys.ACCOUNT,
          ConfigurationKeys.SEED,
          ConfigurationKeys.TRANSITIONS,
          ConfigurationKeys.IDEMPOTENCY -> true;
      default -> key.startsWith(ConfigurationKeys.QUOTA_PREFIX);
    };
  }

  /**
   * The ledger named {@code name}: its Service Quotas code ({@code L-FE44174A}, {@code
   * L-BE77399C}), its enum name, or {@code committed}; any case.
   */
  static QuotaLedger ledger(String key, String name) {
    for (QuotaLedger ledger : QuotaLedger.values()) {
      if (name.equalsIgnoreCase(ledger.quotaCode())
          || name.equalsIgnoreCase(ledger.name())
          || (ledger == QuotaLedger.COMMITTED_PER_MODEL && name.equalsIgnoreCase("committed"))) {
        return ledger;
      }
    }
    throw new IllegalArgumentException(
        key + ": unknown quota ledger '" + name + "'; expected L-FE44174A, L-BE77399C or committed");
  }

  private static IdempotencyMode idempotency(String key, String value) {
    for (IdempotencyMode mode : IdempotencyMode.values()) {
      if (mode.name().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        key + ": unknown idempotency mode '" + value + "'; expected LENIENT or STRICT");
  }

  private static long whole(String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number", e);
    }
  }

  private static StrataConfiguration prefixed(String key, Supplier<StrataConfiguration> set) {
    try {
      return set.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static <T> T valid(String key, Validation<Seq<String>, T> parsed) {
    if (parsed.isInvalid()) {
      throw new IllegalArgumentException(key + ": " + parsed.getError().mkString("; "));
    }
    return parsed.get();
  }
}
