package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.strata.adapters.aws.AwsClientsStandIn.ATTEMPTS;
import static dev.strata.adapters.aws.AwsClientsStandIn.tooLate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.CustomizationType;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.FoundationModelLifecycleStatus;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ModelCustomization;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/** {@link BedrockModelCatalog} against a WireMock stand-in that speaks Bedrock's restJson1. */
class BedrockModelCatalogTest {

  @RegisterExtension static WireMockExtension bedrock = AwsClientsStandIn.server();

  private static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");
  private static final ResourceScope GOV_CLOUD =
      ResourceScope.of("aws-us-gov", "us-gov-west-1", "123456789012");
  private static final String NOVA_LITE_24K = "amazon.nova-lite-v1:0:24k";
  private static final String NOVA_LITE_24K_PATH =
      "/foundation-models/amazon.nova-lite-v1%3A0%3A24k";
  private static final String SUPPORT_BOT_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:24k/k7xq2m9p4w1a";

  private final AwsClientsStandIn.TestClock clock = new AwsClientsStandIn.TestClock();
  @AutoClose private final AwsClientsStandIn.Opened opened = new AwsClientsStandIn.Opened();
  private BedrockClient client;
  private BedrockModelCatalog catalog;

  @BeforeEach
  void pointAtStandIn() {
    client = opened.add(AwsClientsStandIn.clients(bedrock, "us-east-1").bedrock());
    catalog = new BedrockModelCatalog(client, clock);
    bedrock.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(error(404, "ResourceNotFoundException", "resource-not-found.json")));
  }

  /** A catalog whose calls give up after {@link AwsClientsStandIn#IMPATIENT_ATTEMPT_TIMEOUT}. */
  private BedrockModelCatalog impatientCatalog() {
    return new BedrockModelCatalog(
        opened.add(AwsClientsStandIn.impatient(bedrock, "us-east-1").bedrock()), clock);
  }

  private static FoundationModel novaLite24k(ResourceScope scope) {
    return FoundationModel.builder()
        .arn(scope.foundationModelArn(NOVA_LITE_24K))
        .modelName("Nova Lite")
        .providerName("Amazon")
        .addInputModalities(ModelModality.TEXT, ModelModality.IMAGE)
        .addOutputModalities(ModelModality.TEXT)
        .responseStreamingSupported(true)
        .addCustomizationsSupported(ModelCustomization.FINE_TUNING, ModelCustomization.DISTILLATION)
        .addInferenceTypesSupported(InferenceType.PROVISIONED)
        .noCommitmentPurchaseSupported(true)
        .build();
  }

  private static CustomModel supportBot() {
    return CustomModel.builder()
        .arn(CustomModelArn.of(HOME, NOVA_LITE_24K, "k7xq2m9p4w1a"))
        .modelName("support-bot")
        .baseModelArn(HOME.foundationModelArn(NOVA_LITE_24K))
        .creationTime(Instant.parse("2026-01-15T09:30:00Z"))
        .build();
  }

  private static ResponseDefinitionBuilder ok(String stub) {
    return AwsClientsStandIn.json(200, "application/json", "bedrock/" + stub);
  }

  /** Bedrock's restJson1 error: status, {@code x-amzn-ErrorType} and a JSON message. */
  private static ResponseDefinitionBuilder error(int status, String shape, String stub) {
    return AwsClientsStandIn.json(status, "application/json", "bedrock/" + stub)
        .withHeader(
            "x-amzn-ErrorType", shape + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
  }

  private static ResponseDefinitionBuilder throttling() {
    return error(429, "ThrottlingException", "throttling.json");
  }

  private static MappingBuilder getNovaLite24k() {
    return get(urlPathEqualTo(NOVA_LITE_24K_PATH));
  }

  private void stubNovaLite24k() {
    bedrock.stubFor(getNovaLite24k().willReturn(ok("get-foundation-model-nova-lite-24k.json")));
  }

  private static void assertInternalServerError(Either<BedrockError, ?> result) {
    assertTrue(result.isLeft(), result.toString());
    assertTrue(result.getLeft() instanceof BedrockError.InternalServerError, result.toString());
    assertTrue(result.getLeft().message().startsWith("Bedrock "), result.getLeft().message());
  }

  // GetFoundationModel

  @Test
  void finds_a_foundation_model_by_id_dropping_modalities_strata_does_not_know() {
    stubNovaLite24k();

    assertEquals(
        Either.right(Option.some(novaLite24k(HOME))),
        catalog.findFoundationModel(HOME, NOVA_LITE_24K));
  }

  @Test
  void a_foundation_model_carries_the_arn_of_the_scope_that_asks() {
    stubNovaLite24k();

    assertEquals(
        Either.right(Option.some(novaLite24k(GOV_CLOUD))),
        catalog.findFoundationModel(GOV_CLOUD, NOVA_LITE_24K));
  }

  @Test
  void no_commitment_purchase_follows_the_configured_model_ids() {
    stubNovaLite24k();
    BedrockModelCatalog commitmentOnly =
        new BedrockModelCatalog(client, clock, Duration.ofMinutes(1), HashSet.empty());

    assertFalse(
        commitmentOnly
            .findFoundationModel(HOME, NOVA_LITE_24K)
            .get()
            .get()
            .noCommitmentPurchaseSupported());
  }

  @Test
  void an_unknown_foundation_model_is_none() {
    bedrock.stubFor(
        get(urlPathEqualTo("/foundation-models/amazon.nova-lite-v1%3A0%3A300k"))
            .willReturn(error(404, "ResourceNotFoundException", "resource-not-found.json")));

    assertEquals(
        Either.right(Option.none()),
        catalog.findFoundationModel(HOME, "amazon.nova-lite-v1:0:300k"));
  }

  @Test
  void an_answer_for_another_model_id_is_none() {
    stubNovaLite24k();
    bedrock.stubFor(
        get(urlPathEqualTo("/foundation-models/amazon.nova-lite-v1%3A0%3A24K"))
            .willReturn(ok("get-foundation-model-nova-lite-24k.json")));

    assertEquals(
        Either.right(Option.none()),
        catalog.findFoundationModel(HOME, "amazon.nova-lite-v1:0:24K"));
  }

  @Test
  void a_throttled_lookup_is_retried_and_then_succeeds() {
    AwsClientsStandIn.throttledOnceThen(
        bedrock,
        BedrockModelCatalogTest::getNovaLite24k,
        throttling(),
        ok("get-foundation-model-nova-lite-24k.json"));

    assertEquals(
        Either.right(Option.some(novaLite24k(HOME))),
        catalog.findFoundationModel(HOME, NOVA_LITE_24K));
    bedrock.verify(2, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));
  }

  @Test
  void throttling_that_outlasts_the_retries_is_a_throttling_failure() {
    bedrock.stubFor(getNovaLite24k().willReturn(throttling()));

    Either<BedrockError, Option<FoundationModel>> result =
        catalog.findFoundationModel(HOME, NOVA_LITE_24K);

    assertTrue(result.getLeft() instanceof BedrockError.Throttling, result.toString());
    assertTrue(result.getLeft().message().startsWith("Bedrock GetFoundationModel"));
    bedrock.verify(ATTEMPTS, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));
  }

  @Test
  void a_5xx_is_retried_and_then_an_internal_server_error_naming_bedrock() {
    bedrock.stubFor(
        getNovaLite24k()
            .willReturn(error(500, "InternalServerException", "internal-server-error.json")));

    assertInternalServerError(catalog.findFoundationModel(HOME, NOVA_LITE_24K));
    bedrock.verify(ATTEMPTS, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));
  }

  @Test
  void a_timeout_is_an_internal_server_error_naming_bedrock() {
    bedrock.stubFor(
        getNovaLite24k().willReturn(tooLate(ok("get-foundation-model-nova-lite-24k.json"))));

    Either<BedrockError, Option<FoundationModel>> result =
        impatientCatalog().findFoundationModel(HOME, NOVA_LITE_24K);

    assertInternalServerError(result);
    assertEquals("Bedrock GetFoundationModel did not answer in time", result.getLeft().message());
  }

  @Test
  void access_denied_is_an_access_denied_failure() {
    bedrock.stubFor(
        getNovaLite24k().willReturn(error(403, "AccessDeniedException", "access-denied.json")));

    Either<BedrockError, Option<FoundationModel>> result =
        catalog.findFoundationModel(HOME, NOVA_LITE_24K);

    assertTrue(result.getLeft() instanceof BedrockError.AccessDenied, result.toString());
    bedrock.verify(1, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));
  }

  @Test
  void an_answer_is_kept_until_its_time_to_live_has_passed() {
    stubNovaLite24k();

    catalog.findFoundationModel(HOME, NOVA_LITE_24K);
    clock.advance(BedrockModelCatalog.DEFAULT_TTL.minusSeconds(1));
    catalog.findFoundationModel(GOV_CLOUD, NOVA_LITE_24K);
    bedrock.verify(1, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));

    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        Either.right(Option.some(novaLite24k(HOME))),
        catalog.findFoundationModel(HOME, NOVA_LITE_24K));
    bedrock.verify(2, getRequestedFor(urlPathEqualTo(NOVA_LITE_24K_PATH)));
  }

  @Test
  void a_failure_is_not_kept() {
    bedrock.stubFor(
        getNovaLite24k().willReturn(error(403, "AccessDeniedException", "access-denied.json")));
    catalog.findFoundationModel(HOME, NOVA_LITE_24K);
    stubNovaLite24k();

    assertEquals(
        Either.right(Option.some(novaLite24k(HOME))),
        catalog.findFoundationModel(HOME, NOVA_LITE_24K));
  }

  // ListFoundationModels

  @Test
  void lists_foundation_models_by_id_keeping_only_inference_types_strata_knows() {
    bedrock.stubFor(
        get(urlPathEqualTo("/foundation-models")).willReturn(ok("list-foundation-models.json")));

    List<FoundationModel> listed = catalog.listFoundationModels(GOV_CLOUD).get().toList();

    assertEquals(
        List.of("amazon.nova-lite-v1:0", NOVA_LITE_24K, "anthropic.claude-v2:0:100k"),
        listed.map(FoundationModel::modelId));
    assertEquals(novaLite24k(GOV_CLOUD), listed.get(1));
    assertEquals(
        java.util.List.of(InferenceType.ON_DEMAND), listed.get(0).inferenceTypesSupported());
    assertEquals(FoundationModelLifecycleStatus.LEGACY, listed.get(2).lifecycleStatus());
    assertFalse(listed.get(2).noCommitmentPurchaseSupported());
  }

  @Test
  void a_failing_foundation_model_list_is_an_internal_server_error() {
    bedrock.stubFor(
        get(urlPathEqualTo("/foundation-models"))
            .willReturn(error(503, "ServiceUnavailableException", "internal-server-error.json")));

    assertInternalServerError(catalog.listFoundationModels(HOME));
  }

  // GetCustomModel

  @Test
  void finds_a_custom_model_by_name_with_its_base_model() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/support-bot"))
            .willReturn(ok("get-custom-model-support-bot.json")));

    assertEquals(
        Either.right(Option.some(supportBot())),
        catalog.findCustomModelByName(HOME, "support-bot"));
  }

  @Test
  void finds_a_custom_model_by_its_percent_encoded_arn() {
    bedrock.stubFor(
        get(urlPathEqualTo(
                "/custom-models/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model%2F"
                    + "amazon.nova-lite-v1%3A0%3A24k%2Fk7xq2m9p4w1a"))
            .willReturn(ok("get-custom-model-support-bot.json")));

    assertEquals(
        Either.right(Option.some(supportBot())),
        catalog.findCustomModelByArn(HOME, supportBot().arn()));
  }

  @Test
  void a_custom_model_customized_from_another_has_that_ones_foundation_base() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/support-bot-v2"))
            .willReturn(ok("get-custom-model-support-bot-v2.json")));
    bedrock.stubFor(
        get(urlPathEqualTo(
                "/custom-models/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model%2F"
                    + "amazon.nova-lite-v1%3A0%3A24k%2Fk7xq2m9p4w1a"))
            .willReturn(ok("get-custom-model-support-bot.json")));

    CustomModel v2 = catalog.findCustomModelByName(HOME, "support-bot-v2").get().get();

    assertEquals(HOME.foundationModelArn(NOVA_LITE_24K), v2.baseModelArn());
    assertEquals(CustomizationType.CONTINUED_PRE_TRAINING, v2.customizationType());
    assertEquals(ModelStatus.Creating, v2.modelStatus());
  }

  @Test
  void an_imported_model_without_a_foundation_base_is_none() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/imported-llama"))
            .willReturn(ok("get-custom-model-imported.json")));

    assertEquals(
        Either.right(Option.none()), catalog.findCustomModelByName(HOME, "imported-llama"));
  }

  @Test
  void an_unknown_custom_model_is_none() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/support-bot"))
            .willReturn(error(404, "ResourceNotFoundException", "resource-not-found.json")));

    assertEquals(Either.right(Option.none()), catalog.findCustomModelByName(HOME, "support-bot"));
  }

  @Test
  void another_account_does_not_see_the_custom_model() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/support-bot"))
            .willReturn(ok("get-custom-model-support-bot.json")));
    ResourceScope otherAccount = ResourceScope.of("aws", "us-east-1", "210987654321");

    assertEquals(
        Either.right(Option.none()), catalog.findCustomModelByName(otherAccount, "support-bot"));
    assertEquals(
        Either.right(Option.none()),
        catalog.findCustomModelByArn(
            otherAccount, CustomModelArn.of(otherAccount, NOVA_LITE_24K, "k7xq2m9p4w1a")));
  }

  @Test
  void a_throttled_custom_model_lookup_is_retried_and_then_succeeds() {
    AwsClientsStandIn.throttledOnceThen(
        bedrock,
        () -> get(urlPathEqualTo("/custom-models/support-bot")),
        throttling(),
        ok("get-custom-model-support-bot.json"));

    assertEquals(
        Either.right(Option.some(supportBot())),
        catalog.findCustomModelByName(HOME, "support-bot"));
  }

  @Test
  void a_custom_model_lookup_that_times_out_is_an_internal_server_error() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models/support-bot"))
            .willReturn(tooLate(ok("get-custom-model-support-bot.json"))));

    assertInternalServerError(impatientCatalog().findCustomModelByName(HOME, "support-bot"));
  }

  // ListCustomModels

  private void stubTwoPagesOfCustomModels() {
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models"))
            .atPriority(2)
            .willReturn(ok("list-custom-models-page-1.json")));
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models"))
            .withQueryParam("nextToken", equalTo("eyJwYWdlIjoyfQ=="))
            .atPriority(1)
            .willReturn(ok("list-custom-models-page-2.json")));
  }

  @Test
  void lists_the_scopes_own_custom_models_from_every_page_by_name() {
    stubTwoPagesOfCustomModels();

    List<CustomModel> listed = catalog.listCustomModels(HOME).get().toList();

    assertEquals(List.of("claude-tuned", "support-bot"), listed.map(CustomModel::modelName));
    assertEquals(supportBot(), listed.get(1));
    bedrock.verify(2, getRequestedFor(urlPathEqualTo("/custom-models")));
  }

  @Test
  void a_failing_second_page_fails_the_whole_list() {
    stubTwoPagesOfCustomModels();
    bedrock.stubFor(
        get(urlPathEqualTo("/custom-models"))
            .withQueryParam("nextToken", equalTo("eyJwYWdlIjoyfQ=="))
            .atPriority(1)
            .willReturn(error(500, "InternalServerException", "internal-server-error.json")));

    assertInternalServerError(catalog.listCustomModels(HOME));
  }
}
