package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One set of in-memory driven adapters for one home scope: the seeded catalog, configured quota
 * limits, a seeded ARN minter and a store, optionally restored from a snapshot. What every
 * in-memory composition ({@code InMemoryStrata}, the application layer's tests) is built on.
 *
 * <p>Defaults: partition {@value #DEFAULT_PARTITION}, region {@value #DEFAULT_REGION}, account
 * {@value #DEFAULT_ACCOUNT}, {@value InMemoryModelUnitLimits#DEFAULT_LIMIT} model units in every
 * ledger, ARN seed 0, nothing stored.
 */
public final class InMemoryAdapters {
  public static final String DEFAULT_PARTITION = "aws";
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";

  private final ResourceScope home;
  private final InMemoryModelCatalog catalog;
  private final InMemoryModelUnitLimits limits = new InMemoryModelUnitLimits();
  private final InMemoryArnMinter minter;
  private final InMemoryProvisionedThroughputs store = new InMemoryProvisionedThroughputs();

  private InMemoryAdapters(Configurer<?> c) {
    this.home = ResourceScope.of(c.partition, c.region, c.account);
    this.catalog = InMemoryModelCatalog.seeded(home);
    c.ledgerLimits.forEach(limits::limit);
    c.keyLimits.forEach(limits::limit);
    this.minter = new InMemoryArnMinter(home, c.seed);
    c.restored.forEach(this::restore);
  }

  /**
   * Puts back a provisioned throughput saved by {@link #snapshot()}, holding its model units again.
   * A record that no longer fits (its name, token or id taken, or its units over a lowered limit)
   * is a configuration error.
   */
  private void restore(ProvisionedThroughput pt) {
    boolean stored =
        limits
            .limit(pt.scope(), pt.quotaCharge().key())
            .flatMap(limit -> store.insert(pt, limit))
            .map(outcome -> outcome instanceof InsertOutcome.Inserted)
            .getOrElse(false);
    if (!stored) {
      throw new IllegalArgumentException(
          "cannot restore " + pt.provisionedModelArn() + ": it conflicts with the saved state or the quotas");
    }
  }

  public ResourceScope home() {
    return home;
  }

  public InMemoryModelCatalog catalog() {
    return catalog;
  }

  public InMemoryModelUnitLimits limits() {
    return limits;
  }

  public InMemoryArnMinter minter() {
    return minter;
  }

  public InMemoryProvisionedThroughputs store() {
    return store;
  }

  /** A ledger's limit and the units held against it now, as Create sees them (D14). */
  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return limits.limit(scope, key).flatMap(limit -> store.unitsHeld(scope, key).map(held -> QuotaUsage.of(key, limit, held)));
  }

  /** Every provisioned throughput held now, for {@link Configurer#restore} in a later process. */
  public io.vavr.collection.List<ProvisionedThroughput> snapshot() {
    return store.snapshot();
  }

  /** In-memory adapters with every default. */
  public static InMemoryAdapters create() {
    return new Plain().adapters();
  }

  /**
   * The settings of in-memory adapters, for the builders of compositions built on them; {@code B}
   * is the builder's own type, so that its settings chain.
   */
  public abstract static class Configurer<B extends Configurer<B>> {
    private String partition = DEFAULT_PARTITION;
    private String region = DEFAULT_REGION;
    private String account = DEFAULT_ACCOUNT;
    private long seed;
    private final Map<QuotaLedger, Long> ledgerLimits = new LinkedHashMap<>();
    private final Map<QuotaKey, Long> keyLimits = new LinkedHashMap<>();
    private final List<ProvisionedThroughput> restored = new ArrayList<>();

    protected abstract B self();

    /** The adapters these settings describe; each call builds a new, independent set. */
    public final InMemoryAdapters adapters() {
      return new InMemoryAdapters(this);
    }

    public B partition(String partition) {
      this.partition = Objects.requireNonNull(partition);
      return self();
    }

    public B region(String region) {
      this.region = Objects.requireNonNull(region);
      return self();
    }

    public B account(String account) {
      this.account = Objects.requireNonNull(account);
      return self();
    }

    /** The seed of the ARN minter: the same seed mints the same ids in the same order. */
    public B seed(long seed) {
      this.seed = seed;
      return self();
    }

    /** The limit of one ledger for every model and account. */
    public B quota(QuotaLedger ledger, long limit) {
      ledgerLimits.put(ledger, limit);
      return self();
    }

    /** The limit of one ledger key, e.g. {@code QuotaKey.committed("anthropic.claude-v2:0:100k")}. */
    public B quota(QuotaKey key, long limit) {
      keyLimits.put(key, limit);
      return self();
    }

    /** Starts with these provisioned throughputs, e.g. a {@link InMemoryAdapters#snapshot()}. */
    public B restore(Iterable<ProvisionedThroughput> saved) {
      saved.forEach(restored::add);
      return self();
    }
  }

  private static final class Plain extends Configurer<Plain> {
    @Override
    protected Plain self() {
      return this;
    }
  }
}
