package dev.strata.ports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The idempotency path of Create, one test per race it closes (see {@link ClientRequestTokens}):
 * lock, look up, claim and reconcile, each on real in-memory adapters; the second process is a
 * second {@link StrataService} on the same store, whose in-process locks the first cannot see.
 */
class ClientRequestTokensTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:30:15Z"), ZoneOffset.UTC);
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();

  private final Harness strata = Harness.builder().clock(CLOCK).build();

  private static CreateProvisionedModelThroughputCommand command(String name, String token) {
    return CreateProvisionedModelThroughputCommand.builder(name, MODEL, 2).clientRequestToken(token).build();
  }

  /** Another process: its own use cases and token locks, on the same adapters. */
  private StrataService secondProcess() {
    return StrataService.builder()
        .catalog(strata.catalog())
        .limits(strata.limits())
        .minter(strata.minter())
        .store(strata.repository())
        .clock(CLOCK)
        .build();
  }

  private long held() {
    return strata.repository().unitsHeld(strata.home(), BASE).get();
  }

  @Test
  void lock_duplicates_in_one_process_wait_for_the_first_and_all_get_its_arn() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Either<BedrockError, ProvisionedModelArn>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return strata.service().createProvisionedModelThroughput(command("chat", "t-1"));
                }));
      }
      start.countDown();
      java.util.Set<Either<BedrockError, ProvisionedModelArn>> distinct = new java.util.HashSet<>();
      for (Future<Either<BedrockError, ProvisionedModelArn>> f : results) {
        distinct.add(f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(1, distinct.size(), () -> "answers: " + distinct);
      assertTrue(distinct.iterator().next().isRight());
      assertEquals(1, strata.repository().size(strata.home()));
      assertEquals(2, held());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void look_up_a_token_already_held_answers_with_its_holder_without_minting_or_charging() {
    ProvisionedModelArn first =
        strata.service().createProvisionedModelThroughput(command("chat", "t-1")).get();
    ProvisionedModelArn nextUnminted = strata.minter().mint(strata.home());

    assertEquals(
        Either.right(first), strata.service().createProvisionedModelThroughput(command("chat", "t-1")));
    assertEquals(1, strata.repository().size(strata.home()));
    assertEquals(2, held());
    assertTrue(!nextUnminted.equals(first));
  }

  @Test
  void claim_a_duplicate_whose_insert_finds_the_token_taken_by_another_process_replays_its_arn() {
    StrataService other = secondProcess();
    AtomicInteger lookups = new AtomicInteger();
    ModelCatalog racing =
        new ForwardingCatalog(strata.catalog()) {
          @Override
          public Either<BedrockError, Option<FoundationModel>> findFoundationModel(
              ResourceScope scope, String modelId) {
            if (lookups.getAndIncrement() == 0) {
              other.createProvisionedModelThroughput(command("chat", "t-1")).get();
            }
            return super.findFoundationModel(scope, modelId);
          }
        };
    StrataService self =
        StrataService.builder()
            .catalog(racing)
            .limits(strata.limits())
            .minter(strata.minter())
            .store(strata.repository())
            .clock(CLOCK)
            .build();

    Either<BedrockError, ProvisionedModelArn> answer =
        self.createProvisionedModelThroughput(command("chat", "t-1"));

    ProvisionedThroughput holder =
        strata.repository().findByClientRequestToken(strata.home(), ClientRequestToken.of("t-1")).get().get();
    assertEquals(Either.right(holder.provisionedModelArn()), answer);
    assertEquals(1, strata.repository().size(strata.home()));
    assertEquals(2, held());
  }

  /**
   * Create's answer when another process creates the token's holder during this Create's purchase,
   * which then fails with {@code refusal} of the holder's ARN.
   */
  private Either<BedrockError, ProvisionedModelArn> refusedAfterAnotherProcessCreates(
      java.util.function.Function<ProvisionedModelArn, BedrockError> refusal) {
    StrataService other = secondProcess();
    ClientRequestTokens tokens = new ClientRequestTokens(strata.repository(), IdempotencyMode.LENIENT);
    return tokens.create(
        strata.home(),
        request("chat"),
        ClientRequestToken.of("t-1"),
        () -> Either.left(refusal.apply(other.createProvisionedModelThroughput(command("chat", "t-1")).get())));
  }

  @Test
  void reconcile_a_name_refusal_caused_by_the_tokens_holder_in_another_process_replays_its_arn() {
    Either<BedrockError, ProvisionedModelArn> answer =
        refusedAfterAnotherProcessCreates(
            theirs -> Names.taken(strata.repository().findByArn(theirs).get().get()));

    assertTrue(answer.isRight(), () -> "answer: " + answer);
    assertEquals(1, strata.repository().size(strata.home()));
  }

  @Test
  void reconcile_leaves_a_refusal_alone_when_no_one_holds_the_token() {
    ClientRequestTokens tokens = new ClientRequestTokens(strata.repository(), IdempotencyMode.LENIENT);
    BedrockError refusal = new BedrockError.ServiceQuotaExceeded("over");

    assertEquals(
        Either.left(refusal),
        tokens.create(strata.home(), request("chat"), ClientRequestToken.of("t-1"), () -> Either.left(refusal)));
  }

  @Test
  void reconcile_replays_a_quota_refusal_caused_by_the_tokens_holder_in_another_process() {
    Either<BedrockError, ProvisionedModelArn> answer =
        refusedAfterAnotherProcessCreates(theirs -> new BedrockError.ServiceQuotaExceeded("over"));

    assertTrue(answer.isRight(), () -> "answer: " + answer);
    assertEquals(1, strata.repository().size(strata.home()));
  }

  @Test
  void reconcile_leaves_any_other_validation_error_alone_even_when_the_token_is_held() {
    BedrockError own = new ValidationError(new ValidationFact.CommitmentRequired(MODEL));

    assertEquals(Either.left(own), refusedAfterAnotherProcessCreates(theirs -> own));
  }

  @Test
  void a_strict_replay_with_other_parameters_is_refused_naming_the_token_and_the_holder() {
    ProvisionedModelArn first =
        strata.service().createProvisionedModelThroughput(command("chat", "t-1")).get();
    ClientRequestTokens strict = new ClientRequestTokens(strata.repository(), IdempotencyMode.STRICT);
    ProvisionedThroughput holder = strata.repository().findByArn(first).get().get();

    Either<BedrockError, ProvisionedModelArn> refused =
        strict.replay(holder, request("other-name"), ClientRequestToken.of("t-1"));

    assertEquals(
        Either.left(new ValidationError(new ValidationFact.TokenReused(ClientRequestToken.of("t-1"), first))),
        refused);
    assertEquals(
        "The client request token 't-1' was already used with different parameters, for provisioned"
            + " throughput " + first + ".",
        refused.getLeft().message());
    assertEquals(Either.right(first), strict.replay(holder, holder.creationRequest(), ClientRequestToken.of("t-1")));
  }

  private static CreationRequest request(String name) {
    return CreationRequest.of(
        ProvisionedModelName.of(name), ModelUnits.of(2), ModelIdentifier.of(MODEL), Optional.empty(), List.of());
  }

  /** A catalog that answers as {@code real} does; tests override one lookup to race it. */
  private static class ForwardingCatalog implements ModelCatalog {
    private final ModelCatalog real;

    ForwardingCatalog(ModelCatalog real) {
      this.real = real;
    }

    @Override
    public Either<BedrockError, Option<FoundationModel>> findFoundationModel(ResourceScope scope, String modelId) {
      return real.findFoundationModel(scope, modelId);
    }

    @Override
    public Either<BedrockError, Seq<FoundationModel>> listFoundationModels(ResourceScope scope) {
      return real.listFoundationModels(scope);
    }

    @Override
    public Either<BedrockError, Option<CustomModel>> findCustomModelByName(ResourceScope scope, String modelName) {
      return real.findCustomModelByName(scope, modelName);
    }

    @Override
    public Either<BedrockError, Option<CustomModel>> findCustomModelByArn(ResourceScope scope, CustomModelArn arn) {
      return real.findCustomModelByArn(scope, arn);
    }

    @Override
    public Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope) {
      return real.listCustomModels(scope);
    }
  }
}
