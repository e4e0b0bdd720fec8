package dev.strata.ports.application.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.application.Harness;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** What the lifecycle tests share: seeded models, scopes, and short forms of the driving ports. */
final class Lifecycle {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** Provisionable without commitment (D13). */
  static final String NOVA_MICRO = "amazon.nova-micro-v1:0:24k";

  static final String NOVA_LITE = "amazon.nova-lite-v1:0:24k";

  /** Base of the seeded custom models SeedModels.TITAN_SUPPORT_BOT and TITAN_SUPPORT_BOT_V2. */
  static final String TITAN_EXPRESS = "amazon.titan-text-express-v1:0:8k";

  /** Provisionable with commitment only. */
  static final String CLAUDE = "anthropic.claude-v2:0:100k";

  static final String HOME_ACCOUNT = Harness.DEFAULT_ACCOUNT;
  static final String OTHER_ACCOUNT = "210987654321";
  static final ResourceScope OTHER_ACCOUNT_SCOPE =
      ResourceScope.of(Harness.DEFAULT_PARTITION, Harness.DEFAULT_REGION, OTHER_ACCOUNT);

  /** The seeded custom models' ARNs in the home scope. */
  static final String SUPPORT_BOT_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/" + TITAN_EXPRESS + "/k7xq2m9p4w1a";

  static final String SUPPORT_BOT_V2_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/" + TITAN_EXPRESS + "/r3nd8v5c2h6e";

  private Lifecycle() {}

  static String foundationArn(String modelId) {
    return "arn:aws:bedrock:us-east-1::foundation-model/" + modelId;
  }

  /** An in-memory Strata on {@code clock}; the rest as the caller configures it. */
  static Harness.Builder strataOn(TestClock clock) {
    return Harness.builder().clock(clock);
  }

  /** Creates a no-commitment provisioned throughput of one model unit. */
  static ProvisionedModelArn create(Strata strata, String name, String modelId) {
    return ok(
        strata.createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, modelId, 1).build()));
  }

  /** Creates a provisioned throughput of one model unit with {@code commitment}. */
  static ProvisionedModelArn createCommitted(
      Strata strata, String name, String modelId, CommitmentDuration commitment) {
    return ok(
        strata.createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, modelId, 1)
                .commitmentDuration(commitment)
                .build()));
  }

  static Either<BedrockError, ProvisionedThroughput> get(Strata strata, String identifier) {
    return strata.getProvisionedModelThroughput(
        new GetProvisionedModelThroughputCommand(identifier));
  }

  /** The right side of {@code result}, failing the test with the error otherwise. */
  static <T> T ok(Either<BedrockError, T> result) {
    assertTrue(result.isRight(), () -> "expected success, got " + result.getLeft());
    return result.get();
  }

  /** The left side of {@code result}, failing the test when it succeeded. */
  static BedrockError failure(Either<BedrockError, ?> result) {
    assertTrue(result.isLeft(), () -> "expected a failure, got " + result.get());
    return result.getLeft();
  }

  /**
   * Every page of {@code query} in pages of {@code size}, following {@code nextToken} to the end;
   * {@code betweenPages} runs with the number of pages read so far before each further page. Fails
   * on a page larger than {@code size} or on more than {@code maxPages} pages.
   */
  static List<ProvisionedThroughput> allPages(
      Strata strata, Query query, int size, int maxPages, IntConsumer betweenPages) {
    List<ProvisionedThroughput> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      if (pages > 0) {
        betweenPages.accept(pages);
      }
      ProvisionedThroughputPage page =
          ok(strata.listProvisionedModelThroughputs(query.maxResults(size).token(token).command()));
      assertTrue(page.provisionedModelSummaries().size() <= size, "page larger than asked");
      listed.addAll(page.provisionedModelSummaries().toJavaList());
      token = page.nextToken().getOrNull();
      pages++;
      assertTrue(pages <= maxPages, "more than " + maxPages + " pages");
    } while (token != null);
    return listed;
  }

  /** ListProvisionedModelThroughputs' request, member by member. */
  static final class Query {
    private Instant creationTimeAfter;
    private Instant creationTimeBefore;
    private String statusEquals;
    private String modelArnEquals;
    private String nameContains;
    private Integer maxResults;
    private String nextToken;
    private String sortOrder;

    static Query list() {
      return new Query();
    }

    Query after(Instant t) {
      creationTimeAfter = t;
      return this;
    }

    Query before(Instant t) {
      creationTimeBefore = t;
      return this;
    }

    Query status(String s) {
      statusEquals = s;
      return this;
    }

    Query model(String arn) {
      modelArnEquals = arn;
      return this;
    }

    Query nameContains(String s) {
      nameContains = s;
      return this;
    }

    Query maxResults(Integer n) {
      maxResults = n;
      return this;
    }

    Query token(String t) {
      nextToken = t;
      return this;
    }

    Query order(String o) {
      sortOrder = o;
      return this;
    }

    ListProvisionedModelThroughputsCommand command() {
      return new ListProvisionedModelThroughputsCommand(
          creationTimeAfter,
          creationTimeBefore,
          statusEquals,
          modelArnEquals,
          nameContains,
          maxResults,
          nextToken,
          null,
          sortOrder);
    }
  }
}
