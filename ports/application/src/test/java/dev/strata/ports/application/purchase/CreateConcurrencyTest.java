package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.Refusals.assertRefused;
import static dev.strata.ports.application.purchase.CreateFixture.NO_COMMIT_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.command;
import static dev.strata.ports.application.purchase.CreateFixture.race;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.application.Harness;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ValidationFact;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Create raced by 64 real threads released together: idempotent retries (D2), the quota ledger
 * (D14) and the name rule (D1) hold however the threads interleave.
 */
class CreateConcurrencyTest {
  private static final int THREADS = 64;
  private static final String TOKEN = "concurrent-retry-1";

  private static List<Either<BedrockError, ProvisionedModelArn>> raceCreates(
      Harness strata, IntFunction<CreateProvisionedModelThroughputCommand.Builder> command)
      throws Exception {
    return race(
        THREADS, i -> strata.service().createProvisionedModelThroughput(command.apply(i).build()));
  }

  private static List<ProvisionedModelArn> rights(
      List<Either<BedrockError, ProvisionedModelArn>> results) {
    return results.stream().filter(Either::isRight).map(Either::get).collect(Collectors.toList());
  }

  private static List<BedrockError> lefts(List<Either<BedrockError, ProvisionedModelArn>> results) {
    return results.stream()
        .filter(Either::isLeft)
        .map(Either::getLeft)
        .collect(Collectors.toList());
  }

  private static CreateProvisionedModelThroughputCommand.Builder retry(int units) {
    return CreateProvisionedModelThroughputCommand.builder("chat-prod", NO_COMMIT_BASE, units)
        .clientRequestToken(TOKEN)
        .tag("team", "ml");
  }

  private static void assertAllGotOneArn(List<Either<BedrockError, ProvisionedModelArn>> results) {
    assertEquals(List.of(), lefts(results), "failures");
    Set<ProvisionedModelArn> arns = Set.copyOf(rights(results));
    assertEquals(1, arns.size(), () -> "distinct ARNs: " + arns);
  }

  /** 64 identical retries of a 3-unit purchase: one provisioned throughput, its units held once. */
  private static void assertRetriesCreateOne(Harness strata) throws Exception {
    List<Either<BedrockError, ProvisionedModelArn>> results = raceCreates(strata, i -> retry(3));
    assertAllGotOneArn(results);
    assertEquals(1, size(strata));
    assertEquals(3, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @RepeatedTest(5)
  void concurrent_retries_with_one_token_create_one_provisioned_throughput() throws Exception {
    assertRetriesCreateOne(CreateFixture.strata());
  }

  @RepeatedTest(5)
  void concurrent_retries_never_see_a_quota_that_fits_only_one_purchase_as_exceeded()
      throws Exception {
    assertRetriesCreateOne(
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build());
  }

  @RepeatedTest(3)
  void concurrent_retries_with_one_token_create_one_provisioned_throughput_in_strict_mode()
      throws Exception {
    Harness strata = CreateFixture.env().idempotency(IdempotencyMode.STRICT).build();
    List<Either<BedrockError, ProvisionedModelArn>> results =
        raceCreates(
            strata,
            i ->
                command("chat-prod", "anthropic.claude-v2:0:100k", 2)
                    .commitmentDuration(CommitmentDuration.OneMonth)
                    .clientRequestToken(TOKEN));
    assertAllGotOneArn(results);
    assertEquals(1, size(strata));
    assertEquals(2, used(strata, QuotaKey.committed("anthropic.claude-v2:0:100k")));
  }

  @ParameterizedTest(name = "{1} units each against a limit of {0}")
  @CsvSource({"10, 1, 10", "10, 3, 3", "1, 1, 1", "0, 1, 0", "64, 1, 64"})
  void racing_purchases_never_exceed_the_quota(int limit, int units, int granted) throws Exception {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, limit).build();
    List<Either<BedrockError, ProvisionedModelArn>> results =
        raceCreates(
            strata,
            i ->
                CreateProvisionedModelThroughputCommand.builder("pt-" + i, NO_COMMIT_BASE, units)
                    .clientRequestToken("tok-" + i));
    assertEquals(granted, rights(results).size());
    assertEquals(granted, Set.copyOf(rights(results)).size());
    List<BedrockError> refused = lefts(results);
    assertEquals(THREADS - granted, refused.size());
    for (BedrockError e : refused) {
      assertEquals(BedrockError.ServiceQuotaExceeded.class, e.getClass(), e::toString);
      assertEquals("ServiceQuotaExceededException", e.errorCode());
    }
    assertEquals(granted, size(strata));
    assertEquals((long) granted * units, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @RepeatedTest(5)
  void racing_purchases_of_one_name_create_one_and_hold_one_purchases_units() throws Exception {
    Harness strata = CreateFixture.strata();
    List<Either<BedrockError, ProvisionedModelArn>> results =
        raceCreates(
            strata,
            i ->
                CreateProvisionedModelThroughputCommand.builder("chat-prod", NO_COMMIT_BASE, 2)
                    .clientRequestToken("tok-" + i));
    List<ProvisionedModelArn> winners = rights(results);
    assertEquals(1, winners.size(), () -> "winners: " + winners);
    String taken =
        "A provisioned throughput named 'chat-prod' already exists in this account and region: "
            + winners.get(0)
            + ". Provisioned model names must be unique.";
    List<BedrockError> losers = lefts(results);
    assertEquals(THREADS - 1, losers.size());
    for (BedrockError e : losers) {
      assertRefused(
          new ValidationFact.NameTaken(ProvisionedModelName.of("chat-prod"), winners.get(0)),
          taken,
          e);
    }
    assertEquals(1, size(strata));
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @RepeatedTest(3)
  void racing_purchases_of_one_name_without_tokens_create_one() throws Exception {
    Harness strata = CreateFixture.strata();
    List<Either<BedrockError, ProvisionedModelArn>> results =
        raceCreates(strata, i -> command("chat-prod"));
    assertEquals(1, rights(results).size());
    assertTrue(
        lefts(results).stream().allMatch(e -> e instanceof BedrockError.ValidationError),
        () -> lefts(results).toString());
    assertEquals(1, size(strata));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @RepeatedTest(3)
  void concurrent_reuses_of_one_token_with_different_names_all_get_one_arn() throws Exception {
    Harness strata = CreateFixture.strata();
    List<Either<BedrockError, ProvisionedModelArn>> results =
        raceCreates(
            strata,
            i ->
                CreateProvisionedModelThroughputCommand.builder("pt-" + i, NO_COMMIT_BASE, 1)
                    .clientRequestToken(TOKEN));
    assertAllGotOneArn(results);
    assertEquals(1, size(strata));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  /** A second application instance over the same stores, as a second app process would be. */
  private static StrataService secondInstance(Harness strata) {
    return StrataService.builder()
        .catalog(strata.catalog())
        .limits(strata.limits())
        .minter(strata.minter())
        .store(strata.repository())
        .clock(CreateFixture.CLOCK)
        .build();
  }

  /** Retries split across two instances, whose in-process token locks do not see each other. */
  private static void assertRetriesThroughTwoInstancesCreateOne(Harness strata)
      throws Exception {
    StrataService other = secondInstance(strata);
    List<Either<BedrockError, ProvisionedModelArn>> results =
        race(
            THREADS,
            i ->
                (i % 2 == 0 ? strata.service() : other)
                    .createProvisionedModelThroughput(retry(3).build()));
    assertAllGotOneArn(results);
    assertEquals(1, size(strata));
    assertEquals(3, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @RepeatedTest(50)
  void retries_through_two_instances_sharing_the_stores_all_get_the_one_arn() throws Exception {
    assertRetriesThroughTwoInstancesCreateOne(CreateFixture.strata());
  }

  @RepeatedTest(50)
  void retries_through_two_instances_get_the_one_arn_even_when_the_quota_fits_one_purchase()
      throws Exception {
    assertRetriesThroughTwoInstancesCreateOne(
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build());
  }
}
