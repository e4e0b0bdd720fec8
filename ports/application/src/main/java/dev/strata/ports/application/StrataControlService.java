package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.control.Controls;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.application.control.StateTransfer;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.CustomModelControl;
import dev.strata.ports.driving.FaultControl;
import dev.strata.ports.driving.QuotaControl;
import dev.strata.ports.driving.Health;
import dev.strata.ports.driving.StateControl;
import dev.strata.ports.driving.StrataControl;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The one {@link StrataControl}: the service clock the Strata beside it reads, a reset of its store
 * and of every registered {@link ResetHook}, and its health. Thread-safe.
 */
public final class StrataControlService implements StrataControl {
  private final ServiceClock clock;
  private final ProvisionedThroughputs store;
  private final Health health;
  private final List<ResetHook> resetHooks;
  private final Controls controls;
  private final StateTransfer state;

  /** The descriptor Maven puts in the application jar; absent when run from class directories. */
  private static final String DESCRIPTOR = "/META-INF/maven/dev.strata/strata-application/pom.properties";

  private StrataControlService(Builder b) {
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.store = Objects.requireNonNull(b.store, "store");
    this.health = new Health(version(), b.adapters);
    this.controls = Objects.requireNonNull(b.controls, "controls");
    this.state = new StateTransfer(Objects.requireNonNull(b.state, "state"));
    List<ResetHook> hooks = new ArrayList<>(b.resetHooks);
    hooks.add(scope -> controls.faults().clear(scope.map(ResourceScope::account)));
    this.resetHooks = List.copyOf(hooks);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ServiceClock clock() {
    return clock;
  }

  @Override
  public Either<BedrockError, Integer> reset(Optional<ResourceScope> scope) {
    Either<BedrockError, Integer> removed = store.removeAll(Option.ofOptional(scope));
    if (removed.isLeft()) {
      return removed;
    }
    resetHooks.forEach(hook -> hook.reset(scope));
    if (scope.isEmpty()) {
      return clock.toRealTime().map(reading -> removed.get());
    }
    return removed;
  }

  @Override
  public Health health() {
    return health;
  }

  @Override
  public FaultControl faults() {
    return controls.faults();
  }

  @Override
  public QuotaControl quotas() {
    return controls.quotas();
  }

  @Override
  public CustomModelControl customModels() {
    return controls.customModels();
  }

  @Override
  public StateControl state() {
    return state;
  }

  /** Strata's version from the application jar's Maven descriptor, or {@code development}. */
  public static String version() {
    try (InputStream in = StrataControlService.class.getResourceAsStream(DESCRIPTOR)) {
      if (in == null) {
        return "development";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  /** Wires a control; the clock, the store, the controls and the held state are required. */
  public static final class Builder {
    private ServiceClock clock;
    private ProvisionedThroughputs store;
    private Map<String, String> adapters = Map.of();
    private final List<ResetHook> resetHooks = new ArrayList<>();
    private Controls controls;
    private HeldState state;

    private Builder() {}

    /** The clock the Strata beside it was built with. */
    public Builder clock(ServiceClock clock) {
      this.clock = clock;
      return this;
    }

    /** The store the Strata beside it was built with. */
    public Builder store(ProvisionedThroughputs store) {
      this.store = store;
      return this;
    }

    /** The adapter of each driven port, by port name, as {@link Health#adapters()} shows them. */
    public Builder adapters(Map<String, String> adapters) {
      this.adapters = Map.copyOf(adapters);
      return this;
    }

    /**
     * The faults, quotas and custom models of the Strata beside it ({@link
     * StrataService#controls()}); a reset disarms the faults, everywhere or of its account.
     */
    public Builder controls(Controls controls) {
      this.controls = controls;
      return this;
    }

    /**
     * Where the composition root's adapters hold the whole state, which {@link
     * StrataControlService#state()} exports and imports; {@link HeldState#elsewhere} where they do
     * not.
     */
    public Builder state(HeldState state) {
      this.state = state;
      return this;
    }

    /** Also undoes {@code hook} on every reset, after the store; hooks run in the order added. */
    public Builder onReset(ResetHook hook) {
      resetHooks.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    public StrataControlService build() {
      return new StrataControlService(this);
    }
  }
}
