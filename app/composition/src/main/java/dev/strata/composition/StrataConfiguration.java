package dev.strata.composition;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.AccountId;
import dev.strata.domain.Partition;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.Region;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.IdempotencyMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a Strata should be, independent of the adapters that implement it.
 *
 * @param partition the home partition, e.g. {@code aws}
 * @param region the home region, e.g. {@code us-east-1}
 * @param account the home account, twelve digits
 * @param seed the seed of the in-memory ARN minter: the same seed mints the same ids in the same
 *     order (D17)
 * @param idempotency what Create does with a client request token reused with other parameters (D3)
 * @param transitions the name of the status transition policy (D9): {@code immediate}, {@code
 *     manual}, {@code after-reads:N} or {@code after-duration:ISO-8601-duration} (e.g. {@code
 *     after-duration:PT30S})
 * @param quotaLimits model-unit limits per ledger (D14); a ledger not named keeps the adapter's
 *     default. They bound the in-memory quotas, and the DynamoDB usage when {@code store} is {@code
 *     aws} and {@code quotas} is {@code inmemory}
 * @param adapters which adapter implements each driven port, and where the AWS ones find AWS
 */
public record StrataConfiguration(
    Partition partition,
    Region region,
    AccountId account,
    long seed,
    IdempotencyMode idempotency,
    String transitions,
    Map<QuotaLedger, Long> quotaLimits,
    AdapterSettings adapters) {

  public static final String DEFAULT_PARTITION = InMemoryStrata.DEFAULT_PARTITION;
  public static final String DEFAULT_REGION = InMemoryStrata.DEFAULT_REGION;
  public static final String DEFAULT_ACCOUNT = InMemoryStrata.DEFAULT_ACCOUNT;
  public static final long DEFAULT_SEED = 0;
  public static final String IMMEDIATE = "immediate";
  public static final String MANUAL = "manual";
  public static final String AFTER_READS = "after-reads:";
  public static final String AFTER_DURATION = "after-duration:";

  /** Checks every setting; a bad one throws {@link IllegalArgumentException} naming it. */
  public StrataConfiguration {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(idempotency, "idempotency");
    policyNamed(Objects.requireNonNull(transitions, "transitions"));
    for (Map.Entry<QuotaLedger, Long> limit :
        Objects.requireNonNull(quotaLimits, "quotaLimits").entrySet()) {
      if (limit.getValue() == null || limit.getValue() < 0) {
        throw new IllegalArgumentException("a quota limit is at least 0: " + limit);
      }
    }
    quotaLimits = Map.copyOf(quotaLimits);
    Objects.requireNonNull(adapters, "adapters");
  }

  /**
   * The in-memory defaults: {@code aws}, {@code us-east-1}, {@code 123456789012}, seed 0, lenient,
   * immediate, every port in memory.
   */
  public static StrataConfiguration defaults() {
    return new StrataConfiguration(
        Partition.of(DEFAULT_PARTITION),
        Region.of(DEFAULT_REGION),
        AccountId.of(DEFAULT_ACCOUNT),
        DEFAULT_SEED,
        IdempotencyMode.LENIENT,
        IMMEDIATE,
        Map.of(),
        AdapterSettings.defaults());
  }

  public StrataConfiguration withScope(Partition partition, Region region, AccountId account) {
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, quotaLimits, adapters);
  }

  public StrataConfiguration withSeed(long seed) {
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, quotaLimits, adapters);
  }

  public StrataConfiguration withIdempotency(IdempotencyMode idempotency) {
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, quotaLimits, adapters);
  }

  public StrataConfiguration withTransitions(String transitions) {
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, quotaLimits, adapters);
  }

  /** This configuration with {@code limit} model units in {@code ledger}. */
  public StrataConfiguration withQuotaLimit(QuotaLedger ledger, long limit) {
    Map<QuotaLedger, Long> limits = new EnumMap<>(QuotaLedger.class);
    limits.putAll(quotaLimits);
    limits.put(ledger, limit);
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, limits, adapters);
  }

  /** This configuration with {@code adapters}. */
  public StrataConfiguration withAdapters(AdapterSettings adapters) {
    return new StrataConfiguration(
        partition, region, account, seed, idempotency, transitions, quotaLimits, adapters);
  }

  /**
   * This configuration with every key of {@code values} set to its value, as written in a
   * configuration file (see {@link ConfigurationKeys}); the adapter settings are checked together,
   * so that, e.g., {@code quotas=aws} and {@code store=aws} may come in any order.
   *
   * @param source where each key's value came from, appended to a complaint about it; null: nowhere
   * @throws ConfigurationException naming the key of a bad value or of an unknown key
   */
  public StrataConfiguration with(Map<String, String> values, Function<String, String> source) {
    StrataConfiguration c = this;
    Map<String, String> adapterValues = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      String key = e.getKey();
      String value = Objects.requireNonNull(e.getValue(), key);
      if (!ScopeKeys.handles(key)) {
        adapterValues.put(key, value);
        continue;
      }
      try {
        c = ScopeKeys.apply(c, key, value);
      } catch (IllegalArgumentException bad) {
        throw ConfigurationException.of(key, source.apply(key), bad);
      }
    }
    return c.withAdapters(adapters.with(adapterValues, source));
  }

  /** The region of the AWS clients: {@code adapters.awsRegion}, else {@link #region()}. */
  public String awsRegion() {
    return adapters.awsRegion().orElse(region.value());
  }

  /** The policy {@link #transitions()} names. */
  public StatusTransitionPolicy transitionPolicy() {
    return policyNamed(transitions);
  }

  private static StatusTransitionPolicy policyNamed(String name) {
    return StatusTransitionPolicy.named(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown transition policy '" + name + "'; expected " + StatusTransitionPolicy.NAMES));
  }
}
