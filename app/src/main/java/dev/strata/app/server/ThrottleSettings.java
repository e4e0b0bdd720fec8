package dev.strata.app.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast each account may call the server: a token bucket that refills at {@code
 * requestsPerSecond} and holds at most {@code burst} requests. {@link #off()} (both zero) turns
 * throttling off, and is the default.
 *
 * @param requestsPerSecond the refill rate, 1 to 1,000,000,000; 0 only when off
 * @param burst the bucket's capacity, the requests an idle account may make at once; at least 1,
 *     0 only when off
 */
public record ThrottleSettings(int requestsPerSecond, int burst) {
  /** The highest rate a bucket can refill at: one request per nanosecond. */
  public static final int MAX_RATE = 1_000_000_000;

  private static final ThrottleSettings OFF = new ThrottleSettings(0, 0);
  private static final Pattern RATE_OR_RATE_SLASH_BURST = Pattern.compile("(\\d+)(?:/(\\d+))?");

  /** @throws IllegalArgumentException when the pair is neither off nor a valid rate and burst */
  public ThrottleSettings {
    if (requestsPerSecond != 0 || burst != 0) {
      check(requestsPerSecond, burst);
    }
  }

  private static void check(int requestsPerSecond, int burst) {
    if (requestsPerSecond < 1 || requestsPerSecond > MAX_RATE) {
      throw new IllegalArgumentException(
          "the rate must be 1 to " + MAX_RATE + " requests per second, not " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("the burst must be at least 1 request, not " + burst);
    }
  }

  /** No throttling: every request is granted. */
  public static ThrottleSettings off() {
    return OFF;
  }

  /** Whether these settings grant every request. */
  public boolean isOff() {
    return requestsPerSecond == 0;
  }

  /**
   * Reads the value of {@code --throttle}: {@code off}, {@code RATE} (a burst of as many requests
   * as the rate) or {@code RATE/BURST}, both whole numbers of requests.
   *
   * @throws IllegalArgumentException naming {@code --throttle}, the text, and what is wrong with it
   */
  public static ThrottleSettings parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.equals("off")) {
      return off();
    }
    Matcher m = RATE_OR_RATE_SLASH_BURST.matcher(value);
    if (!m.matches()) {
      throw bad(text, "expected off, RATE or RATE/BURST in requests per second, e.g. 10 or 10/50");
    }
    try {
      int rate = count(m.group(1));
      int burst = m.group(2) == null ? rate : count(m.group(2));
      check(rate, burst);
      return new ThrottleSettings(rate, burst);
    } catch (IllegalArgumentException e) {
      throw bad(text, e.getMessage());
    }
  }

  private static int count(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(digits + " is too large");
    }
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("--throttle: '" + text + "': " + why);
  }

  @Override
  public String toString() {
    return isOff() ? "off" : requestsPerSecond + "/" + burst;
  }
}
