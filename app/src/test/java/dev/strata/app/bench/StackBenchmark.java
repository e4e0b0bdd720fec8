package dev.strata.app.bench;

import dev.strata.app.bench.LoadGenerator.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP stack judged on start-up and memory as well as throughput: the JDK's {@code
 * com.sun.net.httpserver} ({@link ConstantServer}) against Jetty 12 ({@link JettyConstantServer}),
 * each answering the same constant GetProvisionedModelThroughput response in its own JVM with the
 * launcher's JVM flags, side by side in one run on the loopback:
 *
 * <ul>
 *   <li>process start to the first 200, cold starts alternating between the stacks;
 *   <li>requests per second under the {@link LoadGenerator} (the load benchmark's connections and
 *       phases), in rounds, alternating;
 *   <li>the resident set size after each load phase.
 * </ul>
 *
 * <p>Run with {@code mvn -B -Pstackbench -DskipTests verify} (after the package phase, which
 * writes the launcher whose flags it reads); {@code -Dstackbench.args="--rounds=1"} passes options:
 * {@code --connections=16}, {@code --warmup=3}, {@code --measure=8}, {@code --rounds=3}, {@code
 * --startup-runs=5}, {@code --launcher=PATH} (the script whose JVM flags both stacks run with;
 * by default {@code target/strata}). The table, with the load averages, is printed and written to {@code
 * target/stackbench-result.txt}.
 */
public final class StackBenchmark {
  static final String PROBE = "/provisioned-model-throughput/stackbench";

  /** A stack: its name and the main class of its constant-response server. */
  record Stack(String name, Class<?> server) {}

  static final List<Stack> STACKS =
      List.of(
          new Stack("JDK com.sun.net.httpserver", ConstantServer.class),
          new Stack("Jetty 12.0 (core API)", JettyConstantServer.class));

  private final Map<String, String> options;
  private final Path targetDir;
  private final List<String> jvmFlags;

  private StackBenchmark(Map<String, String> options) throws IOException {
    this.options = options;
    this.targetDir = Paths.get(options.getOrDefault("target-dir", "target")).toAbsolutePath();
    Path launcher =
        options.containsKey("launcher")
            ? Paths.get(options.get("launcher"))
            : targetDir.resolve("strata");
    if (!Files.isReadable(launcher)) {
      throw new IllegalStateException(launcher + " is missing: run the package phase first");
    }
    this.jvmFlags = LoadBenchmark.launcherJvmFlags(launcher);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, not " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    new StackBenchmark(options).run();
  }

  /** Runs the comparison; the report's text, also written to {@code stackbench-result.txt}. */
  static String run(Map<String, String> options) throws Exception {
    return new StackBenchmark(options).run();
  }

  private List<String> command(Stack stack, int port) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), stack.server().getName(), "" + port));
    return command;
  }

  private String run() throws Exception {
    int connections = intOption("connections", 16);
    Duration warmup = Duration.ofSeconds(intOption("warmup", 3));
    Duration measure = Duration.ofSeconds(intOption("measure", 8));
    int rounds = intOption("rounds", 3);
    int startupRuns = intOption("startup-runs", 5);
    Path logDir = Files.createDirectories(targetDir.resolve("stackbench"));
    String loadBefore = LoadBenchmark.loadAverage();

    Map<Stack, List<Double>> startups = new LinkedHashMap<>();
    for (int i = 0; i < startupRuns; i++) {
      for (Stack stack : STACKS) {
        int port = Spawned.freePort();
        try (Spawned spawned =
            Spawned.start(stack.name(), command(stack, port), logDir.resolve("startup.log"), false)) {
          double millis = LoadBenchmark.awaitFirstResponse(spawned, port, PROBE) / 1e6;
          startups.computeIfAbsent(stack, k -> new ArrayList<>()).add(millis);
          System.out.printf(Locale.ROOT, "stackbench: start %d, %s: %.0f ms%n", i + 1, stack.name(), millis);
        }
      }
    }

    String loadBeforeLoad = LoadBenchmark.loadAverage();
    Map<Stack, List<Double>> rps = new LinkedHashMap<>();
    Map<Stack, List<Double>> resident = new LinkedHashMap<>();
    Map<Stack, Spawned> servers = new LinkedHashMap<>();
    try {
      for (Stack stack : STACKS) {
        servers.put(
            stack,
            Spawned.start(stack.name(), command(stack, 0), logDir.resolve("load.log"), true));
      }
      Map<Stack, Integer> ports = new LinkedHashMap<>();
      for (Stack stack : STACKS) {
        ports.put(stack, servers.get(stack).awaitPort(LoadBenchmark.START_LIMIT));
      }
      for (int round = 1; round <= rounds; round++) {
        for (Stack stack : STACKS) {
          int port = ports.get(stack);
          byte[] get = LoadGenerator.request("GET", PROBE, port, LoadBenchmark.AUTHORIZATION, null);
          Result r = LoadGenerator.run(stack.name(), port, connections, warmup, measure, 200, (w, s) -> get);
          if (r.ok() == 0 || r.errors() > 0) {
            throw new IllegalStateException(stack.name() + ": " + r.ok() + " ok, " + r.errors() + " errors");
          }
          double mib = servers.get(stack).residentMiB();
          rps.computeIfAbsent(stack, k -> new ArrayList<>()).add(r.rps());
          resident.computeIfAbsent(stack, k -> new ArrayList<>()).add(mib);
          System.out.printf(
              Locale.ROOT, "stackbench: round %d, %s: %.0f requests/s, %.0f MiB (load %s)%n",
              round, stack.name(), r.rps(), mib, LoadBenchmark.loadAverage());
        }
      }
    } finally {
      servers.values().forEach(Spawned::close);
    }

    String text =
        report(
            startups, rps, resident,
            List.of(
                "before start-ups " + loadBefore,
                "before load " + loadBeforeLoad,
                "after load " + LoadBenchmark.loadAverage()),
            connections + " connections, " + warmup.toSeconds() + " s warm-up + "
                + measure.toSeconds() + " s measured, " + rounds + " round(s), " + startupRuns
                + " cold starts each");
    System.out.println(text);
    Path out = targetDir.resolve("stackbench-result.txt");
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.println("stackbench: written to " + out);
    return text;
  }

  private String report(
      Map<Stack, List<Double>> startups,
      Map<Stack, List<Double>> rps,
      Map<Stack, List<Double>> resident,
      List<String> loads,
      String setting) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "machine: %d processors, Java %s; JVM flags: %s%n%s%nload average (1/5/15 min): %s%n%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            String.join(" ", jvmFlags), setting, String.join("; ", loads)));
    t.append("| constant response | start to first 200 (ms, median) | requests/s (median of rounds)")
        .append(" | resident set after the first / last load phase (MiB) |\n|---|---|---|---|\n");
    for (Stack stack : STACKS) {
      List<Double> mib = resident.get(stack);
      t.append(
          String.format(
              Locale.ROOT, "| %s | %.0f | %.0f | %.0f / %.0f |%n",
              stack.name(), LoadBenchmark.median(startups.get(stack)),
              LoadBenchmark.median(rps.get(stack)), mib.get(0), mib.get(mib.size() - 1)));
    }
    Stack jdk = STACKS.get(0);
    Stack other = STACKS.get(1);
    t.append(
        String.format(
            Locale.ROOT, "| %s / JDK | %.2f | %.2f | %.2f / %.2f |%n",
            other.name(),
            LoadBenchmark.median(startups.get(other)) / LoadBenchmark.median(startups.get(jdk)),
            LoadBenchmark.median(rps.get(other)) / LoadBenchmark.median(rps.get(jdk)),
            resident.get(other).get(0) / resident.get(jdk).get(0),
            resident.get(other).get(rounds(resident) - 1) / resident.get(jdk).get(rounds(resident) - 1)));
    return t.toString();
  }

  private static int rounds(Map<Stack, List<Double>> resident) {
    return resident.values().iterator().next().size();
  }

  private int intOption(String name, int fallback) {
    return LoadBenchmark.intOption(options, name, fallback, 1, 120);
  }
}
