package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountThrottleTest {
  private static final String ALICE = "111111111111";
  private static final String BOB = "222222222222";
  private static final String CAROL = "333333333333";

  private final AtomicLong nanos = new AtomicLong(42);

  private AccountThrottle throttle(int rate, int burst, int maxAccounts) {
    return AccountThrottle.of(new ThrottleSettings(rate, burst), nanos::get, maxAccounts);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  private static int grants(AccountThrottle throttle, String account, int attempts) {
    int granted = 0;
    for (int i = 0; i < attempts; i++) {
      if (throttle.tryAcquire(account)) {
        granted++;
      }
    }
    return granted;
  }

  @Test
  void a_fresh_account_is_granted_its_burst_and_then_refused() {
    AccountThrottle throttle = throttle(1, 5, 10);
    assertEquals(5, grants(throttle, ALICE, 5));
    assertFalse(throttle.tryAcquire(ALICE));
  }

  @Test
  void a_drained_bucket_refills_at_the_configured_rate_up_to_the_burst() {
    AccountThrottle throttle = throttle(4, 2, 10);
    assertEquals(2, grants(throttle, ALICE, 10));

    advance(Duration.ofMillis(249));
    assertFalse(throttle.tryAcquire(ALICE));
    advance(Duration.ofMillis(1));
    assertEquals(1, grants(throttle, ALICE, 10));

    advance(Duration.ofSeconds(10));
    assertEquals(2, grants(throttle, ALICE, 10));
  }

  @Test
  void one_accounts_exhaustion_does_not_throttle_another() {
    AccountThrottle throttle = throttle(1, 3, 10);
    assertEquals(3, grants(throttle, ALICE, 10));
    assertFalse(throttle.tryAcquire(ALICE));
    assertEquals(3, grants(throttle, BOB, 10));
  }

  @Test
  void off_never_throttles() {
    AccountThrottle throttle = AccountThrottle.off();
    assertEquals(100_000, grants(throttle, ALICE, 100_000));
    assertTrue(throttle.settings().isOff());
    assertSame(throttle, AccountThrottle.of(ThrottleSettings.off()));
  }

  @Test
  void many_threads_on_one_account_are_granted_exactly_the_burst_while_time_stands_still()
      throws Exception {
    int burst = 37;
    AccountThrottle throttle = throttle(5, burst, 10);
    assertEquals(burst, hammer(throttle, 16, 1_000));

    advance(Duration.ofSeconds(2));
    assertEquals(10, hammer(throttle, 16, 1_000));
  }

  private static int hammer(AccountThrottle throttle, int threads, int attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counts.add(
            pool.submit(
                () -> {
                  start.await();
                  return grants(throttle, ALICE, attempts);
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> count : counts) {
        total += count.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_full_bucket_is_forgotten_first_when_the_cap_is_reached() {
    AccountThrottle throttle = throttle(1, 2, 2);
    assertEquals(2, grants(throttle, ALICE, 2));
    assertTrue(throttle.tryAcquire(BOB));
    advance(Duration.ofSeconds(1));

    assertTrue(throttle.tryAcquire(CAROL));

    assertEquals(2, throttle.remembered());
    assertEquals(1, grants(throttle, ALICE, 10));
  }

  @Test
  void the_cap_holds_when_every_remembered_bucket_is_drained() {
    AccountThrottle throttle = throttle(1, 1, 2);
    for (String account : List.of(ALICE, BOB, CAROL)) {
      assertTrue(throttle.tryAcquire(account));
    }
    assertEquals(2, throttle.remembered());
  }

  @ParameterizedTest
  @CsvSource({"10, 10, 10", "10/50, 10, 50", "' 3/1 ', 3, 1", "1000000000/1, 1000000000, 1"})
  void the_parser_reads_a_rate_alone_as_rate_and_burst_and_a_pair_as_rate_slash_burst(
      String text, int rate, int burst) {
    assertEquals(new ThrottleSettings(rate, burst), ThrottleSettings.parse(text));
  }

  @Test
  void the_parser_reads_off_as_off() {
    assertSame(ThrottleSettings.off(), ThrottleSettings.parse("off"));
    assertEquals("off", ThrottleSettings.off().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "10/", "/5", "-1", "1.5", "10/5/2", "10 / 5"})
  void the_parser_refuses_text_that_is_not_a_rate_or_rate_slash_burst(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ThrottleSettings.parse(text));
    assertEquals(
        "--throttle: '" + text
            + "': expected off, RATE or RATE/BURST in requests per second, e.g. 10 or 10/50",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|the rate must be 1 to 1000000000 requests per second, not 0",
        "0/5|the rate must be 1 to 1000000000 requests per second, not 0",
        "1000000001|the rate must be 1 to 1000000000 requests per second, not 1000000001",
        "10/0|the burst must be at least 1 request, not 0",
        "99999999999|99999999999 is too large",
        "10/99999999999|99999999999 is too large"
      })
  void the_parser_refuses_a_rate_or_burst_out_of_range_saying_which(String text, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ThrottleSettings.parse(text));
    assertEquals("--throttle: '" + text + "': " + why, e.getMessage());
  }
}
