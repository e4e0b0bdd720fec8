package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.CustomizationType;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.FoundationModelLifecycleStatus;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelCustomization;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.Partition;
import dev.strata.domain.Region;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CustomModelSummary;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.GetCustomModelResponse;
import software.amazon.awssdk.services.bedrock.model.ListCustomModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/**
 * The model catalog read from Amazon Bedrock (GetFoundationModel, ListFoundationModels,
 * GetCustomModel, ListCustomModels) with the client's credentials and region.
 *
 * <ul>
 *   <li><b>Foundation models</b> are read from the client's region and shown to every scope with
 *       that scope's partition and region in their ARN, as {@link ModelCatalog} asks. Bedrock's
 *       answer is taken only if its {@code modelId} is exactly the one asked for.
 *   <li><b>No-commitment purchase</b>: Bedrock does not say whether a base model may be bought
 *       without commitment, so the catalog is told which model ids may ({@link
 *       #NO_COMMITMENT_MODEL_IDS} by default: the "Yes" rows of AWS's supported-models page).
 *   <li><b>Custom models</b> belong to the account and region in their ARN; a scope sees only its
 *       own. The base model is the {@code baseModelArn}, followed through custom models until a
 *       foundation model; a custom model without a foundation model at the end (an imported model)
 *       cannot back provisioned throughput and is left out.
 *   <li><b>Not found</b>: Bedrock's ResourceNotFoundException, or ValidationException for an
 *       identifier that cannot name a model, answers none.
 *   <li><b>Caching</b>: every answer, "none" included, is kept for a time to live ({@link
 *       #DEFAULT_TTL} unless told): foundation models per model id (their ARNs are rebuilt per
 *       scope), custom models per scope and name or ARN, lists per scope. Failures are not kept.
 *   <li>Lists are ordered by model id (foundation) or name (custom), so the order is stable.
 * </ul>
 *
 * <p>Thread-safe if the client is; never throws.
 */
public final class BedrockModelCatalog implements ModelCatalog {

  /** How long an answer from Bedrock is kept. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  /**
   * The base models AWS's supported-models page marks "No-commitment purchase supported for base
   * model: Yes" (REFERENCE.md §12).
   */
  public static final Set<String> NO_COMMITMENT_MODEL_IDS =
      HashSet.of(
          "amazon.nova-canvas-v1:0",
          "amazon.nova-lite-v1:0:24k",
          "amazon.nova-lite-v1:0:300k",
          "amazon.nova-micro-v1:0:24k",
          "amazon.nova-micro-v1:0:128k",
          "amazon.nova-pro-v1:0:24k",
          "amazon.nova-pro-v1:0:300k",
          "amazon.titan-embed-text-v1:2:8k");

  /** How many custom models a chain of {@code baseModelArn}s may pass before a foundation model. */
  static final int MAX_BASE_HOPS = 8;

  private record Key(ResourceScope scope, String id) {}

  private final BedrockClient bedrock;
  private final Set<String> noCommitmentModelIds;
  private final Partition partition;
  private final Region region;
  private final AwsClientsCache<String, Option<FoundationModel>> foundationById;
  private final AwsClientsCache<String, Seq<FoundationModel>> foundationList;
  private final AwsClientsCache<Key, Option<CustomModel>> customByName;
  private final AwsClientsCache<Key, Option<CustomModel>> customByArn;
  private final AwsClientsCache<ResourceScope, Seq<CustomModel>> customList;

  /** A catalog with the default time to live and no-commitment models. */
  public BedrockModelCatalog(BedrockClient bedrock, Clock clock) {
    this(bedrock, clock, DEFAULT_TTL, NO_COMMITMENT_MODEL_IDS);
  }

  /**
   * @param ttl how long an answer is kept
   * @param noCommitmentModelIds the foundation model ids that may be bought without commitment
   */
  public BedrockModelCatalog(
      BedrockClient bedrock, Clock clock, Duration ttl, Set<String> noCommitmentModelIds) {
    this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
    this.noCommitmentModelIds =
        Objects.requireNonNull(noCommitmentModelIds, "noCommitmentModelIds");
    software.amazon.awssdk.regions.Region home = bedrock.serviceClientConfiguration().region();
    this.partition = AwsClients.partitionOf(home);
    this.region = Region.of(home.id());
    this.foundationById = new AwsClientsCache<>(clock, ttl);
    this.foundationList = new AwsClientsCache<>(clock, ttl);
    this.customByName = new AwsClientsCache<>(clock, ttl);
    this.customByArn = new AwsClientsCache<>(clock, ttl);
    this.customList = new AwsClientsCache<>(clock, ttl);
  }

  @Override
  public Either<BedrockError, Option<FoundationModel>> findFoundationModel(
      ResourceScope scope, String modelId) {
    return foundationById
        .get(
            modelId,
            () -> AwsFailures.call("Bedrock GetFoundationModel", () -> getFoundationModel(modelId)))
        .map(found -> found.map(m -> m.inRegionOf(scope)));
  }

  @Override
  public Either<BedrockError, Seq<FoundationModel>> listFoundationModels(ResourceScope scope) {
    return foundationList
        .get(
            "",
            () ->
                AwsFailures.call(
                    "Bedrock ListFoundationModels",
                    () ->
                        List.ofAll(bedrock.listFoundationModels(r -> {}).modelSummaries())
                            .map(s -> copy(s, FoundationModelDetails.builder()).build())
                            .map(this::foundationModel)
                            .sortBy(FoundationModel::modelId)))
        .map(models -> models.map(m -> m.inRegionOf(scope)));
  }

  @Override
  public Either<BedrockError, Option<CustomModel>> findCustomModelByName(
      ResourceScope scope, String modelName) {
    return customByName.get(
        new Key(scope, modelName),
        () ->
            AwsFailures.call(
                "Bedrock GetCustomModel",
                () ->
                    getCustomModel(modelName)
                        .filter(found -> modelName.equals(found.modelName()))
                        .flatMap(this::customModel)
                        .filter(model -> model.arn().scope().equals(scope))));
  }

  @Override
  public Either<BedrockError, Option<CustomModel>> findCustomModelByArn(
      ResourceScope scope, CustomModelArn arn) {
    if (!arn.scope().equals(scope)) {
      return Either.right(Option.none());
    }
    return customByArn.get(
        new Key(scope, arn.value()),
        () ->
            AwsFailures.call(
                "Bedrock GetCustomModel",
                () ->
                    getCustomModel(arn.value())
                        .flatMap(this::customModel)
                        .filter(model -> model.arn().equals(arn))));
  }

  @Override
  public Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope) {
    return customList.get(
        scope,
        () ->
            AwsFailures.call(
                "Bedrock ListCustomModels",
                () ->
                    List.ofAll(
                            bedrock
                                .listCustomModelsPaginator(
                                    ListCustomModelsRequest.builder().build())
                                .modelSummaries())
                        .flatMap(this::customModel)
                        .filter(model -> model.arn().scope().equals(scope))
                        .sortBy(CustomModel::modelName)));
  }

  private Option<FoundationModel> getFoundationModel(String modelId) {
    try {
      return Option.of(bedrock.getFoundationModel(r -> r.modelIdentifier(modelId)).modelDetails())
          .filter(details -> modelId.equals(details.modelId()))
          .map(this::foundationModel);
    } catch (ResourceNotFoundException | ValidationException notFound) {
      return Option.none();
    }
  }

  private Option<GetCustomModelResponse> getCustomModel(String identifier) {
    try {
      return Option.of(bedrock.getCustomModel(r -> r.modelIdentifier(identifier)));
    } catch (ResourceNotFoundException | ValidationException notFound) {
      return Option.none();
    }
  }

  /** The foundation model Bedrock describes, with an ARN in the client's region. */
  private FoundationModel foundationModel(FoundationModelDetails d) {
    String modelId = d.modelId();
    return FoundationModel.builder()
        .arn(FoundationModelArn.of(partition, region, modelId))
        .modelName(Option.of(d.modelName()).getOrElse(modelId))
        .providerName(
            Option.of(d.providerName()).getOrElse(() -> modelId.substring(0, modelId.indexOf('.'))))
        .addAllInputModalities(known(d.inputModalitiesAsStrings(), ModelModality::fromName))
        .addAllOutputModalities(known(d.outputModalitiesAsStrings(), ModelModality::fromName))
        .responseStreamingSupported(Boolean.TRUE.equals(d.responseStreamingSupported()))
        .addAllCustomizationsSupported(
            known(d.customizationsSupportedAsStrings(), ModelCustomization::fromName))
        .addAllInferenceTypesSupported(
            known(d.inferenceTypesSupportedAsStrings(), InferenceType::fromName))
        .lifecycleStatus(
            Option.of(d.modelLifecycle())
                .flatMap(l -> Option.ofOptional(FoundationModelLifecycleStatus.fromName(l.statusAsString())))
                .getOrElse(FoundationModelLifecycleStatus.ACTIVE))
        .noCommitmentPurchaseSupported(noCommitmentModelIds.contains(modelId))
        .build();
  }

  private Option<CustomModel> customModel(GetCustomModelResponse response) {
    return customModel(copy(response, CustomModelSummary.builder()).build());
  }

  /** The custom model Bedrock describes, if it has a foundation model at the end of its bases. */
  private Option<CustomModel> customModel(CustomModelSummary s) {
    return foundationBase(s.baseModelArn(), MAX_BASE_HOPS)
        .map(
            base ->
                CustomModel.builder()
                    .arn(customModelArn(s.modelArn()))
                    .modelName(s.modelName())
                    .baseModelArn(base)
                    .creationTime(s.creationTime())
                    .customizationType(
                        CustomizationType.fromName(s.customizationTypeAsString())
                            .orElse(CustomizationType.FINE_TUNING))
                    .modelStatus(
                        ModelStatus.fromName(s.modelStatusAsString()).orElse(ModelStatus.Active))
                    .build());
  }

  /**
   * The foundation model {@code baseModelArn} is, or is customized from at most {@code hops} away.
   */
  private Option<FoundationModelArn> foundationBase(String baseModelArn, int hops) {
    if (baseModelArn == null) {
      return Option.none();
    }
    ModelArn base = modelArn(baseModelArn);
    if (base instanceof FoundationModelArn foundation) {
      return Option.some(foundation);
    }
    if (hops == 0
        || !(base instanceof CustomModelArn custom)
        || custom.baseModelSegment().equals(CustomModelArn.IMPORTED)) {
      return Option.none();
    }
    return getCustomModel(base.value()).flatMap(c -> foundationBase(c.baseModelArn(), hops - 1));
  }

  private static CustomModelArn customModelArn(String raw) {
    if (modelArn(raw) instanceof CustomModelArn custom) {
      return custom;
    }
    throw new IllegalArgumentException("Bedrock answered a custom model whose ARN is " + raw);
  }

  private static ModelArn modelArn(String raw) {
    return ModelArn.parse(raw)
        .toEither()
        .getOrElseThrow(
            broken ->
                new IllegalArgumentException("Bedrock answered a malformed model ARN " + raw));
  }

  private static <T> List<T> known(
      java.util.List<String> names, Function<String, java.util.Optional<T>> fromName) {
    return List.ofAll(names).flatMap(name -> Option.ofOptional(fromName.apply(name)));
  }

  /**
   * {@code to} with every member of {@code from} that it has by the same name: Bedrock's summary
   * and detail shapes share member names but not a type.
   */
  private static <B extends SdkPojo> B copy(SdkPojo from, B to) {
    Map<String, SdkField<?>> source = from.sdkFieldNameToField();
    for (SdkField<?> field : to.sdkFields()) {
      SdkField<?> same = source.get(field.memberName());
      if (same != null) {
        field.set(to, same.getValueOrDefault(from));
      }
    }
    return to;
  }
}
