package dev.strata.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Keeps the failure analyses Spring Boot reports when an application of these tests fails to
 * start, so that a test asserts on the report instead of printing it (registered in the tests'
 * META-INF/spring.factories).
 */
public final class RecordingFailureAnalysisReporter implements FailureAnalysisReporter {
  private static final List<FailureAnalysis> REPORTED = new CopyOnWriteArrayList<>();

  @Override
  public void report(FailureAnalysis analysis) {
    REPORTED.add(analysis);
  }

  /** What has been reported since the last call, and forgets it. */
  static List<FailureAnalysis> drain() {
    List<FailureAnalysis> reported = List.copyOf(REPORTED);
    REPORTED.clear();
    return reported;
  }
}
