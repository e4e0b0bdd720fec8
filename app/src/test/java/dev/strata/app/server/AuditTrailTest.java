package dev.strata.app.server;

import static dev.strata.app.server.SecuredStrata.ALICE_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.ALICE_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.inmemory.InMemoryStrata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/** Every mutating call leaves one audit line, whatever its outcome; reads leave none. */
class AuditTrailTest {
  SecuredStrata served;
  BedrockClient alice;

  @BeforeEach
  void start() {
    served =
        SecuredStrata.start(
            InMemoryStrata.builder().build(),
            Authentication.of(
                Set.of(Authentication.Mode.BEARER), SecuredStrata.CREDENTIALS, null, Clock.systemUTC()));
    alice = served.bearer(ALICE_API_KEY);
  }

  @AfterEach
  void close() {
    served.close();
  }

  @Test
  void createUpdateTagUntagAndDeleteEachLeaveOneLineAndReadsNone() {
    String arn =
        alice
            .createProvisionedModelThroughput(
                r -> r.provisionedModelName("audited").modelId(TwoAccountIsolationTest.BASE_MODEL).modelUnits(1))
            .provisionedModelArn();
    alice.getProvisionedModelThroughput(r -> r.provisionedModelId(arn));
    alice.listProvisionedModelThroughputs(r -> {});
    alice.listTagsForResource(r -> r.resourceARN(arn));
    alice.updateProvisionedModelThroughput(r -> r.provisionedModelId("audited").desiredProvisionedModelName("renamed"));
    alice.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("k").value("v").build()));
    alice.untagResource(r -> r.resourceARN(arn).tagKeys("k"));
    alice.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn));

    List<AuditEvent> events = List.copyOf(served.audit);
    assertEquals(
        List.of(
            "CreateProvisionedModelThroughput",
            "UpdateProvisionedModelThroughput",
            "TagResource",
            "UntagResource",
            "DeleteProvisionedModelThroughput"),
        events.stream().map(AuditEvent::operation).collect(Collectors.toList()));
    assertEquals(
        List.of("audited", "audited", arn, arn, arn),
        events.stream().map(AuditEvent::target).collect(Collectors.toList()));
    AuditEvent create = events.get(0);
    assertEquals(arn, create.resourceArn());
    assertEquals(201, create.status());
    assertEquals(AuditEvent.SUCCESS, create.outcome());
    assertEquals(ALICE_ACCOUNT, create.account());
    assertEquals("us-east-1", create.region());
    assertEquals("alice-ci", create.principal());
    assertEquals("127.0.0.1", create.sourceAddress());
    assertEquals(36, create.requestId().length());
    assertTrue(events.stream().allMatch(e -> e.outcome().equals(AuditEvent.SUCCESS)));
  }

  @Test
  void aFailedCallIsRecordedWithTheErrorItWasAnswered() {
    assertThrows(
        ValidationException.class,
        () ->
            alice.createProvisionedModelThroughput(
                r -> r.provisionedModelName("bad name!").modelId("m").modelUnits(0)));

    AuditEvent event = served.audit.get(0);
    assertEquals("CreateProvisionedModelThroughput", event.operation());
    assertEquals("bad name!", event.target());
    assertEquals(400, event.status());
    assertEquals("ValidationException", event.outcome());
    assertNull(event.resourceArn());
  }

  @Test
  void aRefusedCallerIsRecordedWithoutAnAccountAndTheRequestIdItReceived() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(served.server.url() + "/provisioned-model-throughput/x"))
                    .DELETE()
                    .header("Authorization", "Bearer not-a-key")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(403, response.statusCode());
    AuditEvent event = served.audit.get(0);
    assertEquals("DeleteProvisionedModelThroughput", event.operation());
    assertEquals("AccessDeniedException", event.outcome());
    assertEquals(403, event.status());
    assertNull(event.account());
    assertNull(event.principal());
    assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), event.requestId());
  }

  @Test
  void jsonLinesWritesOneObjectPerLineWithoutAbsentMembers() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditTrail trail = AuditTrail.jsonLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    trail.record(
        new AuditEvent(
            Instant.parse("2026-11-24T10:00:00Z"), "req-1", "DeleteProvisionedModelThroughput",
            "111111111111", "us-east-1", "AKIAALICE0000001", "127.0.0.1", "my-pt", null, 200,
            AuditEvent.SUCCESS));
    trail.record(
        new AuditEvent(
            Instant.parse("2026-11-24T10:00:01Z"), "req-2", "TagResource", null, null, null,
            "10.0.0.7", null, null, 403, "MissingAuthenticationTokenException"));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    assertEquals(
        "{\"time\":\"2026-11-24T10:00:00Z\",\"requestId\":\"req-1\","
            + "\"operation\":\"DeleteProvisionedModelThroughput\",\"account\":\"111111111111\","
            + "\"region\":\"us-east-1\",\"principal\":\"AKIAALICE0000001\","
            + "\"sourceAddress\":\"127.0.0.1\",\"target\":\"my-pt\",\"status\":200,"
            + "\"outcome\":\"Success\"}",
        lines[0]);
    JsonNode refused = new ObjectMapper().readTree(lines[1]);
    assertFalse(refused.has("account"));
    assertEquals("MissingAuthenticationTokenException", refused.get("outcome").asText());
  }

  @Test
  void linesRecordedByManyThreadsAtOnceAllArriveWholeAndNoneIsLeftUnwritten() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditTrail trail = AuditTrail.jsonLines(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    int threads = 16;
    int each = 500;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.submit(
          () -> {
            start.await();
            for (int i = 0; i < each; i++) {
              trail.record(
                  new AuditEvent(
                      Instant.EPOCH, thread + "-" + i, "TagResource", "111111111111", "us-east-1",
                      "AKIAALICE0000001", "127.0.0.1", "x".repeat(i % 300), null, 200,
                      AuditEvent.SUCCESS));
            }
            return null;
          });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(threads * each, lines.length);
    ObjectMapper json = new ObjectMapper();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String line : lines) {
      ids.add(json.readTree(line).get("requestId").asText());
    }
    assertEquals(threads * each, ids.size());
  }
}
