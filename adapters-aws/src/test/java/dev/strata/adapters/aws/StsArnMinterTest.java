package dev.strata.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.strata.adapters.aws.AwsClientsStandIn.ATTEMPTS;
import static dev.strata.adapters.aws.AwsClientsStandIn.tooLate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StsArnMinter} against a WireMock stand-in speaking STS's awsQuery protocol. */
class StsArnMinterTest {

  @RegisterExtension static WireMockExtension sts = AwsClientsStandIn.server();

  private static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");

  @AutoClose private final AwsClientsStandIn.Opened opened = new AwsClientsStandIn.Opened();

  private StsArnMinter minter(AwsClients clients) {
    return new StsArnMinter(opened.add(clients.sts()));
  }

  private StsArnMinter minter(String region) {
    return minter(AwsClientsStandIn.clients(sts, region));
  }

  /** GetCallerIdentity as awsQuery sends it: a form-encoded POST. */
  private static MappingBuilder getCallerIdentity() {
    return post(urlEqualTo("/"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("Action=GetCallerIdentity"))
        .withRequestBody(containing("Version=2011-06-15"));
  }

  private static ResponseDefinitionBuilder answer(int status, String stub) {
    return AwsClientsStandIn.json(status, "text/xml", "sts/" + stub);
  }

  private static ResponseDefinitionBuilder identity() {
    return answer(200, "get-caller-identity.xml");
  }

  private void verifyCalls(int count) {
    sts.verify(count, postRequestedFor(urlEqualTo("/")));
  }

  private static void assertInternalServerError(Either<BedrockError, ResourceScope> result) {
    assertTrue(result.isLeft(), result.toString());
    assertTrue(result.getLeft() instanceof BedrockError.InternalServerError, result.toString());
    assertTrue(
        result.getLeft().message().startsWith("STS GetCallerIdentity"), result.getLeft().message());
  }

  @Test
  void the_home_scope_is_the_callers_account_in_the_clients_region_and_its_partition() {
    sts.stubFor(getCallerIdentity().willReturn(identity()));

    assertEquals(Either.right(HOME), minter("us-east-1").homeScope());
    assertEquals(
        Either.right(ResourceScope.of("aws-us-gov", "us-gov-west-1", "123456789012")),
        minter("us-gov-west-1").homeScope());
    assertEquals(
        Either.right(ResourceScope.of("aws-cn", "cn-northwest-1", "123456789012")),
        minter("cn-northwest-1").homeScope());
  }

  @Test
  void a_region_the_sdk_does_not_list_takes_its_partition_from_its_name() {
    sts.stubFor(getCallerIdentity().willReturn(identity()));

    assertEquals(
        Either.right(ResourceScope.of("aws-us-gov", "us-gov-north-9", "123456789012")),
        minter("us-gov-north-9").homeScope());
  }

  @Test
  void the_caller_identity_is_fetched_once() {
    sts.stubFor(getCallerIdentity().willReturn(identity()));
    StsArnMinter minter = minter("us-east-1");

    for (int i = 0; i < 3; i++) {
      assertEquals(Either.right(HOME), minter.homeScope());
    }
    verifyCalls(1);
  }

  @Test
  void a_failed_fetch_is_not_remembered() {
    sts.stubFor(getCallerIdentity().willReturn(answer(403, "invalid-client-token-id.xml")));
    StsArnMinter minter = minter("us-east-1");
    minter.homeScope();
    sts.stubFor(getCallerIdentity().willReturn(identity()));

    assertEquals(Either.right(HOME), minter.homeScope());
  }

  @Test
  void a_throttled_fetch_is_retried_and_then_succeeds() {
    AwsClientsStandIn.throttledOnceThen(
        sts, StsArnMinterTest::getCallerIdentity, answer(400, "throttling.xml"), identity());

    assertEquals(Either.right(HOME), minter("us-east-1").homeScope());
    verifyCalls(2);
  }

  @Test
  void throttling_that_outlasts_the_retries_is_a_throttling_failure() {
    sts.stubFor(getCallerIdentity().willReturn(answer(400, "throttling.xml")));

    Either<BedrockError, ResourceScope> result = minter("us-east-1").homeScope();

    assertTrue(result.getLeft() instanceof BedrockError.Throttling, result.toString());
    verifyCalls(ATTEMPTS);
  }

  @Test
  void a_5xx_is_retried_and_then_an_internal_server_error_naming_sts() {
    sts.stubFor(getCallerIdentity().willReturn(answer(500, "internal-failure.xml")));

    assertInternalServerError(minter("us-east-1").homeScope());
    verifyCalls(ATTEMPTS);
  }

  @Test
  void a_timeout_is_an_internal_server_error_naming_sts() {
    sts.stubFor(getCallerIdentity().willReturn(tooLate(identity())));

    Either<BedrockError, ResourceScope> result =
        minter(AwsClientsStandIn.impatient(sts, "us-east-1")).homeScope();

    assertInternalServerError(result);
    assertEquals("STS GetCallerIdentity did not answer in time", result.getLeft().message());
  }

  /** STS has nothing to find: its "not found" is an unknown access key, which is access denied. */
  @Test
  void an_unknown_access_key_is_access_denied() {
    sts.stubFor(getCallerIdentity().willReturn(answer(403, "invalid-client-token-id.xml")));

    Either<BedrockError, ResourceScope> result = minter("us-east-1").homeScope();

    assertTrue(result.getLeft() instanceof BedrockError.AccessDenied, result.toString());
    verifyCalls(1);
  }

  @Test
  void minting_never_calls_sts() {
    StsArnMinter minter = minter("us-east-1");

    for (int i = 0; i < 100; i++) {
      assertTrue(minter.mint(HOME).id().value().matches("[a-z0-9]{12}"));
    }
    verifyCalls(0);
  }
}
