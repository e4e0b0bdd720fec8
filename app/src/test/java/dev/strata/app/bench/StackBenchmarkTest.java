package dev.strata.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack comparison runs end to end, briefly: both servers start, answer under load and are measured. */
class StackBenchmarkTest {
  @Test
  void theStackComparisonStartsLoadsAndMeasuresBothStacksAndWritesItsTable(@TempDir Path target)
      throws Exception {
    String report =
        StackBenchmark.run(
            Map.of(
                "target-dir", target.toString(),
                "launcher", Path.of("src/launcher/strata").toAbsolutePath().toString(),
                "startup-runs", "1",
                "rounds", "1",
                "warmup", "1",
                "measure", "1",
                "connections", "2"));

    assertTrue(report.contains("| JDK com.sun.net.httpserver | "), report);
    assertTrue(report.contains("| Jetty 12.0 (core API) | "), report);
    assertTrue(report.contains("| Jetty 12.0 (core API) / JDK | "), report);
    assertTrue(report.contains("-XX:+UseSerialGC"), report);
    assertEquals(report, Files.readString(target.resolve("stackbench-result.txt")));
  }
}
