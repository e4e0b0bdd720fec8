package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.application.ServiceClock;
import dev.strata.ports.application.StrataControlService;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * A whole Strata on in-memory adapters: {@code Strata strata = InMemoryStrata.create();}.
 *
 * <p>Defaults: those of {@link InMemoryAdapters} (partition {@code aws}, region {@code us-east-1},
 * account {@code 123456789012}, the seeded catalog, {@value InMemoryModelUnitLimits#DEFAULT_LIMIT}
 * model units in every ledger, ARN seed 0), the UTC system clock, immediate status transitions and
 * lenient idempotency. The {@link Builder} changes any of them; {@link #service()}, {@link
 * #control()} and the adapters are then at hand for tests.
 */
public final class InMemoryStrata {
  public static final String DEFAULT_PARTITION = InMemoryAdapters.DEFAULT_PARTITION;
  public static final String DEFAULT_REGION = InMemoryAdapters.DEFAULT_REGION;
  public static final String DEFAULT_ACCOUNT = InMemoryAdapters.DEFAULT_ACCOUNT;

  private static final Map<String, String> ADAPTERS =
      Map.of("catalog", "inmemory", "quotas", "inmemory", "arns", "inmemory", "store", "inmemory");

  private final InMemoryAdapters adapters;
  private final StrataService service;
  private final StrataControlService control;

  private InMemoryStrata(Builder b) {
    this.adapters = b.adapters();
    ServiceClock clock = new ServiceClock(b.clock, new InMemoryClockOffset());
    this.service =
        StrataService.builder()
            .catalog(adapters.catalog())
            .limits(adapters.limits())
            .minter(adapters.minter())
            .store(adapters.store())
            .clock(clock)
            .transitions(b.transitions)
            .idempotency(b.idempotency)
            .build();
    this.control =
        StrataControlService.builder()
            .clock(clock)
            .store(adapters.store())
            .adapters(ADAPTERS)
            .controls(service.controls())
            .state(new InMemoryHeldState(adapters.store(), adapters.minter()))
            .build();
  }

  /** A fully wired in-memory Strata with every default. */
  public static Strata create() {
    return builder().build().service();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The driving ports, for the home scope. */
  public StrataService service() {
    return service;
  }

  /**
   * Test control of this Strata: its service clock (which every Bedrock-visible time is read
   * from, on top of the builder's clock), reset, health, faults, quotas, custom models and the
   * whole state ({@code state().export()}, {@code state().replace(saved)}).
   */
  public StrataControlService control() {
    return control;
  }

  /** The adapters it runs on. */
  public InMemoryAdapters adapters() {
    return adapters;
  }

  public ResourceScope home() {
    return adapters.home();
  }

  public InMemoryModelCatalog catalog() {
    return adapters.catalog();
  }

  public InMemoryModelUnitLimits limits() {
    return adapters.limits();
  }

  public InMemoryArnMinter minter() {
    return adapters.minter();
  }

  public InMemoryProvisionedThroughputs repository() {
    return adapters.store();
  }

  /** A ledger's limit and the units held against it now (D14). */
  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return adapters.usage(scope, key);
  }

  /** Every provisioned throughput held now, for {@link Builder#restore} in a later process. */
  public io.vavr.collection.List<ProvisionedThroughput> snapshot() {
    return adapters.snapshot();
  }

  /** Configures an in-memory Strata; every setting has the default documented on the class. */
  public static final class Builder extends InMemoryAdapters.Configurer<Builder> {
    private Clock clock = Clock.systemUTC();
    private StatusTransitionPolicy transitions = StatusTransitionPolicy.immediate();
    private IdempotencyMode idempotency = IdempotencyMode.LENIENT;

    private Builder() {}

    @Override
    protected Builder self() {
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

    public InMemoryStrata build() {
      return new InMemoryStrata(this);
    }
  }
}
