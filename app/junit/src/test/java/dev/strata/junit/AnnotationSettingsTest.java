package dev.strata.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.QuotaKey;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;

/** Manual transitions and a quota set by annotation, through the injected SDK clients. */
@StrataTest(transitions = "manual", quotas = {"L-FE44174A=2"})
class AnnotationSettingsTest {

  @Test
  void a_create_stays_creating_until_the_handle_completes_it(BedrockClient bedrock, StrataHandle strata) {
    bedrock.createProvisionedModelThroughput(
        r -> r.provisionedModelName("chat").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1));
    assertEquals("Creating", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("chat")).statusAsString());
    assertEquals("Creating", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("chat")).statusAsString());

    assertTrue(strata.completeTransition("chat").isRight());

    assertEquals("InService", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("chat")).statusAsString());
  }

  @Test
  void a_failed_transition_shows_its_message(BedrockAsyncClient bedrock, StrataHandle strata) {
    bedrock.createProvisionedModelThroughput(
            r -> r.provisionedModelName("doomed").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1))
        .join();
    assertTrue(strata.failTransition("doomed", "capacity unavailable").isRight());

    var pt = bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("doomed")).join();
    assertEquals("Failed", pt.statusAsString());
    assertEquals("capacity unavailable", pt.failureMessage());
  }

  @Test
  void the_annotated_quota_of_two_units_refuses_a_third(BedrockClient bedrock, StrataHandle strata) {
    bedrock.createProvisionedModelThroughput(
        r -> r.provisionedModelName("two").modelId("amazon.nova-lite-v1:0:24k").modelUnits(2));

    ServiceQuotaExceededException refused =
        assertThrows(
            ServiceQuotaExceededException.class,
            () ->
                bedrock.createProvisionedModelThroughput(
                    r -> r.provisionedModelName("third").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1)));
    assertTrue(refused.getMessage().contains("L-FE44174A"), refused::getMessage);
    assertEquals(2L, strata.usage(QuotaKey.noCommitmentBaseModels()).get().limit());
  }

  @Test
  void the_endpoint_is_the_injected_clients_loopback_server(URI endpoint, BedrockClient bedrock) {
    assertEquals("127.0.0.1", endpoint.getHost());
    assertEquals(endpoint, bedrock.serviceClientConfiguration().endpointOverride().orElseThrow());
  }
}
