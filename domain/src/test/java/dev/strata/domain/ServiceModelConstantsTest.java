package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vavr.collection.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain's constants against the service model. The expected values are copied by hand from
 * {@code bedrock-api/service-2.json} (botocore stores patterns without {@code ^...$}; the Smithy
 * form the domain uses adds them), so a constant that drifts from the model fails here.
 */
class ServiceModelConstantsTest {

  /** The Smithy form of a botocore pattern copied from service-2.json. */
  private static String smithy(String botocorePattern) {
    return "^" + botocorePattern + "$";
  }

  static Stream<Arguments> constants() {
    return Stream.of(
        arguments("ProvisionedModelName.min", ProvisionedModelName.MIN_LENGTH, 1),
        arguments("ProvisionedModelName.max", ProvisionedModelName.MAX_LENGTH, 63),
        arguments(
            "ProvisionedModelName.pattern",
            ProvisionedModelName.PATTERN,
            smithy("([0-9a-zA-Z][_-]?)+")),
        arguments("IdempotencyToken.min", ClientRequestToken.MIN_LENGTH, 1),
        arguments("IdempotencyToken.max", ClientRequestToken.MAX_LENGTH, 256),
        arguments(
            "IdempotencyToken.pattern",
            ClientRequestToken.PATTERN,
            smithy("[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?")),
        arguments("TagKey.min", TagKey.MIN_LENGTH, 1),
        arguments("TagKey.max", TagKey.MAX_LENGTH, 128),
        arguments("TagKey.pattern", TagKey.PATTERN, smithy("[a-zA-Z0-9\\s._:/=+@-]*")),
        arguments("TagValue.min", TagValue.MIN_LENGTH, 0),
        arguments("TagValue.max", TagValue.MAX_LENGTH, 256),
        arguments("TagValue.pattern", TagValue.PATTERN, smithy("[a-zA-Z0-9\\s._:/=+@-]*")),
        arguments("TagList.max", Tags.MAX_PER_REQUEST, 200),
        arguments("PositiveInteger.min", ModelUnits.MIN, 1),
        arguments("ModelIdentifier.min", ModelIdentifier.MIN_LENGTH, 1),
        arguments("ModelIdentifier.max", ModelIdentifier.MAX_LENGTH, 2048),
        arguments(
            "ModelIdentifier.pattern",
            ModelIdentifier.PATTERN,
            smithy(
                "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})))|(([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2}))|(([0-9a-zA-Z][_-]?)+)")),
        arguments(
            "ProvisionedModelArn.pattern",
            ProvisionedModelArn.PATTERN,
            smithy(
                "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:provisioned-model/[a-z0-9]{12}")),
        arguments("ModelArn.min", ModelArn.MIN_LENGTH, 20),
        arguments("ModelArn.max", ModelArn.MAX_LENGTH, 1011),
        arguments(
            "ModelArn.pattern",
            ModelArn.PATTERN,
            smithy(
                "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}))")),
        arguments(
            "FoundationModelArn.pattern",
            FoundationModelArn.PATTERN,
            smithy(
                "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}")),
        arguments("AccountId.pattern", AccountId.PATTERN, smithy("[0-9]{12}")),
        arguments(
            "CustomModelName.min",
            CatalogShapes.CUSTOM_MODEL_NAME_MIN_LENGTH,
            1),
        arguments(
            "CustomModelName.max",
            CatalogShapes.CUSTOM_MODEL_NAME_MAX_LENGTH,
            63),
        arguments(
            "CustomModelName.pattern",
            CatalogShapes.CUSTOM_MODEL_NAME_PATTERN,
            smithy("([0-9a-zA-Z][_-]?){1,63}")),
        arguments(
            "GetFoundationModelIdentifier.min",
            CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_MIN_LENGTH,
            1),
        arguments(
            "GetFoundationModelIdentifier.max",
            CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_MAX_LENGTH,
            2048),
        arguments(
            "GetFoundationModelIdentifier.pattern",
            CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_PATTERN,
            smithy("(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})")),
        arguments(
            "Provider.pattern",
            CatalogShapes.PROVIDER_PATTERN,
            smithy("[A-Za-z0-9- ]{1,63}")),
        arguments(
            "ProvisionedModelId.pattern",
            ProvisionedModelIdentifier.PATTERN,
            smithy("((([0-9a-zA-Z][_-]?)+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:provisioned-model/[a-z0-9]{12}))")),
        arguments(
            "MaxResults.min",
            ListLimits.MIN_RESULTS,
            1),
        arguments(
            "MaxResults.max",
            ListLimits.MAX_RESULTS,
            1000),
        arguments(
            "PaginationToken.min",
            ListLimits.TOKEN_MIN_LENGTH,
            1),
        arguments(
            "PaginationToken.max",
            ListLimits.TOKEN_MAX_LENGTH,
            2048),
        arguments(
            "PaginationToken.pattern",
            ListLimits.TOKEN_PATTERN,
            smithy("\\S*")),
        arguments(
            "TaggableResourcesArn.min",
            TaggableResourceArn.MIN_LENGTH,
            20),
        arguments(
            "TaggableResourcesArn.max",
            TaggableResourceArn.MAX_LENGTH,
            1011),
        arguments(
            "TaggableResourcesArn.pattern (botocore wraps the unanchored Smithy pattern in .*X.*)",
            TaggableResourceArn.PATTERN,
            "(^[a-zA-Z0-9][a-zA-Z0-9\\-]*$)|(^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:custom-model/(imported)/[a-z0-9]{12}$)|(^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:([0-9]{12}|)((:(fine-tuning-job|model-customization-job|custom-model)/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}(/[a-z0-9]{12})$)|(:guardrail/[a-z0-9]+$)|(:automated-reasoning-policy/[a-zA-Z0-9]+(:[a-zA-Z0-9]+)?$)|(:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+$)|(:(provisioned-model|model-invocation-job|model-evaluation-job|evaluation-job|model-import-job|imported-model|async-invoke|provisioned-model-v2|provisioned-model-reservation|prompt-router|custom-model-deployment)/[a-z0-9]{12}$)))"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constants")
  void each_constant_equals_the_service_model(String shape, Object actual, Object expected) {
    assertEquals(expected, actual, shape);
  }

  @Test
  void the_enums_carry_the_model_values_in_model_order() {
    assertEquals(
        List.of("OneMonth", "SixMonths"), CommitmentDuration.names());
    assertEquals(
        List.of("Creating", "InService", "Updating", "Failed"),
        ProvisionedModelStatus.names());
    assertEquals(List.of("Active", "Creating", "Failed"), ModelStatus.names());
  }
}
