package dev.strata.app.bench;

import dev.strata.app.bench.LoadGenerator.Response;
import dev.strata.app.bench.LoadGenerator.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load benchmark of the Bedrock-compatible HTTP endpoint, run by the bench profile after JMH
 * ({@code mvn -B -Pbench -DskipTests verify}), or alone and shorter by the loadbench profile
 * ({@code mvn -B -Ploadbench -DskipTests verify}, {@code --quick}). Strata runs as the README runs
 * it, through the launcher {@code target/strata} (class-data archive and its JVM flags). In one
 * run, on the loopback only, side by side with {@code moto_server}, it measures issue 14's figures:
 *
 * <ul>
 *   <li>process start to the first 200: Strata on {@code GET /provisioned-model-throughputs},
 *       moto on {@code GET /custom-models}, alternating, the medians compared; goal at most 0.25;
 *   <li>the resident set size of each after its GET phase; goal at most 1.0;
 *   <li>requests per second of GetProvisionedModelThroughput against moto's {@code GET
 *       /custom-models/{name}} (after one model customization job created it); goal at least 100x;
 *   <li>Get and CreateProvisionedModelThroughput (every create a new name and client request
 *       token, as an SDK sends) against the same HTTP stack, with the launcher's JVM flags,
 *       answering a constant response ({@link ConstantServer}); goals at least 0.9 and 0.5.
 * </ul>
 *
 * <p>Every throughput figure comes from the same {@link LoadGenerator}: the same connection count,
 * warm-up, measurement time and request headers (every request carries a Bedrock SigV4 credential
 * scope, which moto needs to route and Strata ignores). Load phases repeat in rounds, interleaved,
 * and the medians are compared. The table ({@link LoadReport}), with the load averages, is printed
 * and written to {@code target/loadbench-result.txt}; the child processes' output goes to {@code
 * target/loadbench/}.
 *
 * <p>Options ({@code -Dloadbench.args="--connections=32 --rounds=1"}): {@code --connections=16},
 * {@code --warmup=3} and {@code --measure=8} (seconds), {@code --rounds=3}, {@code
 * --startup-runs=3}, {@code --quick} (defaults of 1 s warm-up, 4 s measured, 1 round), {@code
 * --python=python3} (the interpreter with moto), {@code --server-jvm-args=-Dname=value,...} (JVM
 * options added after the launcher's, comma-separated, as {@code STRATA_JAVA_OPTS} for Strata and
 * on the constant-response server's command line), {@code --enforce-targets} (exit 1 when a goal
 * is missed; by default the figures are only reported), and, to explore, {@code --skip-startup} or
 * {@code --skip-load} (prints no table).
 */
public final class LoadBenchmark {
  /** A SigV4-like header with a Bedrock credential scope; moto routes on it and checks nothing. */
  static final String AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=0";

  static final String MODEL = "amazon.nova-lite-v1:0:24k";
  static final String GET_TARGET = "loadbench-get";
  static final String CUSTOM_MODEL = "loadbench-model";
  static final String STRATA_STARTUP_PROBE = "/provisioned-model-throughputs";
  static final String MOTO_STARTUP_PROBE = "/custom-models";
  static final Duration START_LIMIT = Duration.ofSeconds(60);

  private static final AtomicInteger CREATE_PHASE = new AtomicInteger();

  private final Map<String, String> options;
  private final Path targetDir;
  private final Path logDir;
  private final int connections;
  private final Duration warmup;
  private final Duration measure;
  private final int rounds;
  private final int startupRuns;
  private final Path launcher;
  private final String java;
  private final List<String> serverJvmArgs;

  private LoadBenchmark(Map<String, String> options) {
    this.options = options;
    this.targetDir = Paths.get(options.getOrDefault("target-dir", "target")).toAbsolutePath();
    this.logDir = targetDir.resolve("loadbench");
    this.connections = intOption("connections", 16, 1, 256);
    boolean quick = options.containsKey("quick");
    this.warmup = Duration.ofSeconds(intOption("warmup", quick ? 1 : 3, 0, 60));
    this.measure = Duration.ofSeconds(intOption("measure", quick ? 4 : 8, 1, 120));
    this.rounds = intOption("rounds", quick ? 1 : 3, 1, 10);
    this.startupRuns = intOption("startup-runs", 3, 1, 20);
    this.launcher = targetDir.resolve("strata");
    this.java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String jvmArgs = options.getOrDefault("server-jvm-args", "");
    this.serverJvmArgs = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.split(","));
  }

  /** {@code target/strata serve --port PORT rest...}, as the README runs it. */
  private List<String> strataCommand(int port, String... rest) {
    List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--port", "" + port));
    command.addAll(List.of(rest));
    return command;
  }

  /** The server JVM options, for the launcher: after its own flags. */
  private Map<String, String> strataEnvironment() {
    return Map.of("STRATA_JAVA_OPTS", String.join(" ", serverJvmArgs), "JAVA_OPTS", "");
  }

  /** {@code java [the launcher's JVM flags] [server JVM options] rest...}. */
  private List<String> javaCommand(String... rest) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(launcherJvmFlags());
    command.addAll(serverJvmArgs);
    command.addAll(List.of(rest));
    return command;
  }

  /** The JVM flags the launcher always passes, not the archive. */
  private List<String> launcherJvmFlags() throws IOException {
    return launcherJvmFlags(launcher);
  }

  /**
   * The JVM flags that {@code launcher} always passes: those on its lines that begin with {@code
   * -XX:} (not the class-data archive's line, nor flags it passes only on some JDKs).
   */
  static List<String> launcherJvmFlags(Path launcher) throws IOException {
    return Files.readAllLines(launcher).stream()
        .filter(l -> l.trim().startsWith("-XX:"))
        .flatMap(l -> Arrays.stream(l.trim().split("\\s+")))
        .filter(w -> w.startsWith("-X"))
        .toList();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
    }
    boolean met = new LoadBenchmark(options).run();
    if (!met && options.containsKey("enforce-targets")) {
      System.exit(1);
    }
  }

  /** Runs everything, reports, and tells whether every target was met. */
  private boolean run() throws Exception {
    Files.createDirectories(logDir);
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is missing: run the package phase first");
    }
    Moto moto = Moto.locate(options.getOrDefault("python", "python3"));
    String loadBefore = loadAverage();
    System.out.printf(
        "loadbench: %d connection(s), %s warm-up + %s measured, %d round(s), %d startup run(s)%n",
        connections, warmup, measure, rounds, startupRuns);

    List<Double> strataStartup = new ArrayList<>();
    List<Double> motoStartup = new ArrayList<>();
    for (int i = 0; i < startupRuns && !options.containsKey("skip-startup"); i++) {
      int port = Spawned.freePort();
      strataStartup.add(
          startup("strata-startup", strataCommand(port), strataEnvironment(), port, STRATA_STARTUP_PROBE));
      port = Spawned.freePort();
      motoStartup.add(startup("moto-startup", moto.command(port), Map.of(), port, MOTO_STARTUP_PROBE));
      System.out.printf(
          "loadbench: startup run %d: Strata %.0f ms, moto %.0f ms%n",
          i + 1, strataStartup.get(i), motoStartup.get(i));
    }

    String loadBeforeLoad = loadAverage();
    Map<String, List<Result>> results = new LinkedHashMap<>();
    List<Double> strataResident = new ArrayList<>();
    List<Double> motoResident = new ArrayList<>();
    if (options.containsKey("skip-load")) {
      System.out.printf(
          "loadbench: startup medians: Strata %.0f ms, moto %.0f ms (%.2f, goal <= %.2f)%n",
          median(strataStartup), median(motoStartup),
          median(strataStartup) / median(motoStartup), LoadReport.STARTUP_SHARE_GOAL);
      return true;
    }
    try (Spawned strata =
            Spawned.start(
                "strata",
                strataCommand(0, "--quota", "L-FE44174A=1000000000000"),
                strataEnvironment(),
                logDir.resolve("strata.log"),
                true);
        Spawned constant =
            Spawned.start(
                "constant",
                javaCommand(
                    "-cp", System.getProperty("java.class.path"),
                    ConstantServer.class.getName(), "0"),
                logDir.resolve("constant.log"),
                true);
        Spawned motoServer = startMoto(moto)) {
      int strataPort = strata.awaitPort(START_LIMIT);
      int constantPort = constant.awaitPort(START_LIMIT);
      int motoPort = motoServer.port;
      setUpStrata(strataPort);
      setUpMoto(motoPort);

      byte[] strataGet =
          LoadGenerator.request(
              "GET", "/provisioned-model-throughput/" + GET_TARGET, strataPort, AUTHORIZATION, null);
      byte[] constantGet =
          LoadGenerator.request(
              "GET", "/provisioned-model-throughput/" + GET_TARGET, constantPort, AUTHORIZATION, null);
      byte[] motoGet =
          LoadGenerator.request("GET", "/custom-models/" + CUSTOM_MODEL, motoPort, AUTHORIZATION, null);
      for (int round = 1; round <= rounds; round++) {
        measure(results, "get", strataPort, 200, (w, s) -> strataGet);
        strataResident.add(strata.residentMiB());
        int phase = CREATE_PHASE.incrementAndGet();
        measure(results, "create", strataPort, 201, (w, s) -> create(strataPort, phase, w, s));
        measure(results, "constant", constantPort, 200, (w, s) -> constantGet);
        measure(results, "moto", motoPort, 200, (w, s) -> motoGet);
        motoResident.add(motoServer.residentMiB());
        System.out.printf(
            "loadbench: resident after GET: Strata %.0f MiB, moto %.0f MiB%n",
            strataResident.get(round - 1), motoResident.get(round - 1));
      }
    }
    String loadAfter = loadAverage();

    LoadReport report =
        new LoadReport(
            results, strataStartup, motoStartup, strataResident, motoResident,
            String.join(" ", strataCommand(0)) + " " + String.join(" ", serverJvmArgs),
            moto.version,
            List.of(
                "before startups " + loadBefore,
                "before load " + loadBeforeLoad,
                "after load " + loadAfter));
    String text = report.render();
    System.out.println(text);
    Path out = targetDir.resolve("loadbench-result.txt");
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.println("loadbench: written to " + out);
    return report.met();
  }

  private void measure(
      Map<String, List<Result>> results, String label, int port, int status,
      LoadGenerator.RequestSource source)
      throws InterruptedException {
    Result r = LoadGenerator.run(label, port, connections, warmup, measure, status, source);
    results.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
    System.out.printf(
        "loadbench: %-8s %10.0f rps  (%d ok, %d errors, %d reconnects in %.2f s, load %s)%n",
        label, r.rps(), r.ok(), r.errors(), r.reconnects(), r.seconds(), loadAverage());
    if (r.ok() == 0) {
      throw new IllegalStateException(label + ": no successful response in " + measure);
    }
    if (!label.equals("moto") && r.meanLatencyMillis() > 35 && r.meanLatencyMillis() < 50) {
      System.out.printf(
          "loadbench: %s: mean latency %.1f ms is the 40 ms delayed ACK of a server that writes"
              + " headers and body in two segments without TCP_NODELAY: the JDK's server needs"
              + " -Dsun.net.httpserver.nodelay=true%n",
          label, r.meanLatencyMillis());
    }
  }

  private static byte[] create(int port, int phase, int worker, long sequence) {
    String id = "lb-" + phase + "-" + worker + "-" + sequence;
    return LoadGenerator.request(
        "POST",
        "/provisioned-model-throughput",
        port,
        AUTHORIZATION,
        "{\"clientRequestToken\":\"" + id + "\",\"modelUnits\":1,\"provisionedModelName\":\""
            + id + "\",\"modelId\":\"" + MODEL + "\"}");
  }

  /** One provisioned throughput for the Get phase. */
  private static void setUpStrata(int port) throws IOException {
    Response created =
        LoadGenerator.exchange(
            port,
            LoadGenerator.request(
                "POST", "/provisioned-model-throughput", port, AUTHORIZATION,
                "{\"modelUnits\":1,\"provisionedModelName\":\"" + GET_TARGET
                    + "\",\"modelId\":\"" + MODEL + "\"}"),
            LoadGenerator.SOCKET_TIMEOUT_MILLIS);
    expect("Strata CreateProvisionedModelThroughput", created, 201);
    expect(
        "Strata GetProvisionedModelThroughput",
        LoadGenerator.exchange(
            port,
            LoadGenerator.request(
                "GET", "/provisioned-model-throughput/" + GET_TARGET, port, AUTHORIZATION, null),
            LoadGenerator.SOCKET_TIMEOUT_MILLIS),
        200);
  }

  /** One model customization job, which creates the custom model that the moto phase reads. */
  private static void setUpMoto(int port) throws IOException {
    String job =
        "{\"jobName\":\"loadbench-job\",\"customModelName\":\"" + CUSTOM_MODEL + "\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/loadbench\","
            + "\"baseModelIdentifier\":\"amazon.titan-text-express-v1\","
            + "\"trainingDataConfig\":{\"s3Uri\":\"s3://loadbench/train.jsonl\"},"
            + "\"outputDataConfig\":{\"s3Uri\":\"s3://loadbench/output/\"},"
            + "\"hyperParameters\":{\"epochCount\":\"1\"}}";
    expect(
        "moto CreateModelCustomizationJob",
        LoadGenerator.exchange(
            port,
            LoadGenerator.request("POST", "/model-customization-jobs", port, AUTHORIZATION, job),
            LoadGenerator.SOCKET_TIMEOUT_MILLIS),
        200);
    Response model =
        LoadGenerator.exchange(
            port,
            LoadGenerator.request("GET", "/custom-models/" + CUSTOM_MODEL, port, AUTHORIZATION, null),
            LoadGenerator.SOCKET_TIMEOUT_MILLIS);
    expect("moto GetCustomModel", model, 200);
    if (!model.bodyText().contains("\"modelName\": \"" + CUSTOM_MODEL + "\"")
        && !model.bodyText().contains("\"modelName\":\"" + CUSTOM_MODEL + "\"")) {
      throw new IllegalStateException("moto GetCustomModel answered " + model.bodyText());
    }
  }

  private static void expect(String what, Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException(
          what + " answered " + response.status() + " instead of " + status + ": "
              + response.bodyText());
    }
  }

  /** Starts moto on a free port and waits until it answers, retrying if the port was taken. */
  private Spawned startMoto(Moto moto) throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = Spawned.freePort();
      Spawned spawned = Spawned.start("moto", moto.command(port), logDir.resolve("moto.log"), false);
      spawned.port = port;
      try {
        awaitFirstResponse(spawned, port, MOTO_STARTUP_PROBE);
        return spawned;
      } catch (IOException e) {
        spawned.close();
        last = e;
      }
    }
    throw last;
  }

  /** Milliseconds from process start to its first 200 to {@code path}; then stops it. */
  private double startup(
      String name, List<String> command, Map<String, String> environment, int port, String path)
      throws IOException, InterruptedException {
    try (Spawned spawned =
        Spawned.start(name, command, environment, logDir.resolve(name + ".log"), false)) {
      return awaitFirstResponse(spawned, port, path) / 1e6;
    }
  }

  /** Polls {@code path} every 2 ms; nanoseconds from process start to its first 200. */
  static long awaitFirstResponse(Spawned spawned, int port, String path)
      throws IOException, InterruptedException {
    byte[] probe = LoadGenerator.request("GET", path, port, AUTHORIZATION, null);
    long deadline = spawned.startNanos + START_LIMIT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        Response r = LoadGenerator.exchange(port, probe, 5_000);
        if (r.status() == 200) {
          return System.nanoTime() - spawned.startNanos;
        }
        last = "status " + r.status();
      } catch (IOException e) {
        last = e.toString();
      }
      if (!spawned.process.isAlive()) {
        throw new IOException(
            spawned.name + " exited with " + spawned.process.exitValue() + " (" + last + ")");
      }
      Thread.sleep(2);
    }
    throw new IOException(spawned.name + " did not answer within " + START_LIMIT + ": " + last);
  }

  /** The 1, 5 and 15 minute load averages, or n/a off Linux. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
      return String.join(" ", Arrays.copyOf(fields, 3));
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private int intOption(String name, int fallback, int min, int max) {
    return intOption(options, name, fallback, min, max);
  }

  /** The whole number {@code --name=N} of {@code options}, or {@code fallback}; within min..max. */
  static int intOption(Map<String, String> options, String name, int fallback, int min, int max) {
    String raw = options.get(name);
    int value = raw == null ? fallback : Integer.parseInt(raw);
    if (value < min || value > max) {
      throw new IllegalArgumentException("--" + name + " must be in " + min + ".." + max);
    }
    return value;
  }

  /** How to run moto_server: the interpreter that imports moto, or moto_server from the PATH. */
  record Moto(List<String> launcher, String version) {
    List<String> command(int port) {
      List<String> command = new ArrayList<>(launcher);
      command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
      return command;
    }

    /**
     * Resolves {@code python}'s real executable (a pyenv shim would add its own start-up to moto's)
     * and runs moto's server module with it, as the moto_server script does.
     */
    static Moto locate(String python) throws IOException, InterruptedException {
      Process probe =
          new ProcessBuilder(
                  python,
                  "-c",
                  "import sys, moto, importlib.metadata as m;"
                      + " print(sys.executable);"
                      + " print('moto ' + moto.__version__ + ', werkzeug ' + m.version('werkzeug')"
                      + " + ', Python ' + sys.version.split()[0])")
              .redirectErrorStream(true)
              .start();
      String out;
      try (InputStream in = probe.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!probe.waitFor(60, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        throw new IOException(python + " did not answer within 60 s");
      }
      String[] lines = out.trim().split("\\R");
      if (probe.exitValue() != 0 || lines.length < 2) {
        System.out.println(
            "loadbench: " + python + " cannot import moto (" + out.trim() + "); using moto_server");
        return new Moto(List.of("moto_server"), "moto_server (version unknown)");
      }
      return new Moto(List.of(lines[0].trim(), "-m", "moto.server"), lines[1].trim());
    }
  }

  /** The median; NaN for no values (a phase that was skipped). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
