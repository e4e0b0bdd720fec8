package dev.strata.domain;

import org.immutables.value.Value;

/**
 * Where a resource lives: partition, region and account. Provisioned throughputs, their names and
 * their idempotency tokens are unique within one scope, and invisible outside it (D1, D2, D15).
 */
@Value.Immutable
public abstract class ResourceScope {
  public abstract Partition partition();

  public abstract Region region();

  public abstract AccountId account();

  public static ResourceScope of(Partition partition, Region region, AccountId account) {
    return ImmutableResourceScope.of(partition, region, account);
  }

  public static ResourceScope of(String partition, String region, String account) {
    return of(Partition.of(partition), Region.of(region), AccountId.of(account));
  }

  /** The ARN of this scope's provisioned model {@code id} (D17). */
  public ProvisionedModelArn provisionedModelArn(ProvisionedModelId id) {
    return ProvisionedModelArn.of(this, id);
  }

  /** The ARN of foundation model {@code modelId} in this scope's region. */
  public FoundationModelArn foundationModelArn(String modelId) {
    return FoundationModelArn.of(partition(), region(), modelId);
  }

  @Override
  public String toString() {
    return partition() + ":" + region() + ":" + account();
  }
}
