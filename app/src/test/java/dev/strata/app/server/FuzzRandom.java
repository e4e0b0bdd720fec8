package dev.strata.app.server;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices of one client thread of a fuzz campaign ({@link FuzzRequests}, {@link
 * HostileAuthRequests}): a {@link SplittableRandom} seeded from the campaign's seed and the thread
 * number, and the picks both generators make from it. Every helper draws exactly one value from
 * the generator per pick (or one per byte), so a seed chooses the same requests in the same order.
 */
final class FuzzRandom {
  private final SplittableRandom rnd;

  FuzzRandom(long seed, int thread) {
    this.rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (thread + 1)));
  }

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  boolean nextBoolean() {
    return rnd.nextBoolean();
  }

  long nextLong() {
    return rnd.nextLong();
  }

  double nextDouble() {
    return rnd.nextDouble();
  }

  /** {@code n} random bytes. */
  byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) rnd.nextInt(256);
    }
    return b;
  }

  <T> T pick(List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  String pickOf(String... values) {
    return pick(values);
  }

  int pickInt(int... values) {
    return values[rnd.nextInt(values.length)];
  }
}
