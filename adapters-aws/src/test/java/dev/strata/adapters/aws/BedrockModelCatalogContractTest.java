package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.contract.ModelCatalogContract;
import dev.strata.ports.driven.ModelCatalog;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The model catalog contract against {@link BedrockModelCatalog}, with Bedrock played by WireMock
 * stubs generated from the contract's models. Each catalog gets its own base path, so the stubs of
 * one never answer another. Custom models are listed one per page, to exercise pagination.
 */
class BedrockModelCatalogContractTest extends ModelCatalogContract {

  @RegisterExtension static WireMockExtension bedrock = AwsClientsStandIn.server();

  private static final AtomicInteger CATALOGS = new AtomicInteger();
  @AutoClose private final AwsClientsStandIn.Opened opened = new AwsClientsStandIn.Opened();

  @Override
  protected ModelCatalog catalogWith(
      ResourceScope scope, Seq<FoundationModel> foundationModels, Seq<CustomModel> customModels) {
    String base = "/catalog-" + CATALOGS.incrementAndGet();
    stubFoundationModels(base, foundationModels);
    stubCustomModels(base, customModels);
    bedrock.stubFor(
        any(urlPathMatching(base + "/.*"))
            .atPriority(10)
            .willReturn(
                error(404, "ResourceNotFoundException", "Could not find model identifier.")));

    BedrockClient client =
        opened.add(AwsClientsStandIn.clients(bedrock, scope.region().value(), base).bedrock());
    return new BedrockModelCatalog(
        client,
        Clock.systemUTC(),
        BedrockModelCatalog.DEFAULT_TTL,
        HashSet.ofAll(
            foundationModels
                .filter(FoundationModel::noCommitmentPurchaseSupported)
                .map(FoundationModel::modelId)));
  }

  private static void stubFoundationModels(String base, Seq<FoundationModel> models) {
    List<Object> summaries = new ArrayList<>();
    for (FoundationModel model : models) {
      summaries.add(details(model));
      bedrock.stubFor(
          getPath(base + "/foundation-models/" + SdkHttpUtils.urlEncode(model.modelId()))
              .willReturn(ok(Map.of("modelDetails", details(model)))));
    }
    bedrock.stubFor(
        getPath(base + "/foundation-models").willReturn(ok(Map.of("modelSummaries", summaries))));
  }

  private static void stubCustomModels(String base, Seq<CustomModel> models) {
    for (CustomModel model : models) {
      for (String identifier : List.of(model.modelName(), model.arn().value())) {
        bedrock.stubFor(
            getPath(base + "/custom-models/" + SdkHttpUtils.urlEncode(identifier))
                .willReturn(ok(custom(model))));
      }
    }
    for (int page = 0; page < Math.max(1, models.size()); page++) {
      Map<String, Object> body = new LinkedHashMap<>();
      List<Object> summaries = new ArrayList<>();
      models.drop(page).headOption().forEach(m -> summaries.add(summary(m)));
      body.put("modelSummaries", summaries);
      if (page + 1 < models.size()) {
        body.put("nextToken", "page-" + (page + 1));
      }
      MappingBuilder request = getPath(base + "/custom-models");
      bedrock.stubFor(
          page == 0
              ? request.atPriority(2).willReturn(ok(body))
              : request
                  .withQueryParam("nextToken", equalTo("page-" + page))
                  .atPriority(1)
                  .willReturn(ok(body)));
    }
  }

  private static MappingBuilder getPath(String path) {
    return get(urlPathEqualTo(path));
  }

  /** Bedrock's FoundationModelDetails, which FoundationModelSummary repeats member for member. */
  private static Map<String, Object> details(FoundationModel model) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelArn", model.arn().value());
    details.put("modelId", model.modelId());
    details.put("modelName", model.modelName());
    details.put("providerName", model.providerName());
    details.put("inputModalities", names(model.inputModalities()));
    details.put("outputModalities", names(model.outputModalities()));
    details.put("responseStreamingSupported", model.responseStreamingSupported());
    details.put("customizationsSupported", names(model.customizationsSupported()));
    details.put("inferenceTypesSupported", names(model.inferenceTypesSupported()));
    details.put("modelLifecycle", Map.of("status", model.lifecycleStatus().name()));
    return details;
  }

  /** The members GetCustomModel's answer shares with CustomModelSummary. */
  private static Map<String, Object> custom(CustomModel model) {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("modelArn", model.arn().value());
    custom.put("modelName", model.modelName());
    custom.put("baseModelArn", model.baseModelArn().value());
    custom.put("customizationType", model.customizationType().name());
    custom.put("creationTime", model.creationTime().toString());
    custom.put("modelStatus", model.modelStatus().name());
    return custom;
  }

  private static Map<String, Object> summary(CustomModel model) {
    Map<String, Object> summary = custom(model);
    summary.put("baseModelName", "Base of " + model.modelName());
    summary.put("ownerAccountId", model.ownerAccountId().value());
    return summary;
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }

  private static ResponseDefinitionBuilder ok(Object body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.write(body));
  }

  private static ResponseDefinitionBuilder error(int status, String shape, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", shape)
        .withBody(Json.write(Map.of("message", message)));
  }
}
