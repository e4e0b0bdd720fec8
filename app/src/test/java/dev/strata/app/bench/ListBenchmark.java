package dev.strata.app.bench;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the first page of 100 of ListProvisionedModelThroughputs (default order, no filters)
 * through the service, from 1,000 and from 1,000,000 provisioned throughputs. Keyset paging should
 * make the two cost about the same.
 *
 * <p>The warm-up and measurement settings are the annotations' because the bench profile passes
 * {@code bench.args} to JMH as one argument: {@code -Dbench.args=ListBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ListBenchmark {
  private static final ListProvisionedModelThroughputsCommand FIRST_PAGE_OF_100 =
      ListProvisionedModelThroughputsCommand.all().withMaxResults(100);

  @Param({"1000", "1000000"})
  public int provisionedThroughputs;

  private StrataService service;

  @Setup(Level.Trial)
  public void populate() {
    service =
        InMemoryStrata.builder()
            .clock(new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1)))
            .quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, Long.MAX_VALUE)
            .quota(QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS, Long.MAX_VALUE)
            .quota(QuotaLedger.COMMITTED_PER_MODEL, Long.MAX_VALUE)
            .build()
            .service();
    for (int i = 0; i < provisionedThroughputs; i++) {
      var created =
          service.createProvisionedModelThroughput(
              CreateProvisionedModelThroughputCommand.builder(
                      "pt-" + i, "amazon.nova-micro-v1:0:24k", 1)
                  .build());
      if (created.isLeft()) {
        throw new IllegalStateException("populating failed at " + i + ": " + created.getLeft());
      }
    }
    ProvisionedThroughputPage page = firstPage();
    if (page.provisionedModelSummaries().size() != 100 || page.nextToken().isEmpty()) {
      throw new IllegalStateException("the first page is not a full page of 100");
    }
  }

  @Benchmark
  public ProvisionedThroughputPage firstPage() {
    return service.listProvisionedModelThroughputs(FIRST_PAGE_OF_100).get();
  }

  /** A fixed clock that moves one step on every reading, so creation times differ. */
  static final class SteppingClock extends Clock {
    private final AtomicLong millis;
    private final long step;

    SteppingClock(Instant start, Duration step) {
      this.millis = new AtomicLong(start.toEpochMilli());
      this.step = step.toMillis();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndAdd(step));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
