package dev.strata.app.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.aws.AwsAdapters;
import dev.strata.adapters.aws.AwsClients;
import dev.strata.adapters.aws.DynamoDbLocal;
import dev.strata.adapters.aws.DynamoDbProvisionedThroughputs;
import dev.strata.composition.AdapterSettings;
import dev.strata.composition.ConfigurationKeys;
import dev.strata.composition.StrataConfiguration;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Two app instances, each wired with {@code store=aws} on one DynamoDB Local table and served over
 * HTTP, driven by the real AWS SDK: they agree on the quota (D14), on client request tokens (D2),
 * and an instance started again on the table finds everything where it was.
 */
class TwoInstancesOnOneTableTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final int LIMIT = 25;
  private static final ResourceScope HOME =
      ResourceScope.of(
          StrataConfiguration.DEFAULT_PARTITION,
          StrataConfiguration.DEFAULT_REGION,
          StrataConfiguration.DEFAULT_ACCOUNT);

  /** {@code --store aws --table TABLE --endpoint dynamodb=... --quota L-FE44174A=25}. */
  private static StrataConfiguration onTable(String table) {
    return StrataConfiguration.defaults()
        .withQuotaLimit(QuotaLedger.NO_COMMITMENT_BASE_MODELS, LIMIT)
        .withAdapters(
            AdapterSettings.defaults()
                .with(ConfigurationKeys.STORE, "aws")
                .with(ConfigurationKeys.TABLE, table)
                .with("endpoint.dynamodb", DYNAMO_DB.endpoint().toString()));
  }

  /** The units the table holds in the no-commitment base-model ledger, read from DynamoDB itself. */
  private static long usedUnits(String table) {
    try (AwsAdapters aws =
        new AwsAdapters(
            AwsClients.of(StrataConfiguration.DEFAULT_REGION)
                .withEndpoint(AwsClients.Service.DYNAMODB, DYNAMO_DB.endpoint()))) {
      return new DynamoDbProvisionedThroughputs(aws.table(table))
          .unitsHeld(HOME, QuotaKey.noCommitmentBaseModels())
          .get();
    }
  }

  /** {@code count} calls of {@code call}, at most eight at a time; each one's answer or exception. */
  private static <T> List<Either<Throwable, T>> concurrently(int count, IntFunction<T> call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<T>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        calls.add(() -> call.apply(n));
      }
      List<Either<Throwable, T>> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        try {
          results.add(Either.right(f.get()));
        } catch (java.util.concurrent.ExecutionException e) {
          results.add(Either.left(e.getCause()));
        } catch (java.util.concurrent.CancellationException e) {
          results.add(Either.left(e));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String create(BedrockClient bedrock, String name, String token, Tag... tags) {
    return bedrock
        .createProvisionedModelThroughput(
            r -> r.provisionedModelName(name).modelId(MODEL).modelUnits(1).clientRequestToken(token).tags(tags))
        .provisionedModelArn();
  }

  private static List<ProvisionedModelSummary> all(BedrockClient bedrock) {
    return bedrock
        .listProvisionedModelThroughputsPaginator(r -> r.maxResults(100))
        .provisionedModelSummaries()
        .stream()
        .toList();
  }

  /** Every provisioned throughput by ARN: name, units, status, model and tags, as the API shows them. */
  private static Map<String, String> everything(BedrockClient bedrock) {
    Map<String, String> seen = new TreeMap<>();
    for (ProvisionedModelSummary pt : all(bedrock)) {
      String tags =
          bedrock.listTagsForResource(r -> r.resourceARN(pt.provisionedModelArn())).tags().stream()
              .map(t -> t.key() + "=" + t.value())
              .sorted()
              .collect(Collectors.joining(","));
      seen.put(
          pt.provisionedModelArn(),
          pt.provisionedModelName() + " " + pt.modelUnits() + " " + pt.statusAsString() + " "
              + pt.modelArn() + " " + pt.creationTime() + " [" + tags + "]");
    }
    return seen;
  }

  @Test
  void two_hundred_creates_racing_through_two_instances_are_granted_exactly_the_quota() throws Exception {
    String table = DynamoDbLocal.freshTableName();
    try (ServedInstance a = new ServedInstance(onTable(table));
        ServedInstance b = new ServedInstance(onTable(table))) {
      BedrockClient[] clients = {a.bedrock, b.bedrock};

      List<Either<Throwable, String>> results =
          concurrently(200, i -> create(clients[i % 2], "pt-" + i, "token-" + i));

      List<Throwable> refused = results.stream().filter(Either::isLeft).map(Either::getLeft).toList();
      assertEquals(LIMIT, results.stream().filter(Either::isRight).count(), () -> "refusals: " + refused);
      assertTrue(
          refused.stream().allMatch(e -> e instanceof ServiceQuotaExceededException),
          () -> "not all refusals are ServiceQuotaExceededException: " + refused);
      assertEquals(LIMIT, usedUnits(table));
      assertEquals(LIMIT, all(a.bedrock).size());
      assertEquals(everything(a.bedrock), everything(b.bedrock));
    }
  }

  @Test
  void one_client_request_token_sent_to_both_instances_at_once_creates_one_provisioned_throughput() throws Exception {
    String table = DynamoDbLocal.freshTableName();
    try (ServedInstance a = new ServedInstance(onTable(table));
        ServedInstance b = new ServedInstance(onTable(table))) {
      BedrockClient[] clients = {a.bedrock, b.bedrock};

      List<Either<Throwable, String>> results =
          concurrently(24, i -> create(clients[i % 2], "chat-prod", "deploy-42"));

      assertTrue(results.stream().allMatch(Either::isRight), () -> "failures: " + results);
      assertEquals(1, results.stream().map(Either::get).distinct().count(), () -> "ARNs: " + results);
      List<ProvisionedModelSummary> stored = all(b.bedrock);
      assertEquals(1, stored.size());
      assertEquals(results.get(0).get(), stored.get(0).provisionedModelArn());
      assertEquals(1, usedUnits(table));
    }
  }

  @Test
  void an_instance_started_again_on_the_table_finds_every_provisioned_throughput_tag_and_quota_figure() {
    String table = DynamoDbLocal.freshTableName();
    Map<String, String> before;
    long usedBefore;
    try (ServedInstance b = new ServedInstance(onTable(table))) {
      try (ServedInstance a = new ServedInstance(onTable(table))) {
        for (int i = 0; i < 6; i++) {
          create(
              i % 2 == 0 ? a.bedrock : b.bedrock,
              "pt-" + i,
              "token-" + i,
              Tag.builder().key("team").value("t" + (i % 3)).build(),
              Tag.builder().key("index").value(Integer.toString(i)).build());
        }
        String tagged = all(a.bedrock).get(0).provisionedModelArn();
        a.bedrock.tagResource(r -> r.resourceARN(tagged).tags(Tag.builder().key("owner").value("ml").build()));
        String untagged = all(a.bedrock).get(1).provisionedModelArn();
        b.bedrock.untagResource(r -> r.resourceARN(untagged).tagKeys("index"));
        a.bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId("pt-5"));
        before = everything(a.bedrock);
        usedBefore = usedUnits(table);
        assertEquals(5, before.size());
        assertEquals(5, usedBefore);
      }

      try (ServedInstance again = new ServedInstance(onTable(table))) {
        assertEquals(before, everything(again.bedrock));
        assertEquals(before, everything(b.bedrock));
        assertEquals(usedBefore, usedUnits(table));
        assertFalse(before.values().stream().anyMatch(v -> v.startsWith("pt-5 ")));
        for (int i = 5; i < LIMIT; i++) {
          create(again.bedrock, "more-" + i, "more-" + i);
        }
        assertThrows(
            ServiceQuotaExceededException.class, () -> create(b.bedrock, "one-too-many", "one-too-many"));
        assertEquals(LIMIT, usedUnits(table));
      }
    }
  }
}
