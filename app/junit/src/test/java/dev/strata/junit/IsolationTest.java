package dev.strata.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;

/**
 * What one test leaves behind, another does not see: between methods of a class (reset), between
 * classes run in parallel (a server each), and in the JVM's system properties (restored).
 *
 * <p>The nested classes are run here on their own Jupiter engine; Surefire leaves nested classes
 * alone.
 */
class IsolationTest {
  /** Where each nested class's tests record what they saw. */
  static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

  /** Both parallel classes wait here, so a run that is not parallel fails instead of passing. */
  static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

  @Test
  void each_method_starts_from_an_empty_strata() {
    EngineExecutionResults results = run(ResetBetweenMethods.class);
    assertEquals(2, results.testEvents().succeeded().count(), () -> failures(results));
    assertEquals(List.of("first saw []", "second saw []"), SEEN.get("reset"));
  }

  @Test
  void without_reset_a_method_sees_what_the_one_before_it_created() {
    EngineExecutionResults results = run(NoResetBetweenMethods.class);
    assertEquals(2, results.testEvents().succeeded().count(), () -> failures(results));
    assertEquals(List.of("first saw []", "second saw [first]"), SEEN.get("no-reset"));
  }

  @Test
  void classes_run_in_parallel_each_get_their_own_server_and_state() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
            .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class))
            .execute();
    assertEquals(2, results.testEvents().succeeded().count(), () -> failures(results));
    List<String> a = SEEN.get("A");
    List<String> b = SEEN.get("B");
    assertNotEquals(a.get(0), b.get(0), "the two classes shared an endpoint");
    assertEquals("saw [shared-name]", a.get(1));
    assertEquals("saw [shared-name]", b.get(1));
  }

  @Test
  void a_server_per_method_gives_each_method_its_own_endpoint() {
    EngineExecutionResults results = run(ServerPerMethod.class);
    assertEquals(2, results.testEvents().succeeded().count(), () -> failures(results));
    List<String> endpoints = SEEN.get("per-method");
    assertEquals(2, endpoints.size());
    assertNotEquals(endpoints.get(0), endpoints.get(1));
  }

  @Test
  void the_redirected_system_properties_are_restored_after_the_class() {
    String before = "http://127.0.0.1:1";
    System.setProperty(SdkRedirect.ENDPOINT, before);
    try {
      assertNull(System.getProperty(SdkRedirect.SECRET_ACCESS_KEY));
      EngineExecutionResults results = run(RedirectsTheSdk.class);
      assertEquals(1, results.testEvents().succeeded().count(), () -> failures(results));
      assertEquals(List.of("redirected to the server: true"), SEEN.get("redirect"));
      assertEquals(before, System.getProperty(SdkRedirect.ENDPOINT));
      assertNull(System.getProperty(SdkRedirect.SECRET_ACCESS_KEY));
      assertNull(System.getProperty(SdkRedirect.ACCESS_KEY_ID));
    } finally {
      System.clearProperty(SdkRedirect.ENDPOINT);
    }
  }

  @Test
  void a_bad_annotation_attribute_fails_the_class_naming_the_attribute() {
    EngineExecutionResults results = run(BadTransitions.class);
    Throwable cause =
        results.containerEvents().failed().stream()
            .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
            .map(r -> r.getThrowable().orElseThrow())
            .findFirst()
            .orElseThrow();
    assertEquals(
        "@StrataTest(transitions) 'eventually' is not one of immediate, manual, after-reads:N or"
            + " after-duration:<ISO-8601 duration>",
        cause.getMessage());
    assertFalse(results.testEvents().succeeded().count() > 0);
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static String failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(Event::toString)
        .collect(Collectors.joining("\n"));
  }

  static void record(String key, String line) {
    SEEN.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(line);
  }

  static List<String> names(BedrockClient bedrock) {
    return bedrock.listProvisionedModelThroughputs(r -> r.maxResults(100)).provisionedModelSummaries().stream()
        .map(ProvisionedModelSummary::provisionedModelName)
        .collect(Collectors.toList());
  }

  static void create(BedrockClient bedrock, String name) {
    bedrock.createProvisionedModelThroughput(
        r -> r.provisionedModelName(name).modelId("amazon.nova-lite-v1:0:24k").modelUnits(1));
  }

  /** Records what each of two tests, run in order, sees before it creates one more. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class TwoTestsInOrder {
    abstract String key();

    @Test
    @Order(1)
    void first(BedrockClient bedrock) {
      record(key(), "first saw " + names(bedrock));
      create(bedrock, "first");
    }

    @Test
    @Order(2)
    void second(BedrockClient bedrock) {
      record(key(), "second saw " + names(bedrock));
      create(bedrock, "second");
    }
  }

  @StrataTest
  static class ResetBetweenMethods extends TwoTestsInOrder {
    @Override
    String key() {
      return "reset";
    }
  }

  @StrataTest(resetBeforeEach = false)
  static class NoResetBetweenMethods extends TwoTestsInOrder {
    @Override
    String key() {
      return "no-reset";
    }
  }

  /** Creates the same name as {@link ParallelB} at the same time: shared state would refuse one. */
  abstract static class ParallelClass {
    void createTheSharedName(String key, URI endpoint, BedrockClient bedrock) throws Exception {
      record(key, endpoint.toString());
      BOTH_RUNNING.await(20, TimeUnit.SECONDS);
      create(bedrock, "shared-name");
      BOTH_RUNNING.await(20, TimeUnit.SECONDS);
      record(key, "saw " + names(bedrock));
    }
  }

  @StrataTest
  static class ParallelA extends ParallelClass {
    @Test
    void creates(URI endpoint, BedrockClient bedrock) throws Exception {
      createTheSharedName("A", endpoint, bedrock);
    }
  }

  @StrataTest
  static class ParallelB extends ParallelClass {
    @Test
    void creates(URI endpoint, BedrockClient bedrock) throws Exception {
      createTheSharedName("B", endpoint, bedrock);
    }
  }

  @StrataTest(server = ServerLifecycle.PER_METHOD)
  static class ServerPerMethod {
    @AfterEach
    void each_server_is_still_up_after_its_test(BedrockClient bedrock) {
      assertTrue(names(bedrock).contains("mine"));
    }

    @Test
    void one(URI endpoint, BedrockClient bedrock) {
      record("per-method", endpoint.toString());
      create(bedrock, "mine");
    }

    @Test
    void two(URI endpoint, BedrockClient bedrock) {
      record("per-method", endpoint.toString());
      create(bedrock, "mine");
    }
  }

  @StrataTest(redirectSdk = true)
  static class RedirectsTheSdk {
    @Test
    void code_that_builds_its_own_client_reaches_the_server(BedrockClient injected) {
      try (BedrockClient own = BedrockClient.create()) {
        create(own, "made-by-own-client");
      }
      record("redirect", "redirected to the server: " + names(injected).contains("made-by-own-client"));
    }
  }

  @StrataTest(transitions = "eventually")
  static class BadTransitions {
    @Test
    void never_runs() {}
  }
}
