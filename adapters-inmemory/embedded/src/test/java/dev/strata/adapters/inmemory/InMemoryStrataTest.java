package dev.strata.adapters.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryStrataTest {
  private static final ResourceScope DEFAULT_HOME =
      ResourceScope.of("aws", "us-east-1", "123456789012");

  private static List<ProvisionedModelArn> firstMints(InMemoryStrata strata, int count) {
    return List.range(0, count).map(i -> strata.minter().mint(strata.home()));
  }

  private static CreateProvisionedModelThroughputCommand novaLite(String name) {
    return CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 2)
        .build();
  }

  @Test
  void defaults_to_partition_aws_region_us_east_1_and_account_123456789012() {
    InMemoryStrata strata = InMemoryStrata.builder().build();

    assertEquals(DEFAULT_HOME, strata.home());
    assertEquals(Either.right(DEFAULT_HOME), strata.minter().homeScope());
  }

  @Test
  void every_ledger_defaults_to_a_thousand_model_units() {
    InMemoryStrata strata = InMemoryStrata.builder().build();

    for (QuotaKey key :
        List.of(
            QuotaKey.noCommitmentBaseModels(),
            QuotaKey.noCommitmentCustomModels(),
            QuotaKey.committed("anthropic.claude-v2:0:100k"))) {
      assertEquals(Either.right(QuotaUsage.of(key, 1_000, 0)), strata.usage(DEFAULT_HOME, key));
    }
  }

  @Test
  void the_builder_sets_partition_region_and_account() {
    InMemoryStrata strata =
        InMemoryStrata.builder().partition("aws-cn").region("cn-north-1").account("555555555555").build();
    ResourceScope home = ResourceScope.of("aws-cn", "cn-north-1", "555555555555");

    assertEquals(home, strata.home());
    assertEquals(Either.right(home), strata.minter().homeScope());
    assertEquals(
        "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.nova-lite-v1:0:24k",
        strata.catalog().findFoundationModel(home, "amazon.nova-lite-v1:0:24k").get().get().arn().value());
    assertEquals(5, strata.catalog().listCustomModels(home).get().size());
  }

  @Test
  void the_builder_sets_ledger_limits_and_per_key_limits() {
    QuotaKey claude = QuotaKey.committed("anthropic.claude-v2:0:100k");
    QuotaKey nova = QuotaKey.committed("amazon.nova-lite-v1:0:24k");
    InMemoryStrata strata =
        InMemoryStrata.builder()
            .quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 7)
            .quota(QuotaLedger.COMMITTED_PER_MODEL, 4)
            .quota(claude, 3)
            .build();

    assertEquals(
        Either.right(QuotaUsage.of(QuotaKey.noCommitmentBaseModels(), 7, 0)),
        strata.usage(DEFAULT_HOME, QuotaKey.noCommitmentBaseModels()));
    assertEquals(
        Either.right(QuotaUsage.of(QuotaKey.noCommitmentCustomModels(), 1_000, 0)),
        strata.usage(DEFAULT_HOME, QuotaKey.noCommitmentCustomModels()));
    assertEquals(Either.right(QuotaUsage.of(claude, 3, 0)), strata.usage(DEFAULT_HOME, claude));
    assertEquals(Either.right(QuotaUsage.of(nova, 4, 0)), strata.usage(DEFAULT_HOME, nova));
  }

  @Test
  void the_same_seed_mints_the_same_arns_in_the_same_order() {
    List<ProvisionedModelArn> first = firstMints(InMemoryStrata.builder().seed(42).build(), 20);

    assertEquals(first, firstMints(InMemoryStrata.builder().seed(42).build(), 20));
    assertEquals(20, first.distinct().size());
  }

  @Test
  void a_different_seed_mints_a_different_sequence() {
    assertNotEquals(
        firstMints(InMemoryStrata.builder().seed(42).build(), 20),
        firstMints(InMemoryStrata.builder().seed(43).build(), 20));
  }

  @Test
  void the_one_liner_creates_a_provisioned_throughput_with_the_first_arn_of_seed_zero() {
    Either<?, ProvisionedModelArn> created =
        InMemoryStrata.create().createProvisionedModelThroughput(novaLite("my-first-pt"));

    assertEquals(Either.right(new InMemoryArnMinter(DEFAULT_HOME, 0).mint(DEFAULT_HOME)), created);
  }

  @Test
  void a_create_is_stored_in_service_and_charged_to_its_ledger() {
    Instant now = Instant.parse("2026-03-02T10:15:30.123Z");
    InMemoryStrata strata =
        InMemoryStrata.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();

    ProvisionedModelArn arn =
        strata.service().createProvisionedModelThroughput(novaLite("search-pt")).get();
    ProvisionedThroughput stored = strata.repository().findByArn(arn).get().get();

    assertEquals(ProvisionedModelName.of("search-pt"), stored.provisionedModelName());
    assertEquals(ProvisionedModelStatus.InService, stored.status());
    assertEquals(ModelUnits.of(2), stored.modelUnits());
    assertEquals(now, stored.creationTime());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k",
        stored.modelArn().value());
    assertEquals(1, strata.repository().size(DEFAULT_HOME));
    assertEquals(
        Either.right(QuotaUsage.of(QuotaKey.noCommitmentBaseModels(), 1_000, 2)),
        strata.usage(DEFAULT_HOME, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_restored_snapshot_keeps_every_provisioned_throughput_and_holds_its_model_units_again() {
    InMemoryStrata first = InMemoryStrata.builder().build();
    ProvisionedModelArn kept =
        first.service().createProvisionedModelThroughput(novaLite("kept")).get();

    InMemoryStrata second = InMemoryStrata.builder().restore(first.snapshot()).build();

    assertEquals(List.of(kept), second.snapshot().map(ProvisionedThroughput::provisionedModelArn));
    assertEquals(
        2L, second.usage(DEFAULT_HOME, QuotaKey.noCommitmentBaseModels()).get().used());
  }

  @Test
  void a_restored_strata_with_the_same_seed_mints_past_the_ids_it_restored() {
    InMemoryStrata first = InMemoryStrata.builder().seed(7).build();
    ProvisionedModelArn earlier =
        first.service().createProvisionedModelThroughput(novaLite("earlier")).get();

    InMemoryStrata second = InMemoryStrata.builder().seed(7).restore(first.snapshot()).build();
    ProvisionedModelArn later =
        second.service().createProvisionedModelThroughput(novaLite("later")).get();

    assertNotEquals(earlier, later);
    assertEquals(2, second.snapshot().size());
  }
}
