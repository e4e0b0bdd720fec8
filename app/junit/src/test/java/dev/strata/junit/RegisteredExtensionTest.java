package dev.strata.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.app.server.Credentials;
import dev.strata.domain.StatusTransitionPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;

/** Settings only the builder holds: a fixed clock, a failing policy, SigV4 credentials. */
class RegisteredExtensionTest {
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  @RegisterExtension
  static StrataExtension strata =
      StrataExtension.builder()
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .account("111122223333")
          .region("eu-west-1")
          .transitions(StatusTransitionPolicy.immediate().failing(pt -> pt.provisionedModelName().value().startsWith("doomed"), "no capacity"))
          .sigv4(Credentials.builder().accessKey("AKIATEAM", "team-secret", "111122223333").build(), "AKIATEAM", "team-secret")
          .build();

  @Test
  void the_injected_client_signs_for_the_account_of_its_key_at_the_fixed_time(BedrockClient bedrock) {
    String arn =
        bedrock.createProvisionedModelThroughput(
                r -> r.provisionedModelName("signed").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1))
            .provisionedModelArn();
    assertEquals("arn:aws:bedrock:eu-west-1:111122223333", arn.substring(0, arn.indexOf(":provisioned-model/")));
    assertEquals(NOW, bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)).creationTime());
  }

  @Test
  void the_builders_transition_policy_fails_what_it_matches(BedrockClient bedrock) {
    bedrock.createProvisionedModelThroughput(
        r -> r.provisionedModelName("doomed-1").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1));
    assertEquals("Failed", bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("doomed-1")).statusAsString());
  }

  @Test
  void a_client_with_an_unknown_key_is_refused(URI endpoint) {
    try (BedrockClient stranger =
        BedrockClient.builder()
            .endpointOverride(endpoint)
            .region(Region.EU_WEST_1)
            .httpClientBuilder(ApacheHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTRANGER", "guess")))
            .build()) {
      BedrockException refused =
          assertThrows(BedrockException.class, () -> stranger.listProvisionedModelThroughputs(r -> r.maxResults(1)));
      assertEquals(403, refused.statusCode());
    }
  }
}
