package dev.strata.ports.application.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.ports.application.Harness;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Environments, commands and assertions shared by the Create use-case tests. */
final class CreateFixture {
  static final String ACCOUNT = "123456789012";
  static final String OTHER_ACCOUNT = "210987654321";
  static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", ACCOUNT);
  static final ResourceScope OTHER_ACCOUNT_SCOPE =
      ResourceScope.of("aws", "us-east-1", OTHER_ACCOUNT);

  /** A fixed instant with sub-millisecond digits, so that truncation to milliseconds shows. */
  static final Instant NOW = Instant.parse("2026-03-10T08:30:15.123456789Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A provisionable base model that may be bought without commitment. */
  static final String NO_COMMIT_BASE = "amazon.nova-lite-v1:0:24k";

  /** A provisionable base model that may only be bought with commitment. */
  static final String COMMIT_ONLY_BASE = "anthropic.claude-v2:0:100k";

  static final String ARN_PATTERN =
      "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/[a-z0-9]{12}";

  private CreateFixture() {}

  /** An in-memory Strata on the fixed clock; everything else at its default. */
  static Harness.Builder env() {
    return Harness.builder().clock(CLOCK);
  }

  static Harness strata() {
    return env().build();
  }

  /** A valid no-commitment purchase of one model unit of {@link #NO_COMMIT_BASE}. */
  static CreateProvisionedModelThroughputCommand.Builder command(String name) {
    return CreateProvisionedModelThroughputCommand.builder(name, NO_COMMIT_BASE, 1);
  }

  static CreateProvisionedModelThroughputCommand.Builder command(
      String name, String modelId, int units) {
    return CreateProvisionedModelThroughputCommand.builder(name, modelId, units);
  }

  /** A command with every member given raw, as it could arrive from the wire. */
  static CreateProvisionedModelThroughputCommand raw(
      String token,
      Integer units,
      String name,
      String modelId,
      String commitment,
      List<RequestTag> tags) {
    return new CreateProvisionedModelThroughputCommand(
        token, units, name, modelId, commitment, tags);
  }

  static Either<BedrockError, ProvisionedModelArn> create(
      Harness strata, CreateProvisionedModelThroughputCommand.Builder command) {
    return strata.service().createProvisionedModelThroughput(command.build());
  }

  /** The ARN of a Create that must have succeeded. */
  static ProvisionedModelArn created(Either<BedrockError, ProvisionedModelArn> result) {
    if (result.isLeft()) {
      fail("expected a provisioned throughput, got " + result.getLeft());
    }
    return result.get();
  }

  /** The failure of a Create that must have failed. */
  static BedrockError failure(Either<BedrockError, ?> result) {
    if (result.isRight()) {
      fail("expected a failure, got " + result.get());
    }
    return result.getLeft();
  }

  /** Asserts the exact failure case, its Bedrock error code and its message. */
  static void assertFailure(
      Either<BedrockError, ?> result,
      Class<? extends BedrockError> type,
      String errorCode,
      String message) {
    BedrockError error = failure(result);
    assertSame(type, error.getClass(), () -> "failure type of " + error);
    assertEquals(errorCode, error.errorCode());
    assertEquals(message, error.message());
  }

  static void assertValidation(Either<BedrockError, ?> result, String message) {
    assertFailure(result, BedrockError.ValidationError.class, "ValidationException", message);
  }

  /** The stored aggregate behind {@code arn}. */
  static ProvisionedThroughput stored(Harness strata, ProvisionedModelArn arn) {
    Either<BedrockError, Option<ProvisionedThroughput>> found = strata.repository().findByArn(arn);
    assertTrue(found.isRight(), () -> "repository failed: " + found.getLeft());
    assertTrue(found.get().isDefined(), () -> "nothing stored for " + arn);
    return found.get().get();
  }

  /** Model units held in {@code key}'s ledger of the home scope. */
  static long used(Harness strata, QuotaKey key) {
    return used(strata, strata.home(), key);
  }

  static long used(Harness strata, ResourceScope scope, QuotaKey key) {
    return strata.usage(scope, key).get().used();
  }

  static int size(Harness strata) {
    return strata.repository().size(strata.home());
  }

  /** One AWS validation clause. */
  static String clause(String value, String path, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    return "Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
  }

  static String oneError(String value, String path, String constraint) {
    return "1 validation error detected: " + clause(value, path, constraint);
  }

  /**
   * Runs {@code task(i)} for {@code i} in {@code 0..threads-1} on as many real threads, released
   * together by a start gate once all are ready; every answer, in task order.
   */
  static <T> List<T> race(int threads, IntFunction<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  if (!start.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the start gate never opened");
                  }
                  return task.apply(n);
                }));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not get ready within 30 s");
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "threads did not end within 30 s");
    }
  }
}
