package dev.strata.domain;

import java.util.List;
import org.immutables.value.Value;

/**
 * A foundation model as the catalog knows it: the fields of Bedrock's {@code
 * FoundationModelDetails}, plus whether it can be bought without commitment (D13).
 */
@Value.Immutable
public abstract class FoundationModel {
  public abstract FoundationModelArn arn();

  /** The model id, e.g. {@code amazon.nova-lite-v1:0:24k}. */
  @Value.Derived
  public String modelId() {
    return arn().modelId();
  }

  public abstract String modelName();

  public abstract String providerName();

  public abstract List<ModelModality> inputModalities();

  public abstract List<ModelModality> outputModalities();

  public abstract boolean responseStreamingSupported();

  public abstract List<ModelCustomization> customizationsSupported();

  public abstract List<InferenceType> inferenceTypesSupported();

  @Value.Default
  public FoundationModelLifecycleStatus lifecycleStatus() {
    return FoundationModelLifecycleStatus.ACTIVE;
  }

  /**
   * Whether a provisioned throughput for this model may omit {@code commitmentDuration} (the
   * "No-commitment purchase supported for base model" column of AWS's supported-models page).
   */
  public abstract boolean noCommitmentPurchaseSupported();

  /** Whether provisioned throughput can be bought for this model (D12). */
  public boolean supportsProvisionedThroughput() {
    return inferenceTypesSupported().contains(InferenceType.PROVISIONED);
  }

  /** This model as the catalog of {@code scope}'s partition and region presents it. */
  public FoundationModel inRegionOf(ResourceScope scope) {
    if (arn().partition().equals(scope.partition()) && arn().region().equals(scope.region())) {
      return this;
    }
    return ImmutableFoundationModel.copyOf(this).withArn(scope.foundationModelArn(modelId()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a FoundationModel; every attribute without a default is required. */
  public static final class Builder extends ImmutableFoundationModel.Builder {
    Builder() {}
  }
}
