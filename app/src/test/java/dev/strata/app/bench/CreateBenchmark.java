package dev.strata.app.bench;

import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.Wiring;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.Strata;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process CreateProvisionedModelThroughput on the in-memory default, against a baseline that
 * stores an equivalent record in a {@link ConcurrentHashMap}: the ratio of the two is what the
 * validation, the domain rules and the in-memory adapters cost on top of storing the result.
 *
 * <p>Every invocation creates a new provisioned throughput under a new name (and, with a token, a
 * new token), so nothing is replayed; every quota ledger is unlimited so that none fills up. Each
 * iteration starts from an empty Strata (or map), so memory stays bounded by one iteration's work.
 * Run with {@code mvn -B -Pbench -DskipTests verify}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CreateBenchmark {
  static final String MODEL = "amazon.nova-lite-v1:0:24k";
  static final String MODEL_ARN = "arn:aws:bedrock:us-east-1::foundation-model/" + MODEL;
  static final String ARN_PREFIX = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/";
  static final List<RequestTag> TAGS =
      List.of(RequestTag.of("team", "ml"), RequestTag.of("env", "bench"));

  /** A fresh in-memory Strata per iteration, with room for every create. */
  @State(Scope.Thread)
  public static class Service {
    /** Keeps Hibernate Validator's INFO banner out of the JMH table; JUL holds loggers weakly. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

    private static final StrataConfiguration UNLIMITED = unlimited();

    static {
      VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    Strata strata;
    long next;

    private static StrataConfiguration unlimited() {
      StrataConfiguration c = StrataConfiguration.defaults();
      for (QuotaLedger ledger : QuotaLedger.values()) {
        c = c.withQuotaLimit(ledger, Long.MAX_VALUE);
      }
      return c;
    }

    @Setup(Level.Iteration)
    public void fresh() {
      strata = Wiring.strata(UNLIMITED);
      next = 0;
    }

    String nextName() {
      return "bench-" + next++;
    }
  }

  @Benchmark
  public ProvisionedModelArn create_without_token(Service s) {
    return s.strata
        .createProvisionedModelThroughput(
            new CreateProvisionedModelThroughputCommand(null, 1, s.nextName(), MODEL, null, TAGS))
        .get();
  }

  @Benchmark
  public ProvisionedModelArn create_with_token(Service s) {
    String name = s.nextName();
    return s.strata
        .createProvisionedModelThroughput(
            new CreateProvisionedModelThroughputCommand(
                "token-" + name, 1, name, MODEL, null, TAGS))
        .get();
  }

  /** What a provisioned throughput holds, as plain fields. */
  record Stored(
      String provisionedModelArn,
      String provisionedModelName,
      int modelUnits,
      String modelArn,
      String status,
      Instant creationTime,
      Instant lastModifiedTime,
      List<RequestTag> tags) {}

  /** A fresh map per iteration. */
  @State(Scope.Thread)
  public static class Baseline {
    final Clock clock = Clock.systemUTC();
    Map<String, Stored> map;
    long next;

    @Setup(Level.Iteration)
    public void fresh() {
      map = new ConcurrentHashMap<>();
      next = 0;
    }
  }

  @Benchmark
  public Stored baseline_concurrent_hash_map_put(Baseline b) {
    String name = "bench-" + b.next++;
    Instant now = b.clock.instant();
    Stored stored = new Stored(ARN_PREFIX + name, name, 1, MODEL_ARN, "InService", now, now, TAGS);
    b.map.put(name, stored);
    return stored;
  }
}
