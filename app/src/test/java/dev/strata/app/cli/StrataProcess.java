package dev.strata.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code strata ARGS} in a JVM of its own, on this test JVM's class path, as a user runs
 * it: its exit code and what it wrote to stdout and stderr. The environment is this JVM's without
 * any {@code STRATA_} variable, plus the ones given. A run still going after a minute is killed.
 */
record StrataProcess(int exitCode, String out, String err) {

  static StrataProcess run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("strata-run", ".out");
    Path err = Files.createTempFile("strata-run", ".err");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  StrataCli.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("strata " + String.join(" ", args) + " ran over a minute");
      }
      return new StrataProcess(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The lines written to stderr. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
