package dev.strata.app.server;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One {@code strata} command line in a JVM of its own, on this test JVM's class path, with no
 * {@code STRATA_} variable: its exit code and what it wrote.
 */
record CliProcess(int exitCode, String out, String err) {

  /** What {@code jstack} says the process's threads are doing, for a failure message. */
  private static String threadDump(Process process) {
    try {
      Process jstack =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), String.valueOf(process.pid()))
              .redirectErrorStream(true)
              .start();
      String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jstack.waitFor(30, TimeUnit.SECONDS);
      return dump;
    } catch (IOException | InterruptedException e) {
      return "(no thread dump: " + e + ")";
    }
  }

  static CliProcess run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("strata-cli", ".out");
    Path err = Files.createTempFile("strata-cli", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(ServeProcess.strata(args))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
      Process process = builder.start();
      if (!process.waitFor(300, TimeUnit.SECONDS)) {
        String threads = threadDump(process);
        process.destroyForcibly();
        throw new IllegalStateException(
            "strata " + String.join(" ", args) + " did not end within 300 s; stderr: "
                + Files.readString(err) + "; threads: " + threads);
      }
      return new CliProcess(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
