package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.wiring.StateDocuments;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@code GET} and {@code POST /_strata/state} of {@code strata serve} in its own process, driven
 * by the AWS SDK for Java v2: the document is the one {@code export --to} writes, an import after a
 * reset brings every provisioned throughput back and the next id continues the seed's sequence
 * (D17), and a document that cannot be imported is a 400 that changes nothing.
 */
class StateApiServeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  /** Creates {@code name}, one unit of Nova Lite for a month, tagged and with a token; its ARN. */
  private static String create(BedrockClient bedrock, String name) {
    return bedrock
        .createProvisionedModelThroughput(
            r -> r.provisionedModelName(name).modelId(MODEL).modelUnits(1)
                .commitmentDuration(CommitmentDuration.ONE_MONTH)
                .clientRequestToken("token-" + name)
                .tags(Tag.builder().key("team").value("search").build()))
        .provisionedModelArn();
  }

  /** The ARN the {@code n}th Create of a Strata seeded with {@code seed} mints, counting from 1. */
  private static String nthArn(long seed, int n) {
    InMemoryStrata reference = InMemoryStrata.builder().seed(seed).build();
    String arn = null;
    for (int i = 1; i <= n; i++) {
      arn = reference.service()
          .createProvisionedModelThroughput(CreateProvisionedModelThroughputCommand.builder("pt-" + i, MODEL, 1).build())
          .get()
          .value();
    }
    return arn;
  }

  private static void assertRefusedNaming(HttpResponse<String> response, String named) {
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("ValidationException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
    assertTrue(response.body().contains(named), response.body());
  }

  @Test
  void an_exported_state_imported_after_a_reset_is_served_again_and_the_next_id_continues_the_seed()
      throws Exception {
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--seed", "5", "--audit-log", "off");
        BedrockClient bedrock = serve.bedrock()) {
      String chat = create(bedrock, "chat");
      create(bedrock, "batch");
      JsonNode exported = ok(serve.send("GET", "/_strata/state", null));
      assertEquals(2, ok(serve.send("POST", "/_strata/reset", null)).path("removed").asInt());
      assertEquals(0, bedrock.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().size());

      JsonNode imported = ok(serve.send("POST", "/_strata/state", exported.toString()));

      assertEquals(JSON.readTree("{\"removed\":0,\"imported\":2,\"idsMinted\":2}"), imported);
      GetProvisionedModelThroughputResponse got = bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("chat"));
      assertEquals(chat, got.provisionedModelArn());
      assertEquals("InService", got.statusAsString());
      assertEquals("OneMonth", got.commitmentDurationAsString());
      assertEquals(
          "search", bedrock.listTagsForResource(r -> r.resourceARN(chat)).tags().get(0).value());
      assertEquals(chat, create(bedrock, "chat"), "the token still answers its original ARN");
      assertEquals(nthArn(5, 3), create(bedrock, "next"));
      JsonNode now = ok(serve.send("GET", "/_strata/state", null));
      assertEquals(exported.path("provisionedThroughputs").get(0), now.path("provisionedThroughputs").get(0));
      assertEquals(3, now.path("idsMinted").asLong());
    }
  }

  @Test
  void a_document_that_cannot_be_imported_is_a_400_naming_the_member_or_record_and_changes_nothing()
      throws Exception {
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--audit-log", "off");
        BedrockClient bedrock = serve.bedrock()) {
      create(bedrock, "kept");
      String before = serve.send("GET", "/_strata/state", null).body();
      ObjectNode missing = (ObjectNode) JSON.readTree(before);
      ((ObjectNode) missing.path("provisionedThroughputs").get(0)).remove("modelUnits");
      ObjectNode twice = (ObjectNode) JSON.readTree(before);
      ((ArrayNode) twice.path("provisionedThroughputs")).add(twice.path("provisionedThroughputs").get(0));
      ObjectNode unknown = (ObjectNode) JSON.readTree(before);
      unknown.put("clock", "P1D");

      assertRefusedNaming(serve.send("POST", "/_strata/state", missing.toString()), "$.provisionedThroughputs[0].modelUnits");
      assertRefusedNaming(serve.send("POST", "/_strata/state", twice.toString()), "$.provisionedThroughputs[1].provisionedModelArn");
      assertRefusedNaming(serve.send("POST", "/_strata/state", unknown.toString()), "at 'clock'");
      assertRefusedNaming(serve.send("POST", "/_strata/state", "{\"version\":2,\"idsMinted\":0,\"provisionedThroughputs\":[]}"), "version 2");
      assertRefusedNaming(serve.send("POST", "/_strata/state", "[]"), "at 'body'");
      assertEquals(413, serve.send("POST", "/_strata/state", "{" + " ".repeat(1 << 20) + "}").statusCode());

      assertEquals(before, serve.send("GET", "/_strata/state", null).body());
      assertEquals("InService", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("kept")).statusAsString());
    }
  }

  @Test
  void on_a_state_file_the_state_is_the_document_export_writes_and_another_file_imports_it_durably(
      @TempDir Path dir) throws Exception {
    Path first = dir.resolve("first.db");
    Path second = dir.resolve("second.db");
    JsonNode served;
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--state", first.toString(), "--seed", "9", "--audit-log", "off");
        BedrockClient bedrock = serve.bedrock()) {
      create(bedrock, "chat");
      create(bedrock, "batch");
      served = ok(serve.send("GET", "/_strata/state", null));
      StateDocuments.exportDocument(first, dir.resolve("exported.json"));
      assertEquals(JSON.readTree(Files.readString(dir.resolve("exported.json"))), served);
    }
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--state", second.toString(), "--seed", "9", "--audit-log", "off")) {
      assertEquals(
          JSON.readTree("{\"removed\":0,\"imported\":2,\"idsMinted\":2}"),
          ok(serve.send("POST", "/_strata/state", served.toString())));
    }
    try (ServeProcess restarted = ServeProcess.start(Map.of(), "--state", second.toString(), "--seed", "9", "--audit-log", "off");
        BedrockClient bedrock = restarted.bedrock()) {
      assertEquals("InService", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("batch")).statusAsString());
      assertEquals(nthArn(9, 3), create(bedrock, "next"));
      JsonNode now = ok(restarted.send("GET", "/_strata/state", null)).path("provisionedThroughputs");
      assertEquals(3, now.size());
      assertEquals(served.path("provisionedThroughputs").get(0), now.get(0));
      assertEquals(served.path("provisionedThroughputs").get(1), now.get(1));
    }
  }
}
