package dev.strata.ports.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Races tasks on real threads: every thread is started and waits at one gate, which opens once all
 * are ready. Fails the test if the race does not finish within {@link #TIMEOUT_SECONDS}.
 */
public final class Concurrently {
  public static final long TIMEOUT_SECONDS = 30;

  /**
   * How many times a contract repeats a race, each on fresh keys: one race rarely hits a narrow
   * window, so a broken adapter is caught only over several.
   */
  public static final int ROUNDS = 20;

  private Concurrently() {}

  /** The results of {@code task.apply(0)} to {@code task.apply(threads - 1)}, in that order. */
  public static <T> List<T> race(int threads, IntFunction<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch gate = new CountDownLatch(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  return task.apply(index);
                }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(threads + " threads did not start within " + TIMEOUT_SECONDS + " s");
      }
      gate.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted", e);
    } catch (ExecutionException e) {
      return fail("a racing task failed", e.getCause());
    } catch (TimeoutException e) {
      return fail("the race did not finish within " + TIMEOUT_SECONDS + " s", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
