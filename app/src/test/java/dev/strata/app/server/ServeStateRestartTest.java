package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.Tag;

/** {@code serve --state}, stopped with SIGTERM and started again on the same file. */
class ServeStateRestartTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @TempDir Path dir;

  @Test
  void a_restart_after_sigterm_keeps_every_provisioned_throughput_with_status_commitment_expiry_and_tags()
      throws Exception {
    Path state = dir.resolve("strata.db");
    String[] options = {"--state", state.toString(), "--transitions", "manual", "--audit-log", "off"};
    GetProvisionedModelThroughputResponse committed;
    GetProvisionedModelThroughputResponse plain;
    List<Tag> tags;
    String nextArn;
    try (ServeProcess serve = ServeProcess.start(Map.of(), options);
        BedrockClient bedrock = serve.bedrock()) {
      bedrock.createProvisionedModelThroughput(
          r -> r.provisionedModelName("committed").modelId(MODEL).modelUnits(2)
              .commitmentDuration(CommitmentDuration.SIX_MONTHS)
              .tags(Tag.builder().key("team").value("ml").build(), Tag.builder().key("env").value("dev").build()));
      bedrock.createProvisionedModelThroughput(r -> r.provisionedModelName("plain").modelId(MODEL).modelUnits(1));
      bedrock.untagResource(
          r -> r.resourceARN(bedrock.getProvisionedModelThroughput(g -> g.provisionedModelId("committed")).provisionedModelArn())
              .tagKeys("env"));
      committed = bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("committed"));
      tags = bedrock.listTagsForResource(r -> r.resourceARN(committed.provisionedModelArn())).tags();
      plain = bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("plain"));
      serve.terminate();
    }
    try (ServeProcess again = ServeProcess.start(Map.of(), options);
        BedrockClient bedrock = again.bedrock()) {
      // every member of the output shape, compared as the SDK prints it (its equals also compares HTTP metadata)
      assertEquals(
          committed.toString(), bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("committed")).toString());
      assertEquals(plain.toString(), bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("plain")).toString());
      assertEquals(
          committed.creationTime().atOffset(java.time.ZoneOffset.UTC).plusMonths(6).toInstant(),
          committed.commitmentExpirationTime());
      assertEquals("Creating", committed.statusAsString());
      assertEquals(
          List.of(Tag.builder().key("team").value("ml").build()),
          bedrock.listTagsForResource(r -> r.resourceARN(committed.provisionedModelArn())).tags());
      assertEquals(tags, bedrock.listTagsForResource(r -> r.resourceARN(committed.provisionedModelArn())).tags());
      nextArn =
          bedrock.createProvisionedModelThroughput(r -> r.provisionedModelName("third").modelId(MODEL).modelUnits(1))
              .provisionedModelArn();
    }
    assertEquals(
        3,
        List.of(committed.provisionedModelArn(), plain.provisionedModelArn(), nextArn).stream().distinct().count(),
        "an id minted after the restart is new");
  }
}
