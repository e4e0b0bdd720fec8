package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.allPages;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.application.lifecycle.Lifecycle.Query;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers create and delete provisioned throughputs while a reader pages through the list: no
 * page repeats an item, and every item that existed for the whole read is listed exactly once.
 */
class ConcurrentPaginationTest {
  private static final int STABLE = 300;
  private static final int DOOMED = 60;
  private static final int WRITERS = 2;
  private static final int OPS_PER_WRITER = 600;
  private static final int PAGE = 5;

  private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

  @AfterEach
  void stop_threads() {
    threads.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Descending", "Ascending"})
  void a_reader_paging_through_concurrent_creates_and_deletes_sees_no_duplicate_and_misses_nothing_that_stayed(
      String order) throws Exception {
    StrataService service =
        strataOn(TestClock.ticking(T0, Duration.ofMillis(1)))
            .quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 1_000_000)
            .build()
            .service();
    Set<String> stable = new HashSet<>();
    ConcurrentLinkedQueue<String> doomed = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < STABLE + DOOMED; i++) {
      String arn = create(service, "pre-" + i, NOVA_MICRO).value();
      if (i % 6 == 5) {
        doomed.add(arn);
      } else {
        stable.add(arn);
      }
    }
    assertEquals(STABLE, stable.size());

    CountDownLatch firstPageRead = new CountDownLatch(1);
    Semaphore progress = new Semaphore(0);
    AtomicBoolean readerDone = new AtomicBoolean();
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          threads.submit(
              () -> {
                assertTrue(firstPageRead.await(10, TimeUnit.SECONDS), "the reader never started");
                int ops = 0;
                String previous = null;
                while (ops < OPS_PER_WRITER && !readerDone.get()) {
                  String created = create(service, "w" + writer + "-" + ops, NOVA_MICRO).value();
                  if (previous != null) {
                    ok(delete(service, previous));
                  }
                  previous = ops % 2 == 0 ? created : null;
                  String victim = ops % 3 == 0 ? doomed.poll() : null;
                  if (victim != null) {
                    ok(delete(service, victim));
                  }
                  ops++;
                  progress.release();
                }
                return ops;
              }));
    }

    List<ProvisionedThroughput> listed =
        allPages(
            service,
            Query.list().order(order),
            PAGE,
            10_000,
            pagesRead -> {
              firstPageRead.countDown();
              assertTrue(
                  awaitProgress(progress) || writersFinished(writers),
                  "the writers made no progress between pages");
            });
    readerDone.set(true);
    int writes = 0;
    for (Future<Integer> writer : writers) {
      writes += writer.get(30, TimeUnit.SECONDS);
    }

    List<String> arns = listed.stream().map(pt -> pt.provisionedModelArn().value()).toList();
    assertEquals(arns.size(), new HashSet<>(arns).size(), "an item was listed twice");
    for (String arn : stable) {
      assertEquals(1, arns.stream().filter(arn::equals).count(), () -> arn + " listed once");
    }
    for (int i = 1; i < listed.size(); i++) {
      int cmp = ListPosition.of(listed.get(i - 1)).compareTo(ListPosition.of(listed.get(i)));
      assertTrue(order.equals("Ascending") ? cmp < 0 : cmp > 0, "out of order at " + i);
    }
    assertTrue(writes > 0, "no writes interleaved with the read");
  }

  private static boolean awaitProgress(Semaphore progress) {
    try {
      return progress.tryAcquire(1, 10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean writersFinished(List<Future<Integer>> writers) {
    return writers.stream().allMatch(Future::isDone);
  }

  private static io.vavr.control.Either<dev.strata.domain.BedrockError, ProvisionedThroughput> delete(
      StrataService service, String arn) {
    return service.deleteProvisionedModelThroughput(new DeleteProvisionedModelThroughputCommand(arn));
  }
}
