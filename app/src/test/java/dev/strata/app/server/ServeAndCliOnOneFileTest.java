package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.cli.StrataCli;
import dev.strata.ports.driving.SavedState;
import dev.strata.domain.ProvisionedThroughput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;

/**
 * A running {@code serve} and CLI invocations on one state file at once. The CLI creates run in
 * this JVM (each opens the file, creates and closes it, as a process would) and, {@value
 * #IN_OWN_PROCESS} of them, in JVMs of their own (a JVM start costs seconds on a loaded machine).
 */
class ServeAndCliOnOneFileTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final int EACH = 100;
  private static final int IN_OWN_PROCESS = 4;

  @TempDir Path dir;

  @Test
  void a_hundred_cli_creates_interleaved_with_a_hundred_http_creates_lose_and_duplicate_nothing()
      throws Exception {
    Path state = dir.resolve("shared.db");
    try (ServeProcess serve = ServeProcess.start(Map.of(), "--state", state.toString(), "--audit-log", "off");
        BedrockClient bedrock = serve.bedrock()) {
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<String>> arns = new ArrayList<>();
      for (int i = 0; i < EACH; i++) {
        String http = "http-" + i;
        arns.add(
            pool.submit(
                () ->
                    bedrock.createProvisionedModelThroughput(
                            r -> r.provisionedModelName(http).modelId(MODEL).modelUnits(1))
                        .provisionedModelArn()));
        String cli = "cli-" + i;
        boolean ownProcess = i % (EACH / IN_OWN_PROCESS) == 0;
        arns.add(pool.submit(() -> createWithCli(state, cli, ownProcess)));
      }
      Set<String> acknowledged = new TreeSet<>();
      for (Future<String> arn : arns) {
        acknowledged.add(arn.get());
      }
      pool.shutdown();
      assertEquals(2 * EACH, acknowledged.size(), "every Create answered its own ARN");

      Set<String> served =
          bedrock.listProvisionedModelThroughputsPaginator(r -> r.maxResults(100)).provisionedModelSummaries().stream()
              .map(ProvisionedModelSummary::provisionedModelArn)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(acknowledged, served, "serve sees every Create");

      SavedState exported = StateFileDocument.export(state);
      List<String> names =
          exported.provisionedThroughputs().stream().map(pt -> pt.provisionedModelName().value()).sorted().toList();
      List<String> expected =
          IntStream.range(0, EACH).boxed().flatMap(i -> java.util.stream.Stream.of("cli-" + i, "http-" + i)).sorted().toList();
      assertEquals(expected, names, "the CLI sees every Create once");
      assertEquals(
          acknowledged,
          exported.provisionedThroughputs().stream()
              .map(ProvisionedThroughput::provisionedModelArn)
              .map(Object::toString)
              .collect(Collectors.toCollection(TreeSet::new)));
      assertEquals(2L * EACH, StateFileDocument.unitsHeld(state));
    }
  }

  private static String createWithCli(Path state, String name, boolean ownProcess) throws Exception {
    String[] args = {
      "create", "--provisioned-model-name", name, "--model-id", MODEL, "--model-units", "1", "--state", state.toString()
    };
    if (ownProcess) {
      CliProcess run = CliProcess.run(args);
      assertEquals(0, run.exitCode(), run.err());
      return run.out().strip();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrataCli.execute(Map.of(), new PrintWriter(out), new PrintWriter(err), args);
    assertTrue(code == 0, name + ": " + err);
    return out.toString().strip();
  }
}
