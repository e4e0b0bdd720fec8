package dev.strata.ports.contract;

import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Optional;

/**
 * Valid domain objects for tests of ports and adapters: scopes, catalog models and provisioned
 * throughputs. Every factory is deterministic: the same arguments build equal objects.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");

  /** {@link #HOME}'s partition and region, another account. */
  public static final ResourceScope OTHER_ACCOUNT =
      ResourceScope.of("aws", "us-east-1", "210987654321");

  /** {@link #HOME}'s partition and account, another region. */
  public static final ResourceScope OTHER_REGION =
      ResourceScope.of("aws", "eu-west-1", "123456789012");

  /** {@link #HOME}'s account, another partition and region. */
  public static final ResourceScope GOV_CLOUD =
      ResourceScope.of("aws-us-gov", "us-gov-west-1", "123456789012");

  /** When the provisioned throughputs built here were created. */
  /** A quota limit no test reaches, for inserts that are not about quota. */
  public static final long UNLIMITED = 1_000_000_000L;

  public static final Instant CREATED = Instant.parse("2026-03-02T10:15:30.123Z");

  /** A context variant that supports PROVISIONED and no-commitment purchase. */
  public static final String NOVA_LITE_24K = "amazon.nova-lite-v1:0:24k";

  /** The on-demand-only base of {@link #NOVA_LITE_24K}. */
  public static final String NOVA_LITE = "amazon.nova-lite-v1:0";

  /** A context variant that supports PROVISIONED with commitment only. */
  public static final String CLAUDE_V2_100K = "anthropic.claude-v2:0:100k";

  /** A text foundation model as {@code scope}'s region presents it. */
  public static FoundationModel foundationModel(
      ResourceScope scope, String modelId, boolean noCommitment, InferenceType... types) {
    return FoundationModel.builder()
        .arn(scope.foundationModelArn(modelId))
        .modelName("Model " + modelId)
        .providerName(modelId.substring(0, modelId.indexOf('.')))
        .addInputModalities(ModelModality.TEXT)
        .addOutputModalities(ModelModality.TEXT)
        .responseStreamingSupported(true)
        .addInferenceTypesSupported(types)
        .noCommitmentPurchaseSupported(noCommitment)
        .build();
  }

  /** {@link #NOVA_LITE_24K}: provisionable, with or without commitment. */
  public static FoundationModel novaLite24k(ResourceScope scope) {
    return foundationModel(scope, NOVA_LITE_24K, true, InferenceType.PROVISIONED);
  }

  /**
   * An active fine-tuned custom model of {@code owner}, based on {@code baseModelId}.
   *
   * @param id twelve characters of {@code [a-z0-9]}
   */
  public static CustomModel customModel(
      ResourceScope owner, String name, String baseModelId, String id) {
    return CustomModel.builder()
        .arn(CustomModelArn.of(owner, baseModelId, id))
        .modelName(name)
        .baseModelArn(owner.foundationModelArn(baseModelId))
        .creationTime(Instant.parse("2026-01-15T09:30:00Z"))
        .build();
  }

  /** The {@code n}th of a family of distinct provisioned-model ids. */
  public static ProvisionedModelId id(int n) {
    return ProvisionedModelId.of(String.format("pt%010d", n));
  }

  /**
   * A provisioned throughput of {@code scope}, {@code InService}, serving {@link #NOVA_LITE_24K}
   * without commitment with one model unit, tagged {@code team=search}.
   */
  public static ProvisionedThroughput provisioned(
      ResourceScope scope, ProvisionedModelId id, String name, Optional<String> token) {
    ResolvedModel model = ResolvedModel.foundation(novaLite24k(scope));
    return provision(
        scope, id, name, token, model, Optional.empty(), QuotaKey.noCommitmentBaseModels(), 1);
  }

  /** {@link #provisioned(ResourceScope, ProvisionedModelId, String, Optional)} with no token. */
  public static ProvisionedThroughput provisioned(
      ResourceScope scope, ProvisionedModelId id, String name) {
    return provisioned(scope, id, name, Optional.empty());
  }

  /** {@link #provisioned(ResourceScope, ProvisionedModelId, String, Optional)} with a token. */
  public static ProvisionedThroughput provisioned(
      ResourceScope scope, ProvisionedModelId id, String name, String token) {
    return provisioned(scope, id, name, Optional.of(token));
  }

  /**
   * {@link #provisioned(ResourceScope, ProvisionedModelId, String)} charging {@code units} model
   * units to {@code ledger}, for tests of the store's ledgers.
   */
  public static ProvisionedThroughput charged(
      ResourceScope scope, ProvisionedModelId id, QuotaKey ledger, int units) {
    ResolvedModel model = ResolvedModel.foundation(novaLite24k(scope));
    return provision(
        scope, id, "pt-" + id.value(), Optional.empty(), model, Optional.empty(), ledger, units);
  }

  /**
   * A provisioned throughput with every optional attribute present: a custom model of {@code
   * scope}, a six-month commitment, a client request token, three model units and a tag.
   */
  public static ProvisionedThroughput committedToCustomModel(
      ResourceScope scope, ProvisionedModelId id, String name, String token) {
    ResolvedModel model =
        ResolvedModel.custom(
            customModel(scope, "support-bot", NOVA_LITE_24K, "k7xq2m9p4w1a"), novaLite24k(scope));
    return provision(
        scope,
        id,
        name,
        Optional.of(token),
        model,
        Optional.of(CommitmentDuration.SixMonths),
        QuotaKey.committed(NOVA_LITE_24K),
        3);
  }

  private static ProvisionedThroughput provision(
      ResourceScope scope,
      ProvisionedModelId id,
      String name,
      Optional<String> token,
      ResolvedModel model,
      Optional<CommitmentDuration> commitment,
      QuotaKey ledger,
      int units) {
    List<Tag> tags = List.of(Tag.of("team", "search"));
    CreationRequest request =
        CreationRequest.of(
            ProvisionedModelName.of(name),
            ModelUnits.of(units),
            ModelIdentifier.of(model.displayName()),
            commitment,
            tags);
    return ProvisionedThroughput.provision(
        scope.provisionedModelArn(id),
        request,
        model,
        orFail(Tags.empty().tag(tags, "tags", Optional.empty())),
        QuotaCharge.of(ledger, ModelUnits.of(units)),
        token.map(ClientRequestToken::of),
        StatusTransitionPolicy.immediate(),
        CREATED);
  }

  /** {@code pt} renamed to {@code newName} a minute after its last change: the next version. */
  public static ProvisionedThroughput renamed(ProvisionedThroughput pt, String newName) {
    return orFail(
        pt.update(
            Optional.of(ProvisionedModelName.of(newName)),
            Optional.empty(),
            StatusTransitionPolicy.immediate(),
            pt.lastModifiedTime().plusSeconds(60)));
  }

  /** {@code pt} with one more tag, name unchanged: the next version. */
  public static ProvisionedThroughput retagged(ProvisionedThroughput pt, String key, String value) {
    return pt.retag(orFail(pt.tags().tag(List.of(Tag.of(key, value)), "tags", Optional.empty())));
  }

  private static <T> T orFail(Either<?, T> result) {
    return result.getOrElseThrow(error -> new IllegalStateException("bad fixture: " + error));
  }
}
