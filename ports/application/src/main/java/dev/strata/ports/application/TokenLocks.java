package dev.strata.ports.application;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises Creates that share a client request token within this process, so that concurrent
 * retries resolve to one provisioned throughput without contending for quota among themselves.
 * Across processes the repository's atomic token claim still decides.
 */
final class TokenLocks {
  private static final int STRIPES = 64;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  TokenLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  <T> T withLock(Object key, Supplier<T> body) {
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
