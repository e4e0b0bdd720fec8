package dev.strata.app.wiring;

import dev.strata.adapters.aws.AwsAdapters;
import dev.strata.adapters.aws.AwsClients;
import dev.strata.adapters.aws.DynamoDbProvisionedThroughputs;
import dev.strata.adapters.aws.DynamoDbStrataTable;
import dev.strata.adapters.aws.SdkSignatureV4;
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
import dev.strata.adapters.sqlite.SqliteStateFile;
import dev.strata.app.wiring.AdapterSettings.Adapter;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import dev.strata.app.wiring.AdapterSettings.AwsService;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.ServiceClock;
import dev.strata.ports.application.StrataControlService;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

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
  private Wiring() {}

  /**
   * How the HTTP endpoint checks callers in {@code modes} against {@code keys}: SigV4 signatures
   * recomputed by the AWS SDK's own signer (whatever adapters the Strata behind it uses), and
   * signing times checked against the wall clock, which is never the service's clock.
   */
  public static Authentication authentication(Set<Authentication.Mode> modes, Credentials keys) {
    return Authentication.of(modes, keys, new SdkSignatureV4(), Clock.systemUTC());
  }

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
    AwsAdapters aws = new AwsAdapters(clients(configuration));
    try {
      return onAws(configuration, aws);
    } catch (RuntimeException e) {
      aws.close();
      throw e;
    }
  }

  private static AwsClients clients(StrataConfiguration c) {
    AwsClients clients = AwsClients.of(c.awsRegion());
    for (Map.Entry<AwsService, java.net.URI> e : c.adapters().endpoints().entrySet()) {
      clients = clients.withEndpoint(service(e.getKey()), e.getValue());
    }
    return clients;
  }

  private static AwsClients.Service service(AwsService s) {
    return switch (s) {
      case BEDROCK -> AwsClients.Service.BEDROCK;
      case SERVICE_QUOTAS -> AwsClients.Service.SERVICE_QUOTAS;
      case STS -> AwsClients.Service.STS;
      case DYNAMODB -> AwsClients.Service.DYNAMODB;
    };
  }

  private static WiredStrata onAws(StrataConfiguration c, AwsAdapters aws) {
    AdapterSettings a = c.adapters();
    Clock clock = Clock.systemUTC();
    ServiceClock serviceClock = new ServiceClock(clock, new InMemoryClockOffset());
    ResourceScope home = ResourceScope.of(c.partition(), c.region(), c.account());
    ModelCatalog catalog =
        a.catalog() == Adapter.AWS ? aws.catalog(clock) : InMemoryModelCatalog.seeded(home);
    ArnMinter minter =
        a.arns() == Adapter.AWS
            ? aws.minter()
            : new InMemoryArnMinter(
                home, a.store() == Adapter.AWS ? new SecureRandom().nextLong() : c.seed());
    ModelUnitLimits limits = a.quotas() == Adapter.AWS ? aws.limits(clock) : configured(c);
    ProvisionedThroughputs store;
    HeldState held;
    if (a.store() == Adapter.AWS) {
      DynamoDbStrataTable table = aws.table(a.tableName());
      if (a.createTable()) {
        Either<?, Boolean> created = table.createIfAbsent();
        if (created.isLeft()) {
          throw new WiringException(
              "DynamoDB table " + a.tableName() + " could not be created or described: " + created.getLeft());
        }
      }
      store = new DynamoDbProvisionedThroughputs(table);
      held = HeldState.elsewhere("it lives in the DynamoDB table " + a.tableName() + ", shared by every instance");
    } else {
      InMemoryProvisionedThroughputs inMemory = new InMemoryProvisionedThroughputs();
      store = inMemory;
      held = minter instanceof InMemoryArnMinter seeded
          ? new InMemoryHeldState(inMemory, seeded)
          : HeldState.elsewhere("its ids are drawn at random (arns aws), with no position to keep");
    }
    StrataService strata =
        StrataService.builder()
            .catalog(catalog)
            .limits(limits)
            .minter(minter)
            .store(store)
            .clock(serviceClock)
            .transitions(c.transitionPolicy())
            .idempotency(c.idempotency())
            .build();
    return new WiredStrata(strata, control(strata, serviceClock, store, held, adapterNames(a, "inmemory")), aws);
  }

  /** The control of {@code strata}, built on {@code clock}, {@code store} and its {@code held} state. */
  private static StrataControlService control(
      StrataService strata,
      ServiceClock clock,
      ProvisionedThroughputs store,
      HeldState held,
      Map<String, String> adapters) {
    return StrataControlService.builder()
        .clock(clock)
        .store(store)
        .state(held)
        .adapters(adapters)
        .controls(strata.controls())
        .build();
  }

  /** The adapter of each port as health shows it; {@code inMemoryStore} names the in-memory store. */
  private static Map<String, String> adapterNames(AdapterSettings a, String inMemoryStore) {
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
  private static ModelUnitLimits configured(StrataConfiguration c) {
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
        StrataService.builder()
            .catalog(InMemoryModelCatalog.seeded(home))
            .limits(configured(c))
            .minter(new SqliteArnMinter(file, new InMemoryArnMinter(home, c.seed())))
            .store(store)
            .clock(clock)
            .transitions(c.transitionPolicy())
            .idempotency(c.idempotency())
            .build();
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
