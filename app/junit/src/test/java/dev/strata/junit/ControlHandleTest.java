package dev.strata.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.StrataControl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ThrottlingException;

/** The injected control handle is Strata's control API: clock, reset, faults, and /_strata/ over HTTP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlHandleTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @RegisterExtension
  static StrataExtension strata = StrataExtension.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).build();

  @Test
  @Order(1)
  void the_service_clock_moves_forward_through_the_injected_control(BedrockClient bedrock, StrataControl control) {
    assertTrue(control.clock().advance(Duration.ofDays(32)).isRight());
    String arn =
        bedrock.createProvisionedModelThroughput(
                r -> r.provisionedModelName("later").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1))
            .provisionedModelArn();
    assertEquals(START.plus(Duration.ofDays(32)), bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)).creationTime());
  }

  @Test
  @Order(2)
  void the_reset_before_this_test_returned_the_clock_to_its_start(StrataHandle handle) {
    assertEquals(START, handle.control().clock().read().get().now());
    assertEquals(0, handle.strata().snapshot().size());
  }

  @Test
  @Order(3)
  void an_injected_fault_reaches_the_client_until_the_next_reset(BedrockClient bedrock, StrataHandle handle) {
    handle.failStoreWith(new BedrockError.Throttling("Rate exceeded"));
    assertThrows(ThrottlingException.class, () -> bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("any")));
  }

  @Test
  @Order(4)
  void the_fault_is_gone_and_the_control_api_answers_over_http(BedrockClient bedrock, URI endpoint) throws Exception {
    assertEquals(0, bedrock.listProvisionedModelThroughputs(r -> r.maxResults(1)).provisionedModelSummaries().size());
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(endpoint.resolve("/_strata/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
  }
}
