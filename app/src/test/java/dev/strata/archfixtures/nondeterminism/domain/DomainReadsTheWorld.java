package dev.strata.archfixtures.nondeterminism.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Violations, one banned clock read or source of randomness per class. */
public final class DomainReadsTheWorld {
  private DomainReadsTheWorld() {}

  public static final class ReadsInstantNow {
    Object read() {
      return Instant.now();
    }
  }

  public static final class ReadsLocalDateTimeNow {
    Object read() {
      return LocalDateTime.now();
    }
  }

  public static final class ReadsLocalDateNow {
    Object read() {
      return LocalDate.now();
    }
  }

  public static final class ReadsZonedDateTimeNow {
    Object read() {
      return ZonedDateTime.now();
    }
  }

  public static final class ReadsOffsetDateTimeNow {
    Object read() {
      return OffsetDateTime.now();
    }
  }

  public static final class TakesTheUtcSystemClock {
    Object read() {
      return Clock.systemUTC();
    }
  }

  public static final class TakesTheDefaultZoneSystemClock {
    Object read() {
      return Clock.systemDefaultZone();
    }
  }

  public static final class DrawsRandomUuid {
    Object read() {
      return UUID.randomUUID();
    }
  }

  public static final class ReadsCurrentTimeMillis {
    long read() {
      return System.currentTimeMillis();
    }
  }

  public static final class ReadsNanoTime {
    long read() {
      return System.nanoTime();
    }
  }

  public static final class CallsMathRandom {
    double read() {
      return Math.random();
    }
  }

  public static final class UsesJavaUtilRandom {
    int read() {
      return new Random(1).nextInt();
    }
  }

  public static final class UsesSecureRandom {
    int read() {
      return new SecureRandom().nextInt();
    }
  }

  public static final class UsesThreadLocalRandom {
    int read() {
      return ThreadLocalRandom.current().nextInt();
    }
  }

  public static final class UsesSplittableRandom {
    int read() {
      return new SplittableRandom(1).nextInt();
    }
  }
}
