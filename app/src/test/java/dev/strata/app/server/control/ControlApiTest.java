package dev.strata.app.server.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.AuditEvent;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.control.ControlClient.Answer;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.Strata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API through the real HTTP server, without authentication (the loopback default). */
class ControlApiTest {
  private static final List<AuditEvent> AUDIT = Collections.synchronizedList(new ArrayList<>());
  private static InMemoryStrata strata;
  private static StrataServer server;
  private static ControlClient client;

  @BeforeAll
  static void serve() {
    strata = InMemoryStrata.builder().transitions(StatusTransitionPolicy.manual()).build();
    server =
        StrataServer.start(
            strata.service(),
            StrataServer.Config.of("127.0.0.1", 0)
                .withAudit(AUDIT::add)
                .withControl(ControlApi.of(strata.control())));
    client = new ControlClient(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void health_answers_ok_with_the_version_and_the_adapter_of_each_port() {
    Answer health = client.get("/_strata/health");
    assertEquals(200, health.status());
    assertEquals("ok", health.body().get("status").asText());
    assertTrue(health.body().hasNonNull("version"));
    assertEquals("inmemory", health.body().at("/adapters/store").asText());
    assertEquals(4, health.body().get("adapters").size());
  }

  @Test
  void an_unknown_control_path_or_method_is_a_404_unknown_operation() {
    for (Answer answer : List.of(client.get("/_strata/nothing"), client.get("/_strata/reset"), client.get("/_strata/"))) {
      assertEquals(404, answer.status());
      assertEquals("UnknownOperationException", answer.errorType());
      assertTrue(answer.message().contains("/_strata/"), answer.message());
    }
  }

  @Test
  void a_body_that_is_not_a_json_object_is_a_400_naming_the_body() {
    Answer answer = client.post("/_strata/clock", "{\"advance\":");
    assertEquals(400, answer.status());
    assertEquals("ValidationException", answer.errorType());
    assertTrue(answer.message().contains("at 'body'"), answer.message());
    assertEquals(400, client.post("/_strata/reset", "[1]").status());
  }

  @Test
  void an_unknown_member_or_a_member_of_the_wrong_type_is_a_400_naming_it() {
    Answer unknown = client.post("/_strata/clock", "{\"advanceBy\":\"P1D\"}");
    assertEquals(400, unknown.status());
    assertTrue(unknown.message().contains("at 'advanceBy'"), unknown.message());
    Answer wrongType = client.post("/_strata/clock", "{\"advance\":5}");
    assertEquals(400, wrongType.status());
    assertTrue(wrongType.message().contains("at 'advance'"), wrongType.message());
  }

  @Test
  void the_clock_moves_forward_by_a_duration_and_refuses_a_bad_one_or_a_time_in_the_past() {
    Answer before = client.get("/_strata/clock");
    Duration offset = Duration.parse(before.body().get("offset").asText());
    Answer moved = client.post("/_strata/clock", "{\"advance\":\"PT1H\"}");
    assertEquals(200, moved.status());
    assertEquals(offset.plusHours(1), Duration.parse(moved.body().get("offset").asText()));
    Instant now = Instant.parse(moved.body().get("now").asText());
    assertTrue(now.isAfter(Instant.now().plus(Duration.ofMinutes(59))), now.toString());

    Answer bad = client.post("/_strata/clock", "{\"advance\":\"one day\"}");
    assertEquals(400, bad.status());
    assertTrue(bad.message().contains("Value 'one day' at 'advance'"), bad.message());
    Answer negative = client.post("/_strata/clock", "{\"advance\":\"-PT1S\"}");
    assertEquals(400, negative.status());
    assertTrue(negative.message().contains("at 'advance'"), negative.message());
    Answer backwards = client.post("/_strata/clock", "{\"set\":\"2020-01-01T00:00:00Z\"}");
    assertEquals(400, backwards.status());
    assertTrue(backwards.message().contains("at 'set'"), backwards.message());
    Answer both = client.post("/_strata/clock", "{\"set\":\"2099-01-01T00:00:00Z\",\"advance\":\"P1D\"}");
    assertEquals(400, both.status());
    assertEquals(offset.plusHours(1), Duration.parse(client.get("/_strata/clock").body().get("offset").asText()));
  }

  @Test
  void reset_of_one_account_and_region_removes_its_provisioned_throughputs_and_answers_how_many() {
    Strata other = strata.service().forScope(ResourceScope.of("aws", "eu-west-1", "999999999999"));
    other
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder("reset-me", "amazon.nova-lite-v1:0:24k", 1).build())
        .get();
    Answer reset = client.post("/_strata/reset", "{\"account\":\"999999999999\",\"region\":\"eu-west-1\"}");
    assertEquals(200, reset.status());
    assertEquals(1, reset.body().get("removed").asInt());
    assertTrue(
        other.listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all())
            .get()
            .provisionedModelSummaries()
            .isEmpty());
    Answer half = client.post("/_strata/reset", "{\"account\":\"999999999999\"}");
    assertEquals(400, half.status());
    assertTrue(half.message().contains("at 'region'"), half.message());
    Answer badAccount = client.post("/_strata/reset", "{\"account\":\"12\",\"region\":\"eu-west-1\"}");
    assertEquals(400, badAccount.status());
    assertTrue(badAccount.message().contains("Value '12' at 'account'"), badAccount.message());
  }

  private static void create(String name) {
    strata
        .service()
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 1).build())
        .get();
  }

  @Test
  void a_pending_transition_is_finished_in_service_once_and_answered_as_get_shows_it() {
    create("finish-me");
    Answer done = client.post("/_strata/transitions", "{\"provisionedModelId\":\"finish-me\",\"outcome\":\"InService\"}");
    assertEquals(200, done.status());
    assertEquals("InService", done.body().get("status").asText());
    assertEquals("finish-me", done.body().get("provisionedModelName").asText());
    assertTrue(done.body().hasNonNull("creationTime"));

    Answer again = client.post("/_strata/transitions", "{\"provisionedModelId\":\"finish-me\",\"outcome\":\"InService\"}");
    assertEquals(400, again.status());
    assertEquals("ValidationException", again.errorType());
    Answer unknown = client.post("/_strata/transitions", "{\"provisionedModelId\":\"nobody\",\"outcome\":\"InService\"}");
    assertEquals(404, unknown.status());
    assertEquals("ResourceNotFoundException", unknown.errorType());
  }

  @Test
  void a_pending_transition_fails_with_the_message_get_then_shows_and_needs_one() {
    create("fail-me");
    Answer noMessage = client.post("/_strata/transitions", "{\"provisionedModelId\":\"fail-me\",\"outcome\":\"Failed\"}");
    assertEquals(400, noMessage.status());
    assertTrue(noMessage.message().contains("at 'failureMessage'"), noMessage.message());
    Answer badOutcome = client.post("/_strata/transitions", "{\"provisionedModelId\":\"fail-me\",\"outcome\":\"Done\"}");
    assertEquals(400, badOutcome.status());
    assertTrue(badOutcome.message().contains("Value 'Done' at 'outcome'"), badOutcome.message());

    Answer failed =
        client.post(
            "/_strata/transitions",
            "{\"provisionedModelId\":\"fail-me\",\"outcome\":\"Failed\",\"failureMessage\":\"capacity gone\"}");
    assertEquals(200, failed.status());
    assertEquals("Failed", failed.body().get("status").asText());
    assertEquals(
        "capacity gone",
        strata.service()
            .getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("fail-me"))
            .get()
            .failureMessage()
            .orElseThrow());
  }

  @Test
  void every_control_call_leaves_an_audit_line() {
    client.get("/_strata/health");
    AuditEvent line =
        AUDIT.stream().filter(e -> e.operation().equals("StrataGetHealth")).reduce((a, b) -> b).orElseThrow();
    assertEquals(200, line.status());
    assertEquals(AuditEvent.SUCCESS, line.outcome());
    assertNull(line.principal());
  }
}
