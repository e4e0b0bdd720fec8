package dev.strata.app.server;

import static dev.strata.app.server.SecuredStrata.ALICE_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.ALICE_API_KEY;
import static dev.strata.app.server.SecuredStrata.BOB_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.BOB_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Two accounts on one endpoint, each authenticated by its own Bedrock API key: neither can reach
 * the other's provisioned throughputs or custom models through any operation, and quotas are
 * counted per account.
 */
class TwoAccountIsolationTest {
  static final String BASE_MODEL = "amazon.nova-lite-v1:0:24k";

  SecuredStrata served;
  BedrockClient alice;
  BedrockClient bob;
  String aliceArn;

  @BeforeEach
  void aliceOwnsATaggedProvisionedThroughput() {
    served =
        SecuredStrata.start(
            InMemoryStrata.builder().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 4).build(),
            Authentication.of(
                Set.of(Authentication.Mode.BEARER),
                SecuredStrata.CREDENTIALS,
                null,
                Clock.systemUTC()));
    alice = served.bearer(ALICE_API_KEY);
    bob = served.bearer(BOB_API_KEY);
    aliceArn =
        alice
            .createProvisionedModelThroughput(
                r ->
                    r.provisionedModelName("team-model")
                        .modelId(BASE_MODEL)
                        .modelUnits(1)
                        .clientRequestToken("same-token")
                        .tags(Tag.builder().key("owner").value("alice").build()))
            .provisionedModelArn();
  }

  @AfterEach
  void close() {
    served.close();
  }

  @Test
  void aProvisionedThroughputIsMintedInTheCallersAccount() {
    assertTrue(aliceArn.startsWith("arn:aws:bedrock:us-east-1:" + ALICE_ACCOUNT + ":provisioned-model/"), aliceArn);
  }

  @Test
  void anotherAccountCannotGetItByArnOrName() {
    assertNotFound(() -> bob.getProvisionedModelThroughput(r -> r.provisionedModelId(aliceArn)));
    assertNotFound(() -> bob.getProvisionedModelThroughput(r -> r.provisionedModelId("team-model")));
  }

  @Test
  void anotherAccountListsNothingOfIt() {
    assertEquals(List.of(), bob.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries());
    assertEquals(
        List.of(),
        bob.listProvisionedModelThroughputs(r -> r.nameContains("team")).provisionedModelSummaries());
  }

  @Test
  void anotherAccountCannotUpdateIt() {
    assertNotFound(
        () ->
            bob.updateProvisionedModelThroughput(
                r -> r.provisionedModelId(aliceArn).desiredProvisionedModelName("stolen")));
    assertNotFound(
        () ->
            bob.updateProvisionedModelThroughput(
                r -> r.provisionedModelId("team-model").desiredProvisionedModelName("stolen")));
  }

  @Test
  void anotherAccountCannotDeleteIt() {
    assertNotFound(() -> bob.deleteProvisionedModelThroughput(r -> r.provisionedModelId(aliceArn)));
    assertNotFound(() -> bob.deleteProvisionedModelThroughput(r -> r.provisionedModelId("team-model")));
  }

  @Test
  void anotherAccountCannotTagUntagOrListItsTags() {
    assertNotFound(
        () ->
            bob.tagResource(
                r -> r.resourceARN(aliceArn).tags(Tag.builder().key("owner").value("bob").build())));
    assertNotFound(() -> bob.untagResource(r -> r.resourceARN(aliceArn).tagKeys("owner")));
    assertNotFound(() -> bob.listTagsForResource(r -> r.resourceARN(aliceArn)));
  }

  @Test
  void nothingAnotherAccountTriedChangedIt() {
    List<Executable> attempts =
        List.of(
            () -> bob.updateProvisionedModelThroughput(r -> r.provisionedModelId(aliceArn).desiredProvisionedModelName("x")),
            () -> bob.tagResource(r -> r.resourceARN(aliceArn).tags(Tag.builder().key("k").value("v").build())),
            () -> bob.untagResource(r -> r.resourceARN(aliceArn).tagKeys("owner")),
            () -> bob.deleteProvisionedModelThroughput(r -> r.provisionedModelId(aliceArn)));
    attempts.forEach(TwoAccountIsolationTest::assertNotFound);

    var pt = alice.getProvisionedModelThroughput(r -> r.provisionedModelId(aliceArn));
    assertEquals("team-model", pt.provisionedModelName());
    assertEquals(
        Map.of("owner", "alice"),
        alice.listTagsForResource(r -> r.resourceARN(aliceArn)).tags().stream()
            .collect(Collectors.toMap(Tag::key, Tag::value)));
  }

  @Test
  void eachAccountHasItsOwnNamesAndIdempotencyTokens() {
    String bobArn =
        bob.createProvisionedModelThroughput(
                r ->
                    r.provisionedModelName("team-model")
                        .modelId(BASE_MODEL)
                        .modelUnits(1)
                        .clientRequestToken("same-token"))
            .provisionedModelArn();

    assertNotEquals(aliceArn, bobArn);
    assertTrue(bobArn.contains(":" + BOB_ACCOUNT + ":provisioned-model/"), bobArn);
    assertEquals(
        List.of(bobArn),
        bob.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().stream()
            .map(ProvisionedModelSummary::provisionedModelArn)
            .collect(Collectors.toList()));
    assertEquals(
        List.of(aliceArn),
        alice.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().stream()
            .map(ProvisionedModelSummary::provisionedModelArn)
            .collect(Collectors.toList()));
  }

  @Test
  void anotherAccountCannotSeeOrProvisionTheCustomModelsOfAnAccount() {
    ResourceScope aliceScope = ResourceScope.of("aws", "us-east-1", ALICE_ACCOUNT);
    SeedModels.customModels(aliceScope).forEach(served.inMemory.catalog()::addCustomModel);
    String aliceModelArn =
        alice.getCustomModel(r -> r.modelIdentifier(SeedModels.TITAN_SUPPORT_BOT)).modelArn();

    assertNotFound(() -> bob.getCustomModel(r -> r.modelIdentifier(SeedModels.TITAN_SUPPORT_BOT)));
    assertNotFound(() -> bob.getCustomModel(r -> r.modelIdentifier(aliceModelArn)));
    assertEquals(List.of(), bob.listCustomModels(r -> {}).modelSummaries());
    assertNotFound(
        () ->
            bob.createProvisionedModelThroughput(
                r -> r.provisionedModelName("borrowed").modelId(aliceModelArn).modelUnits(1)));

    String onCustom =
        alice
            .createProvisionedModelThroughput(
                r -> r.provisionedModelName("on-custom").modelId(aliceModelArn).modelUnits(1))
            .provisionedModelArn();
    assertNotFound(() -> bob.getProvisionedModelThroughput(r -> r.provisionedModelId(onCustom)));
    assertEquals(
        SeedModels.customModels(aliceScope).size(),
        alice.listCustomModels(r -> {}).modelSummaries().size());
  }

  @Test
  void quotasAreCountedPerAccount() {
    createUnits(alice, "alice-rest", 3);
    assertThrows(ServiceQuotaExceededException.class, () -> createUnits(alice, "alice-more", 1));

    createUnits(bob, "bob-all", 4);
    assertThrows(ServiceQuotaExceededException.class, () -> createUnits(bob, "bob-more", 1));
  }

  private static void createUnits(BedrockClient client, String name, int units) {
    client.createProvisionedModelThroughput(
        r -> r.provisionedModelName(name).modelId(BASE_MODEL).modelUnits(units));
  }

  private static void assertNotFound(Executable call) {
    assertThrows(ResourceNotFoundException.class, call);
  }
}
