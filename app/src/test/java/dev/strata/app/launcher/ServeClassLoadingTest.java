package dev.strata.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.cli.StrataCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} loads on the in-memory default, read from the JVM's own class-loading log of
 * a real process whose class path holds the AWS SDK (the test class path does).
 */
class ServeClassLoadingTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path directory;

  @Test
  void serve_on_the_in_memory_default_loads_no_aws_sdk_class_while_it_answers() throws Exception {
    List<String> loaded = classesLoadedWhileServing();

    assertTrue(
        loaded.stream().anyMatch(c -> c.equals("dev.strata.app.server.StrataServer")),
        "the class-loading log shows no StrataServer: it is not the log of serve");
    List<String> aws = loaded.stream().filter(c -> c.startsWith("software.amazon.awssdk.")).toList();
    assertEquals(List.of(), aws, "serve on in-memory adapters loaded AWS SDK classes");
  }

  /** Serves, answers a List and a Create, stops; the classes the JVM loaded meanwhile. */
  private List<String> classesLoadedWhileServing() throws Exception {
    Path log = directory.resolve("classes.log");
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process serve =
        new ProcessBuilder(
                java.toString(), "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"),
                StrataCli.class.getName(), "serve", "--port", "0", "--audit-log", "off")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Matcher url = URL.matcher(String.valueOf(line));
      assertTrue(url.find(), "serve printed " + line);
      HttpClient client = HttpClient.newBuilder().connectTimeout(LIMIT).build();
      String base = "http://127.0.0.1:" + url.group(1);
      assertEquals(200, send(client, HttpRequest.newBuilder(URI.create(base + "/provisioned-model-throughputs"))));
      assertEquals(
          201,
          send(
              client,
              HttpRequest.newBuilder(URI.create(base + "/provisioned-model-throughput"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"modelUnits\":1,\"provisionedModelName\":\"lazy\","
                              + "\"modelId\":\"amazon.nova-lite-v1:0:24k\"}"))));
    } finally {
      serve.destroy();
      if (!serve.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    // "[0.123s][info][class,load] java.lang.Object source: ..."
    return Files.readAllLines(log).stream()
        .map(l -> l.split(" "))
        .filter(f -> f.length > 1)
        .map(f -> f[1])
        .toList();
  }

  private static int send(HttpClient client, HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(LIMIT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
