package dev.strata.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.contract.Fixtures;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * What Create's atomicity costs: {@link DynamoDbProvisionedThroughputs#insert(ProvisionedThroughput,
 * long)} (one transaction: record, name claim, token claim, usage item) against a bare PutItem of
 * the same record item, on the same DynamoDB Local, in the same run, one thread, alternating
 * rounds. Not part of the build (its name does not end in Test); run it with
 *
 * <pre>mvn -B -o -q verify -pl adapters-aws -am -Dtest=DynamoDbCreateBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The figures are printed and written to {@code adapters-aws/target/dynamodb-create-benchmark.txt}.
 */
class DynamoDbCreateBenchmark {
  private static final int WARMUP = 2_000;
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 2_000;

  private int next;

  @Test
  void create_through_the_repository_against_a_bare_put_item() throws IOException {
    try (DynamoDbLocal dynamoDb = new DynamoDbLocal().start()) {
      DynamoDbStrataTable table = dynamoDb.freshTable();
      DynamoDbProvisionedThroughputs repository = new DynamoDbProvisionedThroughputs(table);
      IntConsumer create =
          n ->
              assertInstanceOf(
                  InsertOutcome.Inserted.class, repository.insert(candidate(n), 1_000_000_000L).get());
      IntConsumer put =
          n ->
              table
                  .client()
                  .putItem(r -> r.tableName(table.name()).item(DynamoDbRecords.toItem(candidate(n))));

      time(create, WARMUP);
      time(put, WARMUP);
      List<Double> creates = new ArrayList<>();
      List<Double> puts = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        creates.add(time(create, PER_ROUND));
        puts.add(time(put, PER_ROUND));
      }
      double created = median(creates);
      double bare = median(puts);
      String report =
          String.format(
              Locale.ROOT,
              "DynamoDB Local 2.6.1, one thread, %d rounds of %d ops after %d warm-up ops each%n"
                  + "Create via DynamoDbProvisionedThroughputs.insert(pt, limit) [TransactWriteItems x4]:"
                  + " median %.1f us/op, rounds %s%n"
                  + "bare PutItem of the same record item: median %.1f us/op, rounds %s%n"
                  + "ratio create / put: %.2f%n",
              ROUNDS, PER_ROUND, WARMUP, created, rounded(creates), bare, rounded(puts), created / bare);
      System.out.print(report);
      Files.writeString(Path.of("target", "dynamodb-create-benchmark.txt"), report);
    }
  }

  /** A distinct provisioned throughput with a client request token, 1 model unit. */
  private static ProvisionedThroughput candidate(int n) {
    return Fixtures.provisioned(
        Fixtures.HOME, ProvisionedModelId.of(String.format("b%011d", n)), "bench-" + n, "token-" + n);
  }

  /** Mean microseconds per call of {@code op} over {@code count} fresh items. */
  private double time(IntConsumer op, int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      op.accept(next++);
    }
    return (System.nanoTime() - start) / 1_000.0 / count;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static List<String> rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList();
  }
}
