package dev.strata.adapters.aws;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.Partition;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.Region;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ArnMinter;
import io.vavr.control.Either;
import java.security.SecureRandom;
import java.util.Objects;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Identities from AWS (D17): the home scope is the caller's account, from STS GetCallerIdentity, in
 * the STS client's region and that region's partition (from the SDK's region metadata). The account
 * is fetched once, on first use; a failed fetch is not remembered, so the next call asks again.
 * Provisioned-model ids are twelve characters drawn uniformly from {@code [a-z0-9]} by a {@link
 * SecureRandom}; minting never calls AWS.
 *
 * <p>Thread-safe if the client is; never throws.
 */
public final class StsArnMinter implements ArnMinter {
  private static final int ID_LENGTH = 12;

  private final StsClient sts;
  private final Partition partition;
  private final Region region;
  private final SecureRandom random;
  private volatile ResourceScope home;

  /** A minter for the STS client's credentials and region, with a fresh {@link SecureRandom}. */
  public StsArnMinter(StsClient sts) {
    this(sts, new SecureRandom());
  }

  public StsArnMinter(StsClient sts, SecureRandom random) {
    this.sts = Objects.requireNonNull(sts, "sts");
    this.random = Objects.requireNonNull(random, "random");
    software.amazon.awssdk.regions.Region clientRegion = sts.serviceClientConfiguration().region();
    this.partition = AwsClients.partitionOf(clientRegion);
    this.region = Region.of(clientRegion.id());
  }

  @Override
  public Either<BedrockError, ResourceScope> homeScope() {
    ResourceScope known = home;
    if (known != null) {
      return Either.right(known);
    }
    synchronized (this) {
      if (home != null) {
        return Either.right(home);
      }
      return AwsFailures.call(
              "STS GetCallerIdentity",
              () ->
                  ResourceScope.of(
                      partition, region, AccountId.of(sts.getCallerIdentity().account())))
          .peek(scope -> home = scope);
    }
  }

  @Override
  public ProvisionedModelArn mint(ResourceScope scope) {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < ID_LENGTH; i++) {
      id[i] =
          ProvisionedModelId.ALPHABET.charAt(random.nextInt(ProvisionedModelId.ALPHABET.length()));
    }
    return scope.provisionedModelArn(ProvisionedModelId.of(new String(id)));
  }
}
