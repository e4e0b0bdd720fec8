package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.strata.adapters.aws.AwsClientsStandIn.ATTEMPTS;
import static dev.strata.adapters.aws.AwsClientsStandIn.tooLate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelUnitLimits;
import io.vavr.collection.HashMap;
import io.vavr.control.Either;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/** {@link ServiceQuotasModelUnitLimits} against a WireMock stand-in speaking awsJson1_1. */
class ServiceQuotasModelUnitLimitsTest {

  @RegisterExtension static WireMockExtension serviceQuotas = AwsClientsStandIn.server();

  private static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");
  private static final String GET = "GetServiceQuota";
  private static final String GET_DEFAULT = "GetAWSDefaultServiceQuota";
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();

  private final AwsClientsStandIn.TestClock clock = new AwsClientsStandIn.TestClock();
  @AutoClose private final AwsClientsStandIn.Opened opened = new AwsClientsStandIn.Opened();

  private ServiceQuotasModelUnitLimits limits(AwsClients clients) {
    return new ServiceQuotasModelUnitLimits(opened.add(clients.serviceQuotas()), clock);
  }

  private ServiceQuotasModelUnitLimits limits() {
    return limits(AwsClientsStandIn.clients(serviceQuotas, "us-east-1"));
  }

  /** An awsJson1_1 call of {@code operation} for quota {@code code} of service code bedrock. */
  private static MappingBuilder call(String operation, String code) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624." + operation))
        .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
        .withRequestBody(
            equalToJson("{\"ServiceCode\":\"bedrock\",\"QuotaCode\":\"" + code + "\"}"));
  }

  private static RequestPatternBuilder called(String operation) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624." + operation));
  }

  private static ResponseDefinitionBuilder answer(int status, String stub) {
    return AwsClientsStandIn.json(status, "application/x-amz-json-1.1", "servicequotas/" + stub);
  }

  private static ResponseDefinitionBuilder noSuchResource() {
    return answer(400, "no-such-resource.json");
  }

  private void stubBaseModelsQuota() {
    serviceQuotas.stubFor(
        call(GET, "L-FE44174A").willReturn(answer(200, "get-service-quota-L-FE44174A.json")));
  }

  private static void assertInternalServerError(Either<BedrockError, Long> result) {
    assertTrue(result.isLeft(), result.toString());
    assertTrue(result.getLeft() instanceof BedrockError.InternalServerError, result.toString());
    assertTrue(
        result.getLeft().message().startsWith("Service Quotas (bedrock L-FE44174A)"),
        result.getLeft().message());
  }

  @Test
  void a_no_commitment_limit_is_the_accounts_applied_value() {
    stubBaseModelsQuota();

    assertEquals(Either.right(4L), limits().limit(HOME, BASE));
  }

  @Test
  void without_an_applied_value_the_limit_is_awss_default() {
    serviceQuotas.stubFor(call(GET, "L-BE77399C").willReturn(noSuchResource()));
    serviceQuotas.stubFor(
        call(GET_DEFAULT, "L-BE77399C")
            .willReturn(answer(200, "get-aws-default-service-quota-L-BE77399C.json")));

    assertEquals(Either.right(2L), limits().limit(HOME, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_committed_limit_is_read_from_the_quota_code_of_its_base_model() {
    serviceQuotas.stubFor(
        call(GET, "L-C4522D0D").willReturn(answer(200, "get-service-quota-L-C4522D0D.json")));

    assertEquals(
        Either.right(3L), limits().limit(HOME, QuotaKey.committed("anthropic.claude-v2:0:100k")));
  }

  @Test
  void the_model_to_quota_code_map_is_configurable() {
    serviceQuotas.stubFor(
        call(GET, "L-C4522D0D").willReturn(answer(200, "get-service-quota-L-C4522D0D.json")));
    ServiceQuotasClient client =
        opened.add(AwsClientsStandIn.clients(serviceQuotas, "us-east-1").serviceQuotas());
    ModelUnitLimits configured =
        new ServiceQuotasModelUnitLimits(
            client,
            clock,
            Duration.ofMinutes(1),
            HashMap.of("amazon.nova-pro-v1:0:300k", "L-C4522D0D"));

    assertEquals(
        Either.right(3L), configured.limit(HOME, QuotaKey.committed("amazon.nova-pro-v1:0:300k")));
    assertEquals(
        Either.right(0L), configured.limit(HOME, QuotaKey.committed("anthropic.claude-v2:0:100k")));
  }

  @Test
  void a_model_without_a_known_quota_code_has_limit_zero_and_service_quotas_is_not_asked() {
    assertEquals(
        Either.right(0L), limits().limit(HOME, QuotaKey.committed("amazon.nova-pro-v1:0:300k")));
    serviceQuotas.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void a_quota_service_quotas_does_not_have_has_limit_zero() {
    serviceQuotas.stubFor(call(GET, "L-FE44174A").willReturn(noSuchResource()));
    serviceQuotas.stubFor(call(GET_DEFAULT, "L-FE44174A").willReturn(noSuchResource()));

    assertEquals(Either.right(0L), limits().limit(HOME, BASE));
  }

  @Test
  void a_throttled_read_is_retried_and_then_succeeds() {
    AwsClientsStandIn.throttledOnceThen(
        serviceQuotas,
        () -> call(GET, "L-FE44174A"),
        answer(400, "too-many-requests.json"),
        answer(200, "get-service-quota-L-FE44174A.json"));

    assertEquals(Either.right(4L), limits().limit(HOME, BASE));
    serviceQuotas.verify(2, called(GET));
  }

  @Test
  void throttling_that_outlasts_the_retries_is_a_throttling_failure() {
    serviceQuotas.stubFor(
        call(GET, "L-FE44174A").willReturn(answer(400, "too-many-requests.json")));

    Either<BedrockError, Long> result = limits().limit(HOME, BASE);

    assertTrue(result.getLeft() instanceof BedrockError.Throttling, result.toString());
    serviceQuotas.verify(ATTEMPTS, called(GET));
  }

  @Test
  void a_5xx_is_retried_and_then_an_internal_server_error_naming_service_quotas() {
    serviceQuotas.stubFor(
        call(GET, "L-FE44174A").willReturn(answer(500, "service-exception.json")));

    assertInternalServerError(limits().limit(HOME, BASE));
    serviceQuotas.verify(ATTEMPTS, called(GET));
  }

  @Test
  void a_timeout_is_an_internal_server_error_naming_service_quotas() {
    serviceQuotas.stubFor(
        call(GET, "L-FE44174A")
            .willReturn(tooLate(answer(200, "get-service-quota-L-FE44174A.json"))));

    Either<BedrockError, Long> result =
        limits(AwsClientsStandIn.impatient(serviceQuotas, "us-east-1")).limit(HOME, BASE);

    assertInternalServerError(result);
    assertEquals(
        "Service Quotas (bedrock L-FE44174A) did not answer in time", result.getLeft().message());
  }

  @Test
  void access_denied_is_an_access_denied_failure() {
    serviceQuotas.stubFor(call(GET, "L-FE44174A").willReturn(answer(400, "access-denied.json")));

    Either<BedrockError, Long> result = limits().limit(HOME, BASE);

    assertTrue(result.getLeft() instanceof BedrockError.AccessDenied, result.toString());
  }

  @Test
  void a_limit_is_kept_per_scope_until_its_time_to_live_has_passed() {
    stubBaseModelsQuota();
    ModelUnitLimits limits = limits();

    limits.limit(HOME, BASE);
    clock.advance(ServiceQuotasModelUnitLimits.DEFAULT_TTL.minusSeconds(1));
    limits.limit(HOME, BASE);
    serviceQuotas.verify(1, called(GET));

    limits.limit(ResourceScope.of("aws", "us-east-1", "210987654321"), BASE);
    serviceQuotas.verify(2, called(GET));

    clock.advance(Duration.ofSeconds(1));
    assertEquals(Either.right(4L), limits.limit(HOME, BASE));
    serviceQuotas.verify(3, called(GET));
  }

  @Test
  void a_failure_is_not_kept() {
    serviceQuotas.stubFor(call(GET, "L-FE44174A").willReturn(answer(400, "access-denied.json")));
    ModelUnitLimits limits = limits();
    limits.limit(HOME, BASE);
    stubBaseModelsQuota();

    assertEquals(Either.right(4L), limits.limit(HOME, BASE));
  }
}
