package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.strata.ports.driving.ListFoundationModelsCommand;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.CustomModelSummary;
import software.amazon.awssdk.services.bedrock.model.CustomizationType;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetCustomModelResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ListCustomModelsResponse;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrock.model.ModelStatus;

/** GetFoundationModel, ListFoundationModels, GetCustomModel and ListCustomModels via the SDK. */
class BedrockSdkCatalogTest {
  static final String SUPPORT_BOT_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/k7xq2m9p4w1a";

  @AutoClose final ServedStrata served = ServedStrata.start();

  @Test
  void get_foundation_model_answers_model_details_by_id_and_by_percent_encoded_arn() {
    String arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k";

    FoundationModelDetails byId =
        served.bedrock.getFoundationModel(r -> r.modelIdentifier("amazon.nova-lite-v1:0:24k"))
            .modelDetails();
    FoundationModelDetails byArn =
        served.bedrock.getFoundationModel(r -> r.modelIdentifier(arn)).modelDetails();

    assertEquals(arn, byId.modelArn());
    assertEquals("amazon.nova-lite-v1:0:24k", byId.modelId());
    assertEquals("Nova Lite", byId.modelName());
    assertEquals("Amazon", byId.providerName());
    assertEquals(List.of(ModelModality.TEXT), byId.outputModalities());
    assertEquals(List.of(InferenceType.PROVISIONED), byId.inferenceTypesSupported());
    assertEquals(FoundationModelLifecycleStatus.ACTIVE, byId.modelLifecycle().status());
    assertEquals(byId, byArn);
  }

  @Test
  void list_foundation_models_passes_every_filter_from_the_querystring() {
    List<String> expected =
        served.inMemory.service()
            .listFoundationModels(
                new ListFoundationModelsCommand("Meta", null, "TEXT", "PROVISIONED"))
            .get()
            .map(m -> m.modelId())
            .toJavaList();

    List<FoundationModelSummary> models =
        served.bedrock.listFoundationModels(
                r -> r.byProvider("Meta").byOutputModality(ModelModality.TEXT)
                    .byInferenceType(InferenceType.PROVISIONED))
            .modelSummaries();

    assertEquals(
        List.of("meta.llama2-13b-chat-v1:0:4k", "meta.llama3-1-70b-instruct-v1:0:128k",
            "meta.llama3-1-8b-instruct-v1:0:128k"),
        expected);
    assertEquals(expected,
        models.stream().map(FoundationModelSummary::modelId).collect(Collectors.toList()));
  }

  @Test
  void get_custom_model_answers_the_known_members_and_omits_the_rest() {
    GetCustomModelResponse model =
        served.bedrock.getCustomModel(r -> r.modelIdentifier("support-bot-titan"));

    assertEquals(SUPPORT_BOT_ARN, model.modelArn());
    assertEquals("support-bot-titan", model.modelName());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k",
        model.baseModelArn());
    assertEquals(CustomizationType.FINE_TUNING, model.customizationType());
    assertEquals(ModelStatus.ACTIVE, model.modelStatus());
    assertEquals(Instant.parse("2026-01-15T09:30:00Z"), model.creationTime());
    assertNull(model.jobName());
    assertNull(model.jobArn());
    assertEquals(
        SUPPORT_BOT_ARN,
        served.bedrock.getCustomModel(r -> r.modelIdentifier(SUPPORT_BOT_ARN)).modelArn());
  }

  @Test
  void list_custom_models_pages_through_the_sdk_paginator() {
    List<ListCustomModelsResponse> pages =
        served.bedrock.listCustomModelsPaginator(r -> r.maxResults(2).sortOrder("Ascending"))
            .stream()
            .collect(Collectors.toList());

    assertEquals(List.of(2, 2, 1),
        pages.stream().map(p -> p.modelSummaries().size()).collect(Collectors.toList()));
    assertEquals(
        List.of("support-bot-titan", "support-bot-titan-v2", "nova-lite-distilled",
            "llama2-chat-tuned", "titan-still-training"),
        pages.stream().flatMap(p -> p.modelSummaries().stream())
            .map(CustomModelSummary::modelName).collect(Collectors.toList()));
    CustomModelSummary first = pages.get(0).modelSummaries().get(0);
    assertEquals("amazon.titan-text-express-v1", first.baseModelName());
    assertEquals("123456789012", first.ownerAccountId());
    assertEquals(CustomizationType.FINE_TUNING, first.customizationType());
  }

  @Test
  void list_custom_models_filters_on_status_ownership_and_creation_time() {
    List<String> creating =
        served.bedrock.listCustomModels(
                r -> r.modelStatus(ModelStatus.CREATING).isOwned(true)
                    .creationTimeAfter(Instant.parse("2026-01-15T09:30:00Z")))
            .modelSummaries().stream()
            .map(CustomModelSummary::modelName)
            .collect(Collectors.toList());

    assertEquals(List.of("titan-still-training"), creating);
  }
}
