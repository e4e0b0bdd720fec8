package dev.strata.adapters.aws;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS adapters built on one {@link AwsClients}, owning the SDK clients they call: {@link
 * #close()} closes every client built so far. A composition root builds the adapters it chose
 * here and never touches an SDK type.
 *
 * <p>Thread-safe.
 */
public final class AwsAdapters implements AutoCloseable {
  private final AwsClients clients;
  private final List<SdkAutoCloseable> held = new ArrayList<>();

  public AwsAdapters(AwsClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /** The model catalog from Bedrock (GetFoundationModel, GetCustomModel), answers cached on {@code clock}. */
  public BedrockModelCatalog catalog(Clock clock) {
    return new BedrockModelCatalog(hold(clients.bedrock()), clock);
  }

  /** Model-unit limits from Service Quotas, answers cached on {@code clock}. */
  public ServiceQuotasModelUnitLimits limits(Clock clock) {
    return new ServiceQuotasModelUnitLimits(hold(clients.serviceQuotas()), clock);
  }

  /** ARNs in the caller's account (STS GetCallerIdentity) and the clients' region. */
  public StsArnMinter minter() {
    return new StsArnMinter(hold(clients.sts()));
  }

  /** The Strata table {@code name} in DynamoDB; not created here (see {@link DynamoDbStrataTable#createIfAbsent()}). */
  public DynamoDbStrataTable table(String name) {
    return new DynamoDbStrataTable(hold(clients.dynamoDb()), name);
  }

  private synchronized <C extends SdkAutoCloseable> C hold(C client) {
    held.add(client);
    return client;
  }

  /** Closes every client built so far; the adapters built on them fail from then on. */
  @Override
  public synchronized void close() {
    held.forEach(SdkAutoCloseable::close);
    held.clear();
  }
}
