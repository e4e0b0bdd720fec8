package dev.strata.app.clients;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of this machine, such as {@code aws} or {@code python3} with boto3, run the way a user
 * runs it against Strata. A test that needs one {@link #assume skips}, with a message, where it is
 * not installed. The environment has no AWS profile, configuration or endpoint of the machine's, so
 * only what a test passes reaches the client.
 */
public final class ExternalClient {
  private ExternalClient() {}

  /** What one run printed, and its exit code. */
  public record Run(int exitCode, String out, String err) {}

  /** Skips the calling test, saying why, unless {@code probe} runs and exits 0. */
  public static void assume(String what, String... probe) {
    boolean available;
    try {
      available = run(List.of(probe), Map.of(), null).exitCode() == 0;
    } catch (IOException e) {
      available = false;
    }
    assumeTrue(available, what + " is not installed on this machine; skipped");
  }

  /**
   * Runs {@code command} in {@code directory} (the working directory when null) with {@code
   * environment} added to a clean AWS environment; at most two minutes.
   */
  public static Run run(List<String> command, Map<String, String> environment, Path directory)
      throws IOException {
    Path out = Files.createTempFile("strata-client", ".out");
    Path err = Files.createTempFile("strata-client", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("STRATA_"));
      env.put("AWS_CONFIG_FILE", "/dev/null");
      env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("AWS_PAGER", "");
      env.putAll(environment);
      Process process = builder.start();
      try {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new IOException(String.join(" ", command) + " ran over two minutes");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
