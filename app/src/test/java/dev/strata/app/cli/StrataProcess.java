package dev.strata.app.cli;

import dev.strata.app.clients.ExternalClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code strata ARGS} in a JVM of its own, on this test JVM's class path, as a user runs
 * it: its exit code and what it wrote to stdout and stderr. The environment is {@link
 * ExternalClient}'s, without any {@code STRATA_} or {@code AWS_} variable, plus the ones given.
 */
record StrataProcess(int exitCode, String out, String err) {

  static StrataProcess run(Map<String, String> environment, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StrataCli.class.getName()));
    command.addAll(List.of(args));
    ExternalClient.Run run = ExternalClient.run(command, environment, null);
    return new StrataProcess(run.exitCode(), run.out(), run.err());
  }

  /** The lines written to stderr. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
