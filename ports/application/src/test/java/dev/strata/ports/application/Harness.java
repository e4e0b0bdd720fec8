package dev.strata.ports.application;

import dev.strata.adapters.inmemory.InMemoryAdapters;
import dev.strata.adapters.inmemory.InMemoryArnMinter;
import dev.strata.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.adapters.inmemory.InMemoryModelUnitLimits;
import dev.strata.adapters.inmemory.InMemoryProvisionedThroughputs;
import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import io.vavr.control.Either;
import java.time.Clock;

/**
 * The application layer on real in-memory adapters, for its own tests: a {@link StrataService}
 * and the adapters behind it, at hand for assertions and injected faults. Built like the
 * embedding entry ({@code InMemoryStrata}), which lives above this module.
 */
public final class Harness {
  public static final String DEFAULT_PARTITION = InMemoryAdapters.DEFAULT_PARTITION;
  public static final String DEFAULT_REGION = InMemoryAdapters.DEFAULT_REGION;
  public static final String DEFAULT_ACCOUNT = InMemoryAdapters.DEFAULT_ACCOUNT;

  /** Building a Jakarta validator is costly; every harness shares this one. */
  private static final dev.strata.ports.validation.RequestValidator VALIDATOR =
      dev.strata.ports.validation.RequestValidator.create();

  private final InMemoryAdapters adapters;
  private final StrataService service;

  private Harness(Builder b) {
    this.adapters = b.adapters();
    this.service =
        StrataService.builder()
            .catalog(adapters.catalog())
            .limits(adapters.limits())
            .minter(adapters.minter())
            .store(adapters.store())
            .clock(b.clock)
            .transitions(b.transitions)
            .idempotency(b.idempotency)
            .validator(VALIDATOR)
            .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public StrataService service() {
    return service;
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

  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return adapters.usage(scope, key);
  }

  /** The adapters' settings plus the application's: clock, transitions, idempotency. */
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
      this.clock = clock;
      return this;
    }

    public Builder transitions(StatusTransitionPolicy transitions) {
      this.transitions = transitions;
      return this;
    }

    public Builder idempotency(IdempotencyMode idempotency) {
      this.idempotency = idempotency;
      return this;
    }

    public Harness build() {
      return new Harness(this);
    }
  }
}
