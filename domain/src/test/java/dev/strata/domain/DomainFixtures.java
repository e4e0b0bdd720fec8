package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Optional;

/** Small shared values and assertions for the domain's tests. */
final class DomainFixtures {
  static final ResourceScope SCOPE = ResourceScope.of("aws", "us-east-1", "123456789012");

  /** A creation instant with sub-millisecond digits, so truncation to millis (D18) shows. */
  static final Instant NOW = Instant.parse("2026-01-31T10:00:00.123456789Z");

  static final Instant NOW_MILLIS = Instant.parse("2026-01-31T10:00:00.123Z");

  /** Base model with no-commitment purchase supported (AWS's supported-models page says Yes). */
  static final FoundationModel NOVA_LITE = foundation("amazon.nova-lite-v1:0:24k", true, true);

  /** Base model that can be provisioned only with a commitment. */
  static final FoundationModel TITAN_EXPRESS =
      foundation("amazon.titan-text-express-v1:0:8k", true, false);

  /** Base model that supports on-demand inference only. */
  static final FoundationModel CLAUDE_ON_DEMAND =
      foundation("anthropic.claude-3-haiku-20240307-v1:0", false, false);

  static final CustomModel TITAN_CUSTOM = custom("my-model_1", TITAN_EXPRESS, "abcdef123456");

  static final CustomModel OTHER_TITAN_CUSTOM =
      custom("my-model_2", TITAN_EXPRESS, "bcdefa234567");

  static final CustomModel NOVA_CUSTOM = custom("nova-tuned", NOVA_LITE, "cdefab345678");

  private DomainFixtures() {}

  static FoundationModel foundation(String modelId, boolean provisioned, boolean noCommitment) {
    FoundationModel.Builder b = FoundationModel.builder();
    b.arn(SCOPE.foundationModelArn(modelId))
        .modelName("Model")
        .providerName("Amazon")
        .addInputModalities(ModelModality.TEXT)
        .addOutputModalities(ModelModality.TEXT)
        .responseStreamingSupported(true)
        .addCustomizationsSupported(ModelCustomization.FINE_TUNING)
        .addInferenceTypesSupported(InferenceType.ON_DEMAND)
        .noCommitmentPurchaseSupported(noCommitment);
    if (provisioned) {
      b.addInferenceTypesSupported(InferenceType.PROVISIONED);
    }
    return b.build();
  }

  static CustomModel custom(String name, FoundationModel base, String id) {
    return custom(name, base, id, ModelStatus.Active);
  }

  static CustomModel custom(String name, FoundationModel base, String id, ModelStatus status) {
    return CustomModel.builder()
        .arn(CustomModelArn.of(SCOPE, base.modelId(), id))
        .modelName(name)
        .baseModelArn(base.arn())
        .creationTime(Instant.parse("2025-12-01T00:00:00Z"))
        .modelStatus(status)
        .build();
  }

  static ResolvedModel resolved(FoundationModel model) {
    return ResolvedModel.foundation(model);
  }

  static ResolvedModel resolved(CustomModel model, FoundationModel base) {
    return ResolvedModel.custom(model, base);
  }

  static final ProvisionedModelArn PT_ARN =
      SCOPE.provisionedModelArn(ProvisionedModelId.of("31tj9kvx4034"));

  /** A provisioned throughput of {@code model} created at {@link #NOW} under {@code policy}. */
  static ProvisionedThroughput provision(
      ResolvedModel model,
      Optional<CommitmentDuration> commitment,
      StatusTransitionPolicy policy) {
    CreationRequest request =
        CreationRequest.of(
            ProvisionedModelName.of("my-pt"),
            ModelUnits.of(1),
            ModelIdentifier.of(model.displayName()),
            commitment,
            List.empty());
    QuotaKey ledger = model.purchaseLedger(commitment).get();
    return ProvisionedThroughput.provision(
        PT_ARN,
        request,
        model,
        Tags.empty(),
        QuotaCharge.of(ledger, ModelUnits.of(1)),
        Optional.empty(),
        policy,
        NOW);
  }

  /** Tags with keys {@code k1..kn}, all with value {@code v}. */
  static Seq<Tag> tagList(int n) {
    return List.rangeClosed(1, n).map(i -> Tag.of("k" + i, "v"));
  }

  static Tags tags(int n) {
    return Tags.empty().tag(tagList(n), "tags", Optional.empty()).get();
  }

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  /** Asserts {@code parsed} is valid and holds a value that renders as {@code expected}. */
  static <T> T assertParsed(String expected, Validation<Seq<String>, T> parsed) {
    assertTrue(parsed.isValid(), () -> "rejected: " + parsed.getError());
    assertEquals(expected, parsed.get().toString());
    return parsed.get();
  }

  /** Asserts {@code parsed} is invalid with exactly {@code sentences}, in order. */
  static void assertRejected(Validation<Seq<String>, ?> parsed, String... sentences) {
    assertTrue(parsed.isInvalid(), () -> "accepted: " + parsed.get());
    assertEquals(List.of(sentences), parsed.getError().toList());
  }

  /** The left side of {@code result}, asserting it is a {@code type}. */
  static <E extends BedrockError> E assertLeft(Class<E> type, Either<BedrockError, ?> result) {
    assertTrue(result.isLeft(), () -> "expected " + type.getSimpleName() + " but got " + result);
    return assertInstanceOf(type, result.getLeft());
  }

  /** Asserts {@code result} is the refusal {@code fact}, which reads {@code message}. */
  static void assertRefused(ValidationFact fact, String message, Either<BedrockError, ?> result) {
    assertEquals(Either.left(new BedrockError.ValidationError(fact)), result);
    assertEquals(message, result.getLeft().message());
  }
}
