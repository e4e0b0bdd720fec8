package dev.strata.adapters.inmemory;

import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.application.ProvisionedThroughputService;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.validation.RequestValidator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A whole Strata on in-memory adapters: {@code Strata strata = InMemoryStrata.create();}.
 *
 * <p>Defaults: partition {@code aws}, region {@code us-east-1}, account {@code 123456789012}, the
 * seeded catalog, {@value InMemoryModelUnitQuotas#DEFAULT_LIMIT} model units in every ledger, ARN
 * seed 0, the UTC system clock, immediate status transitions and lenient idempotency. The {@link
 * Builder} changes any of them; {@link #service()} and the adapters are then at hand for tests.
 */
public final class InMemoryStrata {
  public static final String DEFAULT_PARTITION = "aws";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";

  /** Building a Jakarta validator is costly; every in-memory Strata shares this one. */
  private static final class SharedValidator {
    static final RequestValidator INSTANCE = RequestValidator.create();
  }

  private final ResourceScope home;
  private final InMemoryModelCatalog catalog;
  private final InMemoryModelUnitQuotas quotas;
  private final InMemoryArnMinter minter;
  private final InMemoryProvisionedThroughputs repository;
  private final ProvisionedThroughputService service;

  private InMemoryStrata(Builder b) {
    this.home = ResourceScope.of(b.partition, b.region, b.account);
    this.catalog = InMemoryModelCatalog.seeded(home);
    this.quotas = new InMemoryModelUnitQuotas();
    b.ledgerLimits.forEach(quotas::limit);
    b.keyLimits.forEach(quotas::limit);
    this.minter = new InMemoryArnMinter(home, b.seed);
    this.repository = new InMemoryProvisionedThroughputs(quotas);
    restore(b.restored);
    this.service =
        ProvisionedThroughputService.builder()
            .catalog(catalog)
            .quotas(quotas)
            .minter(minter)
            .repository(repository)
            .clock(b.clock)
            .transitions(b.transitions)
            .idempotency(b.idempotency)
            .validator(SharedValidator.INSTANCE)
            .build();
  }

  /**
   * Puts back provisioned throughputs saved by {@link #snapshot()}, holding their model units in
   * the quota ledgers again. A record that no longer fits (its name, token or id taken, or its
   * units over a lowered limit) is a configuration error.
   */
  private void restore(Iterable<ProvisionedThroughput> saved) {
    for (ProvisionedThroughput pt : saved) {
      boolean stored =
          quotas
              .usage(pt.scope(), pt.quotaCharge().key())
              .flatMap(usage -> repository.insert(pt, usage.limit()))
              .map(outcome -> outcome instanceof InsertOutcome.Inserted)
              .getOrElse(false);
      if (!stored) {
        throw new IllegalArgumentException(
            "cannot restore " + pt.provisionedModelArn() + ": it conflicts with the saved state or the quotas");
      }
    }
  }

  /** Every provisioned throughput held now, for {@link Builder#restore} in a later process. */
  public io.vavr.collection.List<ProvisionedThroughput> snapshot() {
    return repository.snapshot();
  }

  /** A fully wired in-memory Strata with every default. */
  public static Strata create() {
    return builder().build().service();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The driving ports, for the home scope. */
  public ProvisionedThroughputService service() {
    return service;
  }

  public ResourceScope home() {
    return home;
  }

  public InMemoryModelCatalog catalog() {
    return catalog;
  }

  public InMemoryModelUnitQuotas quotas() {
    return quotas;
  }

  public InMemoryArnMinter minter() {
    return minter;
  }

  public InMemoryProvisionedThroughputs repository() {
    return repository;
  }

  /** Configures an in-memory Strata; every setting has the default documented on the class. */
  public static final class Builder {
    private String partition = DEFAULT_PARTITION;
    private String region = DEFAULT_REGION;
    private String account = DEFAULT_ACCOUNT;
    private long seed;
    private Clock clock = Clock.systemUTC();
    private StatusTransitionPolicy transitions = StatusTransitionPolicy.immediate();
    private IdempotencyMode idempotency = IdempotencyMode.LENIENT;
    private final Map<QuotaLedger, Long> ledgerLimits = new LinkedHashMap<>();
    private final Map<QuotaKey, Long> keyLimits = new LinkedHashMap<>();
    private final java.util.List<ProvisionedThroughput> restored = new java.util.ArrayList<>();

    private Builder() {}

    public Builder partition(String partition) {
      this.partition = Objects.requireNonNull(partition);
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    public Builder account(String account) {
      this.account = Objects.requireNonNull(account);
      return this;
    }

    /** The seed of the ARN minter: the same seed mints the same ids in the same order. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder transitions(StatusTransitionPolicy transitions) {
      this.transitions = Objects.requireNonNull(transitions);
      return this;
    }

    public Builder idempotency(IdempotencyMode idempotency) {
      this.idempotency = Objects.requireNonNull(idempotency);
      return this;
    }

    /** The limit of one ledger for every model and account. */
    public Builder quota(QuotaLedger ledger, long limit) {
      ledgerLimits.put(ledger, limit);
      return this;
    }

    /** The limit of one ledger key, e.g. {@code QuotaKey.committed("anthropic.claude-v2:0:100k")}. */
    public Builder quota(QuotaKey key, long limit) {
      keyLimits.put(key, limit);
      return this;
    }

    /** Starts with these provisioned throughputs, e.g. a {@link InMemoryStrata#snapshot()}. */
    public Builder restore(Iterable<ProvisionedThroughput> saved) {
      saved.forEach(restored::add);
      return this;
    }

    public InMemoryStrata build() {
      return new InMemoryStrata(this);
    }
  }
}
