package dev.strata.app.server;

import dev.strata.app.cli.StrataCli;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * {@code strata serve --port 0} in a JVM of its own, on this test JVM's class path: the JDK
 * server's limits are per process, so a test that sets them needs a fresh one. The environment is
 * this JVM's without any {@code STRATA_} variable, plus the ones given.
 */
public final class ServeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern READY =
      Pattern.compile("Strata listening on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path stderr;
  /** The port it listens on. */
  public final int port;

  private ServeProcess(Process process, Path stderr, int port) {
    this.process = process;
    this.stderr = stderr;
    this.port = port;
  }

  /** The command that runs {@code strata ARGS} in a JVM of its own, on this JVM's class path. */
  static List<String> strata(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StrataCli.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** Starts {@code strata serve --port 0 OPTIONS} and waits for its ready line. */
  public static ServeProcess start(Map<String, String> environment, String... options)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--port", "0"));
    arguments.addAll(List.of(options));
    return startAsGiven(environment, arguments.toArray(String[]::new));
  }

  /** Starts {@code strata serve ARGUMENTS}, no port added, and waits for its ready line. */
  static ServeProcess startAsGiven(Map<String, String> environment, String... arguments)
      throws Exception {
    Path stderr = Files.createTempFile("strata-serve", ".err");
    List<String> command = strata("serve");
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
      Matcher url = READY.matcher(String.valueOf(ready));
      if (!url.matches()) {
        throw new IllegalStateException(
            "not the ready line: " + ready + "; stderr: " + Files.readString(stderr));
      }
      return new ServeProcess(process, stderr, Integer.parseInt(url.group(1)));
    } catch (Exception | Error e) {
      process.destroyForcibly();
      Files.deleteIfExists(stderr);
      throw e;
    }
  }

  /** The real AWS SDK's Bedrock client for this process, without retries. */
  BedrockClient bedrock() {
    return BedrockClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    "AKIDSTRATATEST", "strata-test-secret")))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
        .overrideConfiguration(
            c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** One plain HTTP request to this process ({@code body} null for none); its response, within 10 s. */
  HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits for it to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks the process to stop (SIGTERM) and waits for it to end; its exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("serve did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  RawConnection connect() throws IOException {
    return RawConnection.open("127.0.0.1", port);
  }

  /**
   * The status of one {@code GET path} on a fresh connection, or -1 when the server closed it
   * without a response.
   */
  int statusOfGet(String path) throws IOException {
    try (RawConnection c = connect()) {
      return c.send(RawConnection.get(path)).readResponse().status();
    } catch (IOException closedWithoutResponse) {
      return -1;
    }
  }

  private static String readLine(BufferedReader out) {
    try {
      return out.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and deletes its stderr file. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(stderr);
  }
}
