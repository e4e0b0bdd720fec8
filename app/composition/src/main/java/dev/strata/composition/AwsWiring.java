package dev.strata.composition;

import dev.strata.adapters.aws.AwsAdapters;
import dev.strata.adapters.aws.AwsClients;
import dev.strata.adapters.aws.DynamoDbProvisionedThroughputs;
import dev.strata.adapters.aws.DynamoDbStrataTable;
import dev.strata.adapters.inmemory.InMemoryArnMinter;
import dev.strata.adapters.inmemory.InMemoryClockOffset;
import dev.strata.adapters.inmemory.InMemoryHeldState;
import dev.strata.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.adapters.inmemory.InMemoryProvisionedThroughputs;
import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.AdapterSettings.AwsService;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.ServiceClock;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import io.vavr.control.Either;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * The half of {@link Wiring} that names the AWS adapters, and so the AWS SDK. Only {@link
 * Wiring#open} loads it, once it has checked that {@value Wiring#AWS_ARTIFACT} is on the class path.
 */
final class AwsWiring {
  private AwsWiring() {}

  /** A Strata on the AWS adapters {@code c} chooses (the others in memory), and the clients they hold. */
  static WiredStrata open(StrataConfiguration c) {
    AwsAdapters aws = new AwsAdapters(clients(c));
    try {
      return onAws(c, aws);
    } catch (RuntimeException e) {
      aws.close();
      throw e;
    }
  }

  private static AwsClients clients(StrataConfiguration c) {
    AwsClients clients = AwsClients.of(c.awsRegion());
    for (Map.Entry<AwsService, URI> e : c.adapters().endpoints().entrySet()) {
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
    ModelUnitLimits limits = a.quotas() == Adapter.AWS ? aws.limits(clock) : Wiring.configured(c);
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
    StrataService strata = Wiring.service(c, catalog, limits, minter, store, serviceClock);
    return new WiredStrata(
        strata, Wiring.control(strata, serviceClock, store, held, Wiring.adapterNames(a, "inmemory")), aws);
  }
}
