package dev.strata.domain;

import io.vavr.control.Either;
import java.util.Optional;

/**
 * How a caller names an existing provisioned throughput (the {@code provisionedModelId} URI member
 * of Get, Update and Delete): by its name or by its ARN (D15). Shape {@code ProvisionedModelId},
 * which has no length constraint.
 */
public final class ProvisionedModelIdentifier {
  public static final String PATTERN =
      "^((([0-9a-zA-Z][_-]?)+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:provisioned-model/[a-z0-9]{12}))$";

  private ProvisionedModelIdentifier() {}

  /**
   * The ARN or the name a valid identifier spells; {@code None} for a name-shaped identifier that
   * cannot be a name (longer than {@link ProvisionedModelName#MAX_LENGTH}), which names nothing.
   */
  public static Optional<Either<ProvisionedModelName, ProvisionedModelArn>> of(String identifier) {
    if (identifier.startsWith("arn:")) {
      return ProvisionedModelArn.parse(identifier).toOption().toJavaOptional().map(Either::right);
    }
    return ProvisionedModelName.parse(identifier).toOption().toJavaOptional().map(Either::left);
  }
}
