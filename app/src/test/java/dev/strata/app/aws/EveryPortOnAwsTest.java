package dev.strata.app.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.strata.adapters.aws.DynamoDbLocal;
import dev.strata.composition.AdapterSettings;
import dev.strata.composition.ConfigurationKeys;
import dev.strata.composition.StrataConfiguration;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.CustomModelRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;

/**
 * Every port on its AWS adapter: the catalog from Bedrock, limits from Service Quotas, ARNs in the
 * STS caller's account (all three a WireMock stand-in behind {@code endpoint.*}), and the store in
 * DynamoDB Local; served and driven by the AWS SDK.
 */
class EveryPortOnAwsTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @RegisterExtension
  static final WireMockExtension AWS =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ACCOUNT = "210987654321";

  private static void standIn() {
    AWS.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=GetCallerIdentity"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + ACCOUNT + ":user/strata</Arn>"
                            + "<UserId>AIDAEXAMPLE</UserId><Account>" + ACCOUNT + "</Account>"
                            + "</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId>"
                            + "</ResponseMetadata></GetCallerIdentityResponse>")));
    AWS.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.GetServiceQuota"))
            .withRequestBody(containing("L-FE44174A"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(
                        "{\"Quota\":{\"ServiceCode\":\"bedrock\",\"QuotaCode\":\"L-FE44174A\","
                            + "\"QuotaName\":\"Model units no-commitment Provisioned Throughputs across base models\","
                            + "\"Value\":3.0,\"Adjustable\":true}}")));
    AWS.stubFor(
        get(urlPathEqualTo("/foundation-models/amazon.nova-lite-v1%3A0%3A24k"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"modelDetails\":{\"modelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k\","
                            + "\"modelId\":\"amazon.nova-lite-v1:0:24k\",\"modelName\":\"Nova Lite\",\"providerName\":\"Amazon\","
                            + "\"inputModalities\":[\"TEXT\"],\"outputModalities\":[\"TEXT\"],"
                            + "\"inferenceTypesSupported\":[\"PROVISIONED\"],\"modelLifecycle\":{\"status\":\"ACTIVE\"}}}")));
    AWS.stubFor(
        get(urlPathEqualTo("/foundation-models/amazon.unknown-v1%3A0"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                    .withBody("{\"message\":\"The model amazon.unknown-v1:0 does not exist.\"}")));
  }

  @Test
  void the_catalog_limits_and_account_come_from_aws_and_the_store_is_dynamodb() {
    standIn();
    String standIn = AWS.baseUrl();
    Map<String, String> file = Map.of("catalog", "aws", "quotas", "aws", "arns", "aws", "store", "aws");
    Map<String, String> environment =
        Map.of(
            "STRATA_TABLE", DynamoDbLocal.freshTableName(),
            "STRATA_ENDPOINT_DYNAMODB", DYNAMO_DB.endpoint().toString(),
            "STRATA_ENDPOINT_BEDROCK", standIn,
            "STRATA_ENDPOINT_STS", standIn);
    StrataConfiguration configuration =
        ConfigurationKeys.resolve(
            StrataConfiguration.defaults(),
            file,
            environment,
            Map.of("endpoint.servicequotas", standIn),
            key -> "the command line");

    try (ServedInstance served = new ServedInstance(configuration)) {
      for (int i = 0; i < 3; i++) {
        int n = i;
        String arn =
            served.bedrock
                .createProvisionedModelThroughput(
                    r -> r.provisionedModelName("pt-" + n).modelId("amazon.nova-lite-v1:0:24k").modelUnits(1)
                        .clientRequestToken("token-" + n))
                .provisionedModelArn();
        assertTrue(arn.startsWith("arn:aws:bedrock:us-east-1:" + ACCOUNT + ":provisioned-model/"), arn);
      }

      assertThrows(
          ServiceQuotaExceededException.class,
          () -> served.bedrock.createProvisionedModelThroughput(
              r -> r.provisionedModelName("pt-4").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1)),
          "Service Quotas says 3");
      ResourceNotFoundException unknown =
          assertThrows(
              ResourceNotFoundException.class,
              () -> served.bedrock.createProvisionedModelThroughput(
                  r -> r.provisionedModelName("unknown").modelId("amazon.unknown-v1:0").modelUnits(1)),
              "Bedrock does not know the model");
      assertTrue(unknown.getMessage().contains("account " + ACCOUNT), unknown.getMessage());
      assertEquals(
          3,
          served.bedrock.listProvisionedModelThroughputs(r -> r.maxResults(10)).provisionedModelSummaries().size());
      ResourceScope home = ResourceScope.of("aws", "us-east-1", ACCOUNT);
      assertEquals(
          "Model-unit quota limits come from Service Quotas in this configuration and cannot be changed"
              + " through Strata.",
          served.wired.control().quotas().adjust(home, Map.of("L-FE44174A", 5L)).getLeft().message());
      assertEquals(
          "Custom models come from Bedrock in this configuration and cannot be changed through Strata.",
          served.wired.control().customModels()
              .register(home, new CustomModelRequest("mine", "amazon.nova-lite-v1:0:24k", null, null, null))
              .getLeft()
              .message());
      String refused = served.wired.control().state().export().getLeft().message();
      assertTrue(refused.contains("it lives in the DynamoDB table"), refused);
    }
  }
}
