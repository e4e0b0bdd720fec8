package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers read from AWS through {@link AwsClients}' clients, kept for a bounded time to live by an
 * injected {@link Clock}. Only successful answers are kept (a "none" is an answer); failures are
 * never cached, so the next call asks AWS again. Bounded in size too: once {@link #maxEntries} is
 * passed, expired answers are dropped, and if that is not enough, all of them.
 *
 * <p>Thread-safe. Two callers missing the same key at once may both ask AWS; the later answer wins.
 */
final class AwsClientsCache<K, V> {
  static final int DEFAULT_MAX_ENTRIES = 10_000;

  private record Entry<V>(V value, Instant expires) {}

  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  AwsClientsCache(Clock clock, Duration ttl) {
    this(clock, ttl, DEFAULT_MAX_ENTRIES);
  }

  AwsClientsCache(Clock clock, Duration ttl, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("ttl " + ttl + ", maxEntries " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /** The kept answer for {@code key} if it is still fresh, else {@code load}'s, kept if right. */
  Either<BedrockError, V> get(K key, Supplier<Either<BedrockError, V>> load) {
    Instant now = clock.instant();
    Entry<V> kept = entries.get(key);
    if (kept != null && now.isBefore(kept.expires())) {
      return Either.right(kept.value());
    }
    Either<BedrockError, V> loaded = load.get();
    loaded.forEach(value -> keep(key, value, now));
    return loaded;
  }

  private void keep(K key, V value, Instant now) {
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry<>(value, now.plus(ttl)));
  }
}
