package dev.strata.composition;

import dev.strata.adapters.inmemory.InMemoryArnMinter;
import dev.strata.adapters.inmemory.InMemoryClockOffset;
import dev.strata.adapters.inmemory.InMemoryHeldState;
import dev.strata.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.adapters.inmemory.InMemoryModelUnitLimits;
import dev.strata.adapters.inmemory.InMemoryProvisionedThroughputs;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.adapters.sqlite.SqliteArnMinter;
import dev.strata.adapters.sqlite.SqliteClockOffset;
import dev.strata.adapters.sqlite.SqliteProvisionedThroughputs;
import dev.strata.adapters.sqlite.SqliteSavedState;
import dev.strata.adapters.sqlite.SqliteSavedState;
import dev.strata.adapters.sqlite.SqliteStateFile;
import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.ServiceClock;
import dev.strata.ports.application.StrataControlService;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.Strata;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Builds a {@link Strata} from a {@link StrataConfiguration}: one adapter per driven port, as
 * {@link StrataConfiguration#adapters()} chooses.
 *
 * <ul>
 *   <li>catalog: the seeded {@link InMemoryModelCatalog}, or Bedrock;
 *   <li>arns: the seeded {@link InMemoryArnMinter}, or STS's caller account. With the {@code aws}
 *       store the in-memory minter draws a random seed: instances sharing a table must not mint
 *       the same ids;
 *   <li>store: {@link InMemoryProvisionedThroughputs}, or, with a state file, {@link
 *       SqliteProvisionedThroughputs} (and the minter's position kept in the file too), or DynamoDB
 *       (the table is created on start unless {@code createTable} is false);
 *   <li>quotas: where the limits come from, the configured figures ({@link
 *       InMemoryModelUnitLimits}) or Service Quotas. The units held against them are the store's,
 *       in memory or in the DynamoDB table.
 * </ul>
 */
public final class Wiring {
  /** The Maven coordinates of the AWS adapters, which an {@code aws} adapter needs. */
  public static final String AWS_ARTIFACT = "dev.strata:strata-adapters-aws";

  private static final String AWS_ADAPTERS_CLASS = "dev.strata.adapters.aws.AwsAdapters";
  private static final String AWS_SDK_CLASS = "software.amazon.awssdk.core.SdkClient";

  private Wiring() {}

  /**
   * A Strata for an all-in-memory {@code configuration}, on the system UTC clock; it holds no
   * resources. A configuration that chooses an AWS adapter needs {@link #open}.
   */
  public static Strata strata(StrataConfiguration configuration) {
    if (configuration.adapters().usesAws() || configuration.adapters().state().isPresent()) {
      throw new IllegalArgumentException(
          "the configuration chooses AWS adapters or a state file, which hold clients or a file:"
              + " use Wiring.open and close it");
    }
    return inMemory(configuration).service();
  }

  /**
   * A Strata for {@code configuration} with the adapters it chooses, on the system UTC clock, and
   * the AWS clients they hold, which {@link WiredStrata#close()} closes.
   *
   * @throws WiringException when the DynamoDB table cannot be created or described, or the state
   *     file's path cannot hold it
   * @throws StateFileException when the state file is not one (see {@link StateStore#open})
   */
  public static WiredStrata open(StrataConfiguration configuration) {
    AdapterSettings a = configuration.adapters();
    if (a.state().isPresent()) {
      return onStateFile(configuration, a.state().get());
    }
    if (!a.usesAws()) {
      InMemoryStrata strata = inMemory(configuration);
      return new WiredStrata(strata.service(), strata.control(), () -> {});
    }
    requireAwsAdapters(a);
    return AwsWiring.open(configuration);
  }

  /**
   * Fails, naming the artifact to add, when {@code a} chooses an {@code aws} adapter but the AWS
   * adapters (and so the AWS SDK) are not on the class path: this module declares them optional.
   */
  private static void requireAwsAdapters(AdapterSettings a) {
    try {
      Class.forName(AWS_ADAPTERS_CLASS, false, Wiring.class.getClassLoader());
      Class.forName(AWS_SDK_CLASS, false, Wiring.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new WiringException(
          a.firstAwsPort()
              + ": aws needs the AWS adapters, which are not on the class path: add the dependency "
              + AWS_ARTIFACT
              + " (it brings the AWS SDK)");
    }
  }

  /** Strata's application layer on these adapters, with {@code c}'s transition policy and idempotency. */
  static StrataService service(
      StrataConfiguration c,
      ModelCatalog catalog,
      ModelUnitLimits limits,
      ArnMinter minter,
      ProvisionedThroughputs store,
      ServiceClock clock) {
    return StrataService.builder()
        .catalog(catalog)
        .limits(limits)
        .minter(minter)
        .store(store)
        .clock(clock)
        .transitions(c.transitionPolicy())
        .idempotency(c.idempotency())
        .build();
  }

  /** The control of {@code strata}, built on {@code clock}, {@code store} and its {@code held} state. */
  static StrataControlService control(
      StrataService strata,
      ServiceClock clock,
      ProvisionedThroughputs store,
      HeldState held,
      Map<String, String> adapters) {
    return StrataControlService.builder()
        .clock(clock)
        .store(store)
        .state(held)
        .state(held)
        .adapters(adapters)
        .controls(strata.controls())
        .build();
  }

  /** The adapter of each port as health shows it; {@code inMemoryStore} names the in-memory store. */
  static Map<String, String> adapterNames(AdapterSettings a, String inMemoryStore) {
    return Map.of(
        "catalog", name(a.catalog()),
        "quotas", name(a.quotas()),
        "arns", name(a.arns()),
        "store", a.store() == Adapter.AWS ? "aws" : inMemoryStore);
  }

  private static String name(Adapter adapter) {
    return adapter == Adapter.AWS ? "aws" : "inmemory";
  }

  /** The configured figures ({@code --quota}), {@value InMemoryModelUnitLimits#DEFAULT_LIMIT} for a ledger not named. */
  static ModelUnitLimits configured(StrataConfiguration c) {
    InMemoryModelUnitLimits limits = new InMemoryModelUnitLimits();
    c.quotaLimits().forEach(limits::limit);
    return limits;
  }

  /**
   * The in-memory catalog and limits on the state file at {@code path}: the store, the seeded
   * minter's position and the service clock's offset live in the file, shared with every process
   * that opens it.
   */
  private static WiredStrata onStateFile(StrataConfiguration c, Path path) {
    SqliteStateFile file = StateStore.open(path);
    ResourceScope home = ResourceScope.of(c.partition(), c.region(), c.account());
    ServiceClock clock = new ServiceClock(Clock.systemUTC(), new SqliteClockOffset(file));
    SqliteProvisionedThroughputs store = new SqliteProvisionedThroughputs(file);
    StrataService strata =
        service(
            c,
            InMemoryModelCatalog.seeded(home),
            configured(c),
            new SqliteArnMinter(file, new InMemoryArnMinter(home, c.seed())),
            store,
            clock);
    SqliteSavedState saved = new SqliteSavedState(store);
    HeldState held = HeldState.of(saved::saved, saved::replaceAll);
    return new WiredStrata(strata, control(strata, clock, store, held, adapterNames(c.adapters(), "sqlite")), file);
  }

  private static InMemoryStrata inMemory(StrataConfiguration c) {
    InMemoryStrata.Builder b =
        InMemoryStrata.builder()
            .partition(c.partition().value())
            .region(c.region().value())
            .account(c.account().value())
            .seed(c.seed())
            .idempotency(c.idempotency())
            .transitions(c.transitionPolicy());
    c.quotaLimits().forEach(b::quota);
    return b.build();
  }
}
