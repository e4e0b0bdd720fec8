package dev.strata.app.server;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per account, for the server to answer {@value #STATUS} {@value #ERROR_TYPE}
 * ("{@value #MESSAGE}") when an account calls faster than its {@link ThrottleSettings} allow. The
 * AWS SDKs retry that answer with backoff.
 *
 * <p>A bucket starts full, with {@code burst} requests, and refills continuously at {@code
 * requestsPerSecond} up to {@code burst}. Buckets are created on an account's first request and
 * are lock-free: any number of threads may call {@link #tryAcquire} at once, and while its bucket
 * is remembered an account is granted at most {@code burst + requestsPerSecond × elapsed seconds}
 * requests.
 *
 * <p>At most {@code maxAccounts} buckets are remembered. When a new account would exceed that, the
 * buckets that have refilled to capacity are forgotten, which changes nothing because a new bucket
 * starts full; if none has, one arbitrary bucket is forgotten and its account starts over with a
 * full burst. Accounts come from the configured credentials, so a caller cannot mint them to grow
 * the map or to reset its own bucket; the cap only keeps memory bounded whatever the configuration.
 */
public final class AccountThrottle {
  /** The HTTP status of a throttled request. */
  public static final int STATUS = 429;

  /** The {@code x-amzn-ErrorType} of a throttled request. */
  public static final String ERROR_TYPE = "ThrottlingException";

  /** The message of a throttled request, worded as AWS control planes word it. */
  public static final String MESSAGE = "Rate exceeded";

  /** The buckets remembered by {@link #of(ThrottleSettings)}. */
  public static final int DEFAULT_MAX_ACCOUNTS = 10_000;

  private static final AccountThrottle OFF =
      new AccountThrottle(ThrottleSettings.off(), System::nanoTime, 1);

  private final ThrottleSettings settings;
  private final TimeMeter time;
  private final int maxAccounts;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private AccountThrottle(ThrottleSettings settings, LongSupplier nanoTime, int maxAccounts) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.time = monotonic(Objects.requireNonNull(nanoTime, "nanoTime"));
    if (maxAccounts < 1) {
      throw new IllegalArgumentException("maxAccounts must be at least 1, not " + maxAccounts);
    }
    this.maxAccounts = maxAccounts;
  }

  /** A throttle that grants every request. */
  public static AccountThrottle off() {
    return OFF;
  }

  /** A throttle with these settings on {@link System#nanoTime()}; {@link #off()} when they are off. */
  public static AccountThrottle of(ThrottleSettings settings) {
    return of(settings, System::nanoTime, DEFAULT_MAX_ACCOUNTS);
  }

  /**
   * A throttle with these settings, reading time in nanoseconds from {@code nanoTime} (differences
   * only, as with {@link System#nanoTime()}) and remembering at most {@code maxAccounts} buckets.
   */
  static AccountThrottle of(ThrottleSettings settings, LongSupplier nanoTime, int maxAccounts) {
    return settings.isOff() ? OFF : new AccountThrottle(settings, nanoTime, maxAccounts);
  }

  /**
   * Takes one request from {@code account}'s bucket.
   *
   * @param account the caller's 12-digit AWS account id
   * @return whether the request may proceed; {@code false} means answer {@value #STATUS}
   */
  public boolean tryAcquire(String account) {
    Objects.requireNonNull(account, "account");
    if (settings.isOff()) {
      return true;
    }
    Bucket bucket = buckets.get(account);
    return (bucket == null ? admit(account) : bucket).tryConsume(1);
  }

  /** The settings this throttle enforces. */
  public ThrottleSettings settings() {
    return settings;
  }

  int remembered() {
    return buckets.size();
  }

  private synchronized Bucket admit(String account) {
    Bucket known = buckets.get(account);
    if (known != null) {
      return known;
    }
    if (buckets.size() >= maxAccounts) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= settings.burst());
    }
    if (buckets.size() >= maxAccounts) {
      buckets.remove(buckets.keys().nextElement());
    }
    Bucket fresh =
        Bucket.builder()
            .addLimit(
                limit ->
                    limit
                        .capacity(settings.burst())
                        .refillGreedy(settings.requestsPerSecond(), Duration.ofSeconds(1)))
            .withCustomTimePrecision(time)
            .withSynchronizationStrategy(SynchronizationStrategy.LOCK_FREE)
            .build();
    buckets.put(account, fresh);
    return fresh;
  }

  private static TimeMeter monotonic(LongSupplier nanoTime) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanoTime.getAsLong();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }
}
