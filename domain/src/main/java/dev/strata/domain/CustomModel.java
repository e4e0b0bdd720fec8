package dev.strata.domain;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * A custom model of one account: the fields of Bedrock's {@code CustomModelSummary}. Its base
 * model decides what provisioned throughput for it may do (D11, D13).
 */
@Value.Immutable
public abstract class CustomModel {
  public abstract CustomModelArn arn();

  /** The custom model's name, unique in its account. Shape {@code CustomModelName} ({@link CatalogShapes}). */
  public abstract String modelName();

  public abstract FoundationModelArn baseModelArn();

  public abstract Instant creationTime();

  @Value.Default
  public CustomizationType customizationType() {
    return CustomizationType.FINE_TUNING;
  }

  @Value.Default
  public ModelStatus modelStatus() {
    return ModelStatus.Active;
  }

  /** The account that owns the model. */
  @Value.Derived
  public AccountId ownerAccountId() {
    return arn().scope().account();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a CustomModel; every attribute without a default is required. */
  public static final class Builder extends ImmutableCustomModel.Builder {
    Builder() {}
  }
}
