package dev.strata.app.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by the {@code package} phase after the jar is built: installs the launcher {@code
 * target/strata} and writes the static class-data-sharing archive {@code target/strata.jsa} it
 * uses. A training run of the launcher's own {@code serve} answers every operation once (each
 * command's constraint metadata, each JSON shape, an error), then stops on SIGTERM as a user's
 * would, writing the list of classes it loaded; the launcher then dumps the archive of those classes
 * ({@code -Xshare:dump}), so that the archive's class path is the one the launcher runs. A static
 * archive holds the JDK's classes and the application's together, and, unlike a dynamic one, the
 * classes of old class files (picocli's). Any failure fails the build, naming the log to read: a
 * failed call, a dump that skips a class of Strata or picocli, an archive the JVM does not accept
 * with {@code -Xshare:on} (which refuses to start without it).
 *
 * <p>Arguments: the launcher's source and the target directory holding {@code strata.jar}.
 */
public final class CdsTrainingRun {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final String ARN = "${arn}";
  private static final Pattern CREATED = Pattern.compile("\"provisionedModelArn\":\"([^\"]+)\"");

  private CdsTrainingRun() {}

  public static void main(String[] args) throws Exception {
    Path launcherSource = Paths.get(args[0]);
    Path target = Paths.get(args[1]).toAbsolutePath();
    Path launcher = target.resolve("strata");
    Path archive = target.resolve("strata.jsa");
    Path log = target.resolve("cds-training.log");
    Files.deleteIfExists(archive);
    Files.copy(launcherSource, launcher, StandardCopyOption.REPLACE_EXISTING);
    if (!launcher.toFile().setExecutable(true, false)) {
      throw fail("cannot make " + launcher + " executable", log);
    }
    Path classes = target.resolve("strata.classlist");
    Files.deleteIfExists(classes);
    train(launcher, classes, log);
    dump(launcher, classes, archive, log);
    if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
      throw fail("the training run wrote no archive " + archive, log);
    }
    check(launcher, log);
  }

  /** Serves writing the classes it loads to {@code classes}, calls every operation, then SIGTERM. */
  private static void train(Path launcher, Path classes, Path log) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "serve", "--port", "0", "--audit-log", "off")
            .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("STRATA_JAVA_OPTS", "-Xshare:off -XX:DumpLoadedClassList=" + classes);
    Process serve = builder.start();
    try {
      int port = awaitPort(serve, log);
      exercise(port, log);
    } finally {
      serve.destroy(); // SIGTERM, as a user stops it
      if (!serve.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        serve.destroyForcibly();
        throw fail("the training serve did not stop within " + LIMIT, log);
      }
    }
    if (serve.exitValue() != 0 && serve.exitValue() != 143) {
      throw fail("the training serve exited with " + serve.exitValue(), log);
    }
  }

  /**
   * The launcher dumping {@code classes} into {@code archive}; a skipped class of Strata or
   * picocli (one that would load from the jar on every start) fails the build.
   */
  private static void dump(Path launcher, Path classes, Path archive, Path log) throws Exception {
    Path dumpLog = log.resolveSibling("cds-dump.log");
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(dumpLog.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder
        .environment()
        .put(
            "STRATA_JAVA_OPTS",
            "-Xshare:dump -Xlog:cds=warning -XX:SharedClassListFile=" + classes
                + " -XX:SharedArchiveFile=" + archive);
    Process dump = builder.start();
    if (!dump.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || dump.exitValue() != 0) {
      dump.destroyForcibly();
      throw fail("the archive dump did not finish", dumpLog);
    }
    List<String> skipped =
        Files.readAllLines(dumpLog).stream()
            .filter(l -> l.contains("Skipping dev/strata/") || l.contains("Skipping picocli/"))
            .toList();
    if (!skipped.isEmpty()) {
      throw fail("the archive leaves out " + skipped, dumpLog);
    }
  }

  private static int awaitPort(Process serve, Path log) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    Matcher m = URL.matcher(line == null ? "" : line);
    if (!m.find()) {
      throw fail("the training serve printed " + line + " instead of its URL", log);
    }
    return Integer.parseInt(m.group(1));
  }

  /** Every operation once, as an SDK sends it, each with the status it must answer. */
  private static void exercise(int port, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(LIMIT).build();
    String base = "http://127.0.0.1:" + port;
    String pt = "/provisioned-model-throughput/training";
    String create =
        "{\"clientRequestToken\":\"training-1\",\"modelUnits\":1,\"provisionedModelName\":\"training\","
            + "\"modelId\":\"" + MODEL + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}";
    List<Call> calls =
        List.of(
            new Call("GET", "/provisioned-model-throughputs", null, 200),
            new Call("POST", "/provisioned-model-throughput", create, 201),
            new Call("GET", pt, null, 200),
            new Call("GET", "/provisioned-model-throughputs?maxResults=10&sortBy=CreationTime", null, 200),
            new Call("PATCH", pt, "{\"desiredProvisionedModelName\":\"training\"}", 200),
            new Call("POST", "/tagResource", onArn(", \"tags\":[{\"key\":\"a\",\"value\":\"b\"}]"), 200),
            new Call("POST", "/listTagsForResource", onArn(""), 200),
            new Call("POST", "/untagResource", onArn(", \"tagKeys\":[\"a\"]"), 200),
            new Call("GET", "/foundation-models", null, 200),
            new Call("GET", "/foundation-models/" + MODEL, null, 200),
            new Call("GET", "/custom-models", null, 200),
            new Call("GET", "/custom-models/none", null, 404),
            new Call("POST", "/provisioned-model-throughput", "{\"modelUnits\":0}", 400),
            new Call("POST", "/provisioned-model-throughput", "{", 400),
            new Call("DELETE", pt, null, 200));
    String arn = "";
    for (Call call : calls) {
      String body = call.body() == null ? null : call.body().replace(ARN, arn);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + call.path())).timeout(LIMIT);
      request.method(
          call.method(),
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != call.status()) {
        throw fail(
            call.method() + " " + call.path() + " answered " + response.statusCode() + " instead of "
                + call.status() + ": " + response.body(),
            log);
      }
      Matcher created = CREATED.matcher(response.body());
      if (created.find()) {
        arn = created.group(1);
      }
    }
  }

  /** A body naming the provisioned throughput the training run created, then {@code more}. */
  private static String onArn(String more) {
    return "{\"resourceARN\":\"" + ARN + "\"" + more + "}";
  }

  private record Call(String method, String path, String body, int status) {}

  /** The launcher with {@code -Xshare:on} (which exits when the archive cannot be used). */
  private static void check(Path launcher, Path log) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("STRATA_JAVA_OPTS", "-Xshare:on -Xlog:cds=warning");
    Process version = builder.start();
    if (!version.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || version.exitValue() != 0) {
      version.destroyForcibly();
      throw fail("the JVM does not accept the archive it wrote (-Xshare:on)", log);
    }
  }

  private static IllegalStateException fail(String why, Path log) {
    return new IllegalStateException(
        "class-data-sharing training run failed: " + why + "; see " + log);
  }
}
