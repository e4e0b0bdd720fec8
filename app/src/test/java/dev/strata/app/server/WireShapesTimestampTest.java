package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireShapesTimestampTest {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void aTimestampIsWrittenAsTheWireFormatterWritesIt() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2024-02-29T12:34:56.789Z",
          "2026-12-31T23:59:59.000999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
          "0000-06-15T01:02:03Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00.5Z"
        }) {
      Instant instant = Instant.parse(text);
      assertEquals(WIRE.format(instant), WireShapes.timestamp(instant), text);
    }
  }

  @Test
  void randomInstantsFromYearOneToTenThousandAreWrittenAsTheWireFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(14);
    long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("+10000-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(first, last), random.nextInt(1_000_000_000));
      assertEquals(WIRE.format(instant), WireShapes.timestamp(instant), instant.toString());
    }
  }
}
