package dev.strata.app.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of the JDK server's exchanges: a fixed number of worker threads behind a bounded
 * queue, and a few shedding threads for the overflow.
 *
 * <p>The JDK server hands every request to {@link #execute(Runnable)} as one task that reads the
 * request and then calls the handler. A task runs on a worker, or waits in the queue for one. When
 * every worker is busy and the queue is full, the task runs on a shedding thread instead, where
 * {@link #onSheddingThread()} tells the handler to answer {@code 503} at once, without calling
 * Strata. When the shedding threads and their queue are full too, {@code execute} throws {@link
 * RejectedExecutionException}, on which the JDK server closes the connection.
 *
 * <p>There are {@link #sheddingThreads(int) min(workers, 4)} shedding threads, with a queue as
 * long: answering 503 takes little time, but reading the request still waits for the client.
 */
final class SheddingExecutor implements Executor {
  /** The most shedding threads a server has. */
  static final int MAX_SHEDDING_THREADS = 4;

  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor shedders;

  /**
   * @param threads how many worker threads handle requests at once
   * @param queue how many more requests may wait for a worker; 0 for none
   */
  SheddingExecutor(int threads, int queue) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue must not be negative, not " + queue);
    }
    this.workers = pool(threads, queue, false);
    int shedding = sheddingThreads(threads);
    this.shedders = pool(shedding, shedding, true);
  }

  /** How many shedding threads a server with {@code threads} workers has. */
  static int sheddingThreads(int threads) {
    return Math.min(threads, MAX_SHEDDING_THREADS);
  }

  /** Whether the calling thread is a shedding thread: its request must be answered with 503. */
  static boolean onSheddingThread() {
    return Thread.currentThread() instanceof SheddingThread;
  }

  /**
   * Runs {@code exchange} on a worker, else on a shedding thread.
   *
   * @throws RejectedExecutionException when both are full, or after {@link #shutdown()}
   */
  @Override
  public void execute(Runnable exchange) {
    try {
      workers.execute(exchange);
    } catch (RejectedExecutionException full) {
      if (workers.isShutdown()) {
        throw full;
      }
      shedders.execute(exchange);
    }
  }

  /**
   * How many requests run on workers, wait for one, run on shedding threads and wait for one, right
   * now; approximate while they change.
   */
  record Load(int working, int waiting, int shedding, int waitingToShed) {}

  Load load() {
    return new Load(
        workers.getActiveCount(),
        workers.getQueue().size(),
        shedders.getActiveCount(),
        shedders.getQueue().size());
  }

  /** Takes no more requests; those running or waiting still finish. */
  void shutdown() {
    workers.shutdown();
    shedders.shutdown();
  }

  /** Waits up to {@code timeout} for the threads to end after {@link #shutdown()}; true if so. */
  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    return workers.awaitTermination(timeout, unit)
        && shedders.awaitTermination(
            Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Interrupts every thread and drops the requests still waiting. */
  void shutdownNow() {
    workers.shutdownNow();
    shedders.shutdownNow();
  }

  private static ThreadPoolExecutor pool(int threads, int queue, boolean shedding) {
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    String prefix = shedding ? "strata-http-shed-" : "strata-http-";
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        waiting,
        task -> {
          String name = prefix + count.incrementAndGet();
          Thread t = shedding ? new SheddingThread(task, name) : new Thread(task, name);
          t.setDaemon(false);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** A thread of the shedding pool, recognised by its class. */
  private static final class SheddingThread extends Thread {
    SheddingThread(Runnable task, String name) {
      super(task, name);
    }
  }
}
