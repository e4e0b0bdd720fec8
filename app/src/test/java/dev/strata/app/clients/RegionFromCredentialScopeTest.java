package dev.strata.app.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.server.ServeProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * D19: under {@code --auth none} a request acts in the region its SigV4 credential scope names
 * (read, not verified), for {@code --account}. Two boto3 clients, in eu-west-1 and us-west-2,
 * against {@code strata serve} in its own process: each sees only its own provisioned
 * throughputs, and the ARNs carry its region.
 */
class RegionFromCredentialScopeTest {
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, boto3",
          "def bedrock(region):",
          "    return boto3.client('bedrock', region_name=region, endpoint_url=sys.argv[1],",
          "                        aws_access_key_id='any', aws_secret_access_key='any')",
          "eu, us = bedrock('eu-west-1'), bedrock('us-west-2')",
          "for client, name in ((eu, 'eu-pt'), (us, 'us-pt')):",
          "    print(client.create_provisioned_model_throughput(provisionedModelName=name,",
          "          modelId='amazon.nova-lite-v1:0:24k', modelUnits=1)['provisionedModelArn'])",
          "for client in (eu, us):",
          "    print([s['provisionedModelName'] for s in",
          "           client.list_provisioned_model_throughputs()['provisionedModelSummaries']])",
          "try:",
          "    eu.get_provisioned_model_throughput(provisionedModelId='us-pt')",
          "except eu.exceptions.ResourceNotFoundException:",
          "    print('us-pt is not in eu-west-1')");

  @Test
  void each_boto3_client_acts_in_the_region_of_its_credential_scope() throws Exception {
    ExternalClient.assume("python3 with boto3", "python3", "-c", "import boto3");
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--account", "210987654321")) {
      ExternalClient.Run run =
          ExternalClient.run(
              List.of("python3", "-c", SCRIPT, "http://127.0.0.1:" + serve.port), Map.of(), null);

      assertEquals(0, run.exitCode(), run::toString);
      List<String> lines = run.out().lines().toList();
      assertEquals(5, lines.size(), run::toString);
      assertTrue(
          lines.get(0).startsWith("arn:aws:bedrock:eu-west-1:210987654321:provisioned-model/"),
          lines.get(0));
      assertTrue(
          lines.get(1).startsWith("arn:aws:bedrock:us-west-2:210987654321:provisioned-model/"),
          lines.get(1));
      assertEquals("['eu-pt']", lines.get(2));
      assertEquals("['us-pt']", lines.get(3));
      assertEquals("us-pt is not in eu-west-1", lines.get(4));
    }
  }
}
