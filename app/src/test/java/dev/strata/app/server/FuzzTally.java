package dev.strata.app.server;

import dev.strata.app.server.RawHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * What the tallies of {@link HttpFuzzTest} and {@link AuthenticationFuzzTest} share: the requests
 * sent, the outcomes counted, the violations both look for, and how a violation is reported (with
 * the seed and how to rerun it) and counts are shown.
 */
abstract class FuzzTally {
  final AtomicInteger sent = new AtomicInteger();
  final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  final List<String> hangs = Collections.synchronizedList(new ArrayList<>());
  final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
  final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
  final List<String> mutatingSuccesses = Collections.synchronizedList(new ArrayList<>());
  Duration elapsed = Duration.ZERO;

  private final long seed;
  private final String seedProperty;
  private final int shown;

  /**
   * @param seedProperty the system property that sets the campaign's seed
   * @param shown how many violations a report lists
   */
  FuzzTally(long seed, String seedProperty, int shown) {
    this.seed = seed;
    this.seedProperty = seedProperty;
    this.shown = shown;
  }

  /**
   * Runs one client a thread, {@code client.apply(thread)} for threads 0 to {@code threads - 1}, on
   * daemon threads named {@code threadName}, waits for them all, and sets {@link #elapsed}.
   */
  void runClients(int threads, String threadName, IntFunction<Callable<Void>> client) throws Exception {
    ExecutorService clients =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, threadName);
              thread.setDaemon(true);
              return thread;
            });
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        running.add(clients.submit(client.apply(i)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
    elapsed = Duration.ofNanos(System.nanoTime() - started);
  }

  String report(String what, List<String> violations) {
    synchronized (violations) {
      return violations.size() + " " + what + " (seed " + seed + "; rerun with -D" + seedProperty + "="
          + seed + "); the first " + Math.min(shown, violations.size()) + ":\n  "
          + violations.stream().limit(shown).collect(Collectors.joining("\n  "));
    }
  }

  /** "{@code <campaign>: seed <seed>, <n> requests in <ms> ms}", how both summaries start. */
  String summaryHead(String campaign) {
    return campaign + ": seed " + seed + ", " + sent.get() + " requests in " + elapsed.toMillis() + " ms";
  }

  static <K> void count(Map<K, LongAdder> counts, K key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** The response's error type, if any, and the start of its body, printable. */
  static String shown(Response r) {
    String type = r.header("x-amzn-ErrorType");
    return (type == null ? "" : type + " ") + RawHttp.printable(r.body(), 200);
  }

  /**
   * The counts sorted by key as text, each {@code key + equals + count}, joined by {@code
   * separator}; keys are {@link #escaped}, so hostile input never puts control bytes in the log.
   */
  static <K> String sortedCounts(Map<K, LongAdder> counts, String equals, String separator) {
    return new TreeMap<>(counts.entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> escaped(String.valueOf(e.getKey())), e -> e.getValue().sum(), Long::sum)))
        .entrySet().stream()
            .map(e -> e.getKey() + equals + e.getValue())
            .collect(Collectors.joining(separator));
  }

  /**
   * {@code text} with every character outside printable ASCII written as {@code \xNN} (up to 0xFF)
   * or {@code \\u} and four hex digits: a NUL in fuzz input must not make the build log a binary file.
   */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c <= '~') {
        out.append(c);
      } else if (c <= 0xff) {
        out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * Writes {@code tally}, the campaign's full tally, to {@code target/fuzz/CAMPAIGN.txt} of the
   * module, where a reader of the build log finds it; the path written.
   */
  static Path writeFullTally(String campaign, String tally) {
    Path file = Path.of("target", "fuzz", campaign + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, tally + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
