package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.driving.SavedState;
import dev.strata.domain.ProvisionedThroughput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@code serve --state} killed with SIGKILL in the middle of a load of Creates, three times over
 * one state file: whatever was acknowledged survives each crash. Each round sends up to {@value
 * #CREATES} Creates from {@value #THREADS} threads with the AWS SDK, and kills the process once a
 * random number of them (between 50 and 400, from a seed printed on failure) has been answered.
 */
class ServeStateCrashTest {
  private static final int CREATES = 500;
  private static final int THREADS = 8;
  private static final int ROUNDS = 3;
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  /**
   * Room for every Create of every round (at most 3 x 500 x 2 units): with the default 1,000 units
   * a round after two long ones could be refused whole, and acknowledge nothing to check.
   */
  private static final String ROOMY_QUOTA = "L-FE44174A=10000";

  @TempDir Path dir;

  /** One acknowledged Create: its ARN and what it was asked for. */
  private record Acknowledged(String arn, String name, String token, int units) {}

  @Test
  void every_acknowledged_create_survives_kill_minus_9_at_three_random_moments_with_its_tags_and_units()
      throws Exception {
    Path state = dir.resolve("crash.db");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      int killAfter = 50 + random.nextInt(351);
      try (ServeProcess serve = ServeProcess.start(Map.of(), "--state", state.toString(), "--audit-log", "off", "--quota", ROOMY_QUOTA)) {
        load(serve, round, killAfter, acknowledged);
        serve.kill();
      }
      try (ServeProcess restarted = ServeProcess.start(Map.of(), "--state", state.toString(), "--audit-log", "off", "--quota", ROOMY_QUOTA)) {
        String context = "seed " + seed + ", round " + round + ", killed after " + killAfter;
        assertSurvived(state, acknowledged, context);
        assertTokensReplayTheirArns(restarted, acknowledged, round, context);
      }
    }
  }

  /** Sends Creates until {@value #CREATES} were sent or the process is gone; kills it after {@code killAfter} answers. */
  private static void load(ServeProcess serve, int round, int killAfter, Map<String, Acknowledged> acknowledged)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (BedrockClient bedrock = serve.bedrock()) {
      for (int t = 0; t < THREADS; t++) {
        pool.submit(
            () -> {
              for (int i = next.getAndIncrement(); i < CREATES; i = next.getAndIncrement()) {
                String name = "r" + round + "-" + i;
                int units = 1 + i % 2;
                CreateProvisionedModelThroughputResponse created;
                try {
                  created =
                      bedrock.createProvisionedModelThroughput(
                          r -> r.provisionedModelName(name).modelId(MODEL).modelUnits(units)
                              .clientRequestToken("token-" + name)
                              .tags(Tag.builder().key("name").value(name).build()));
                } catch (RuntimeException killed) {
                  return null;
                }
                acknowledged.put(name, new Acknowledged(created.provisionedModelArn(), name, "token-" + name, units));
                if (answered.incrementAndGet() == killAfter) {
                  serve.kill();
                }
              }
              return null;
            });
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the load did not end");
    }
  }

  private static void assertSurvived(Path state, Map<String, Acknowledged> acknowledged, String context)
      throws Exception {
    SavedState saved = StateFileDocument.export(state);
    Map<String, ProvisionedThroughput> byArn = new HashMap<>();
    Set<String> names = new HashSet<>();
    long units = 0;
    for (ProvisionedThroughput pt : saved.provisionedThroughputs()) {
      assertEquals(null, byArn.put(pt.provisionedModelArn().value(), pt), context + ": ARN twice");
      assertTrue(names.add(pt.provisionedModelName().value()), context + ": name twice");
      units += pt.quotaCharge().units().value();
    }
    for (Acknowledged a : acknowledged.values()) {
      ProvisionedThroughput pt = byArn.get(a.arn());
      assertTrue(pt != null, context + ": acknowledged " + a + " is gone");
      assertEquals(a.name(), pt.provisionedModelName().value(), context);
      assertEquals(a.token(), pt.clientRequestToken().orElseThrow().value(), context);
      assertEquals(a.units(), pt.modelUnits().value(), context);
      assertEquals(
          List.of("name=" + a.name()),
          pt.tags().asList().map(t -> t.key().value() + "=" + t.value().value()).asJava(),
          context);
    }
    assertTrue(saved.idsMinted() >= byArn.size(), context + ": fewer ids minted than stored");
    assertEquals(units, StateFileDocument.unitsHeld(state), context + ": the ledgers hold other units than the records");
  }

  /** Every Create of the round acknowledged before the crash, sent again: the original ARN, nothing new. */
  private static void assertTokensReplayTheirArns(
      ServeProcess restarted, Map<String, Acknowledged> acknowledged, int round, String context) {
    List<Acknowledged> ofRound =
        acknowledged.values().stream().filter(a -> a.name().startsWith("r" + round + "-")).collect(Collectors.toCollection(ArrayList::new));
    assertTrue(!ofRound.isEmpty(), context);
    try (BedrockClient bedrock = restarted.bedrock()) {
      for (Acknowledged a : ofRound.subList(0, Math.min(20, ofRound.size()))) {
        String replayed =
            bedrock.createProvisionedModelThroughput(
                    r -> r.provisionedModelName(a.name()).modelId(MODEL).modelUnits(a.units())
                        .clientRequestToken(a.token())
                        .tags(Tag.builder().key("name").value(a.name()).build()))
                .provisionedModelArn();
        assertEquals(a.arn(), replayed, context + ": token " + a.token());
      }
    }
  }
}
