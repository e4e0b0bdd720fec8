package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/**
 * D19 with the AWS SDK for Java v2: under {@code --auth none} a request acts for the server's
 * account in the region of its SigV4 credential scope, read but not verified; a request without
 * one acts in the server's region.
 */
class UnauthenticatedRegionTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @Test
  void clients_of_two_regions_each_see_only_their_own_provisioned_throughputs() {
    try (ServedStrata served = ServedStrata.start(InMemoryStrata.builder().account("210987654321").build());
        BedrockClient eu = served.client(Region.EU_WEST_1);
        BedrockClient us = served.client(Region.US_WEST_2)) {
      String euArn =
          eu.createProvisionedModelThroughput(r -> r.provisionedModelName("eu-pt").modelId(MODEL).modelUnits(1))
              .provisionedModelArn();
      String usArn =
          us.createProvisionedModelThroughput(r -> r.provisionedModelName("us-pt").modelId(MODEL).modelUnits(1))
              .provisionedModelArn();

      assertTrue(euArn.startsWith("arn:aws:bedrock:eu-west-1:210987654321:provisioned-model/"), euArn);
      assertTrue(usArn.startsWith("arn:aws:bedrock:us-west-2:210987654321:provisioned-model/"), usArn);
      assertEquals(List.of("eu-pt"), names(eu));
      assertEquals(List.of("us-pt"), names(us));
      assertThrows(
          ResourceNotFoundException.class,
          () -> eu.getProvisionedModelThroughput(r -> r.provisionedModelId(usArn)));
      assertEquals(List.of(), names(served.bedrock));
    }
  }

  @Test
  void an_unsigned_request_acts_in_the_servers_region() throws Exception {
    try (ServedStrata served = ServedStrata.start(InMemoryStrata.builder().region("ap-south-1").build())) {
      var created =
          served.send(
              HttpRequest.newBuilder(URI.create(served.server.url() + "/provisioned-model-throughput"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"provisionedModelName\":\"plain\",\"modelId\":\"" + MODEL + "\",\"modelUnits\":1}"))
                  .header("Content-Type", "application/json")
                  .build());

      assertEquals(201, created.statusCode(), created.body());
      assertTrue(created.body().contains("arn:aws:bedrock:ap-south-1:123456789012:provisioned-model/"), created.body());
    }
  }

  private static List<String> names(BedrockClient client) {
    return client.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().stream()
        .map(s -> s.provisionedModelName())
        .toList();
  }
}
