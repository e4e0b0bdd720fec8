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
 * ({@code mvn -B -Pbench -DskipTests verify}). In one run it measures, on the loopback only:
 *
 * <ul>
 *   <li>the requests per second of {@code java -jar strata.jar serve} answering
 *       GetProvisionedModelThroughput, then CreateProvisionedModelThroughput (every create a new
 *       name and client request token, as an SDK sends);
 *   <li>(1) {@code moto_server} answering {@code GET /custom-models/{name}} after one model
 *       customization job has created that model; target: Strata at least 100 times moto;
 *   <li>(2) the same HTTP stack answering a constant response ({@link ConstantServer}); target:
 *       Strata at least half of it;
 *   <li>(3) startup, from process start to the first successful {@code GET /custom-models}, of
 *       the Strata jar and of moto_server; target: Strata under a quarter of moto.
 * </ul>
 *
 * <p>Every throughput figure comes from the same {@link LoadGenerator}: the same connection count,
 * warm-up, measurement time and request headers (every request carries a Bedrock SigV4 credential
 * scope, which moto needs to route and Strata ignores). Load phases repeat in rounds, interleaved,
 * and the medians are compared; startups alternate Strata and moto and the medians are compared.
 * The table is printed and written to {@code target/loadbench-result.txt}; the child processes'
 * output goes to {@code target/loadbench/}.
 *
 * <p>Options ({@code -Dloadbench.args="--connections=32 --rounds=1"}): {@code --connections=16},
 * {@code --warmup=3} and {@code --measure=8} (seconds), {@code --rounds=3}, {@code
 * --startup-runs=5}, {@code --python=python3} (the interpreter with moto), {@code
 * --server-jvm-args=-Dname=value,...} (JVM options of the Strata and constant-response servers,
 * comma-separated; none by default, so the jar runs as documented), {@code
 * --enforce-targets} (exit 1 when a target is missed; by default the figures are only reported),
 * and, to explore, {@code --skip-startup} or {@code --skip-load} (prints no table).
 */
public final class LoadBenchmark {
  /** A SigV4-like header with a Bedrock credential scope; moto routes on it and checks nothing. */
  static final String AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=0";

  static final String MODEL = "amazon.nova-lite-v1:0:24k";
  static final String GET_TARGET = "loadbench-get";
  static final String CUSTOM_MODEL = "loadbench-model";
  static final String STARTUP_PROBE = "/custom-models";
  static final Duration START_LIMIT = Duration.ofSeconds(60);

  static final double MOTO_RATIO_TARGET = 100.0;
  static final double STACK_SHARE_TARGET = 0.5;
  static final double STARTUP_SHARE_TARGET = 0.25;

  private static final AtomicInteger CREATE_PHASE = new AtomicInteger();

  private final Map<String, String> options;
  private final Path targetDir;
  private final Path logDir;
  private final int connections;
  private final Duration warmup;
  private final Duration measure;
  private final int rounds;
  private final int startupRuns;
  private final String java;
  private final List<String> serverJvmArgs;

  private LoadBenchmark(Map<String, String> options) {
    this.options = options;
    this.targetDir = Paths.get(options.getOrDefault("target-dir", "target")).toAbsolutePath();
    this.logDir = targetDir.resolve("loadbench");
    this.connections = intOption("connections", 16, 1, 256);
    this.warmup = Duration.ofSeconds(intOption("warmup", 3, 0, 60));
    this.measure = Duration.ofSeconds(intOption("measure", 8, 1, 120));
    this.rounds = intOption("rounds", 3, 1, 10);
    this.startupRuns = intOption("startup-runs", 5, 1, 20);
    this.java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String jvmArgs = options.getOrDefault("server-jvm-args", "");
    this.serverJvmArgs = jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.split(","));
  }

  /** {@code java [server JVM options] rest...}. */
  private List<String> javaCommand(String... rest) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(serverJvmArgs);
    command.addAll(List.of(rest));
    return command;
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
    Path jar = Paths.get(options.getOrDefault("jar", targetDir.resolve("strata.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
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
          startup("strata-startup", javaCommand("-jar", jar.toString(), "serve", "--port", "" + port), port));
      port = Spawned.freePort();
      motoStartup.add(startup("moto-startup", moto.command(port), port));
      System.out.printf(
          "loadbench: startup run %d: Strata %.0f ms, moto %.0f ms%n",
          i + 1, strataStartup.get(i), motoStartup.get(i));
    }

    String loadBeforeLoad = loadAverage();
    Map<String, List<Result>> results = new LinkedHashMap<>();
    if (options.containsKey("skip-load")) {
      System.out.printf(
          "loadbench: startup medians: Strata %.0f ms, moto %.0f ms (%.1f%%)%n",
          median(strataStartup), median(motoStartup),
          100 * median(strataStartup) / median(motoStartup));
      return true;
    }
    try (Spawned strata =
            Spawned.start(
                "strata",
                javaCommand(
                    "-jar", jar.toString(), "serve", "--port", "0",
                    "--quota", "L-FE44174A=1000000000000"),
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
        int phase = CREATE_PHASE.incrementAndGet();
        measure(results, "create", strataPort, 201, (w, s) -> create(strataPort, phase, w, s));
        measure(results, "constant", constantPort, 200, (w, s) -> constantGet);
        measure(results, "moto", motoPort, 200, (w, s) -> motoGet);
      }
    }
    String loadAfter = loadAverage();

    Report report =
        new Report(
            results, strataStartup, motoStartup, moto.version,
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
        awaitFirstResponse(spawned, port);
        return spawned;
      } catch (IOException e) {
        spawned.close();
        last = e;
      }
    }
    throw last;
  }

  /** Milliseconds from process start to its first 200 to {@link #STARTUP_PROBE}; then stops it. */
  private double startup(String name, List<String> command, int port)
      throws IOException, InterruptedException {
    try (Spawned spawned = Spawned.start(name, command, logDir.resolve(name + ".log"), false)) {
      return awaitFirstResponse(spawned, port) / 1e6;
    }
  }

  /** Polls {@link #STARTUP_PROBE} every 2 ms; nanoseconds from process start to its first 200. */
  private static long awaitFirstResponse(Spawned spawned, int port)
      throws IOException, InterruptedException {
    byte[] probe = LoadGenerator.request("GET", STARTUP_PROBE, port, AUTHORIZATION, null);
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

  /** The figures, the ratios and the verdicts, as one text table. */
  record Report(
      Map<String, List<Result>> results,
      List<Double> strataStartup,
      List<Double> motoStartup,
      String motoVersion,
      List<String> loadAverages) {

    double rps(String label) {
      return median(results.get(label).stream().map(Result::rps).toList());
    }

    double getVsMoto() {
      return rps("get") / rps("moto");
    }

    double getVsConstant() {
      return rps("get") / rps("constant");
    }

    double createVsConstant() {
      return rps("create") / rps("constant");
    }

    double startupShare() {
      return median(strataStartup) / median(motoStartup);
    }

    boolean met() {
      return getVsMoto() >= MOTO_RATIO_TARGET
          && getVsConstant() >= STACK_SHARE_TARGET
          && createVsConstant() >= STACK_SHARE_TARGET
          && startupShare() < STARTUP_SHARE_TARGET;
    }

    String render() {
      StringBuilder t = new StringBuilder();
      Result any = results.get("get").get(0);
      t.append("Strata HTTP load benchmark\n");
      t.append(
          String.format(
              Locale.ROOT,
              "closed loop on 127.0.0.1, %d keep-alive connections, %.0f s measured per phase"
                  + " after warm-up, %d round(s), medians compared%n",
              any.connections(), any.seconds(), results.get("get").size()));
      t.append(
          String.format(
              Locale.ROOT,
              "machine: %d processors, Java %s, %s%n",
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              motoVersion));
      t.append("load average (1/5/15 min): ").append(String.join("; ", loadAverages)).append("\n\n");

      t.append("| throughput (requests/s) | ");
      for (int i = 1; i <= results.get("get").size(); i++) {
        t.append("round ").append(i).append(" | ");
      }
      t.append("median | errors | reconnects |\n");
      row(t, "Strata GetProvisionedModelThroughput", "get");
      row(t, "Strata CreateProvisionedModelThroughput", "create");
      row(t, "(2) constant response, same HTTP stack", "constant");
      row(t, "(1) moto GET /custom-models/{name}", "moto");

      t.append("\n| startup to first 200 (ms) | runs | median |\n");
      t.append("| Strata java -jar strata.jar serve | ").append(list(strataStartup))
          .append(" | ").append(fmt(median(strataStartup))).append(" |\n");
      t.append("| (3) moto_server | ").append(list(motoStartup))
          .append(" | ").append(fmt(median(motoStartup))).append(" |\n");

      t.append("\n| target | figure | target | verdict |\n");
      verdict(t, "(1) Strata Get / moto", times(getVsMoto()), ">= 100x", getVsMoto() >= MOTO_RATIO_TARGET);
      t.append(String.format(
          Locale.ROOT, "| (1) Strata Create / moto (for information) | %s | - | - |%n",
          times(rps("create") / rps("moto"))));
      verdict(t, "(2) Strata Get / constant", pct(getVsConstant()), ">= 50%", getVsConstant() >= STACK_SHARE_TARGET);
      verdict(t, "(2) Strata Create / constant", pct(createVsConstant()), ">= 50%",
          createVsConstant() >= STACK_SHARE_TARGET);
      verdict(t, "(3) Strata startup / moto startup", pct(startupShare()), "< 25%",
          startupShare() < STARTUP_SHARE_TARGET);
      t.append("\nall targets met: ").append(met() ? "yes" : "NO").append('\n');
      return t.toString();
    }

    private void row(StringBuilder t, String name, String label) {
      List<Result> rs = results.get(label);
      t.append("| ").append(name).append(" | ");
      long errors = 0;
      long reconnects = 0;
      for (Result r : rs) {
        t.append(fmt(r.rps())).append(" | ");
        errors += r.errors();
        reconnects += r.reconnects();
      }
      t.append(fmt(rps(label))).append(" | ").append(errors).append(" | ").append(reconnects)
          .append(" |\n");
    }

    private static void verdict(StringBuilder t, String name, String figure, String target, boolean ok) {
      t.append("| ").append(name).append(" | ").append(figure).append(" | ").append(target)
          .append(" | ").append(ok ? "met" : "MISSED").append(" |\n");
    }

    private static String list(List<Double> values) {
      return String.join(", ", values.stream().map(Report::fmt).toList());
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String times(double v) {
      return String.format(Locale.ROOT, "%.1fx", v);
    }

    private static String pct(double v) {
      return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
