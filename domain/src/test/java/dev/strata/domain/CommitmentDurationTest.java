package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.Optional;

/** D8: the term ends 1 or 6 calendar months after creation, in UTC, clamped to the month's end. */
class CommitmentDurationTest {

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "2026-01-31T10:00:00Z, OneMonth, 2026-02-28T10:00:00Z",
    "2028-01-31T10:00:00Z, OneMonth, 2028-02-29T10:00:00Z",
    "2026-08-31T10:00:00Z, SixMonths, 2027-02-28T10:00:00Z",
    "2026-03-15T08:30:00.123Z, OneMonth, 2026-04-15T08:30:00.123Z",
    "2026-03-15T08:30:00.123Z, SixMonths, 2026-09-15T08:30:00.123Z",
    "2026-12-31T23:59:59.999Z, OneMonth, 2027-01-31T23:59:59.999Z",
    "2026-03-31T00:00:00Z, OneMonth, 2026-04-30T00:00:00Z"
  })
  void the_term_ends_whole_calendar_months_later_in_utc(
      Instant start, CommitmentDuration duration, Instant end) {
    assertEquals(end, duration.termEnd(start));
  }

  @ParameterizedTest
  @CsvSource({"OneMonth, 1", "SixMonths, 6"})
  void each_wire_name_parses_to_its_duration(String name, int months) {
    assertEquals(name, CommitmentDuration.fromName(name).get().name());
    assertEquals(months, CommitmentDuration.fromName(name).get().months());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"onemonth", "ONE_MONTH", "OneMonth ", "", "TwelveMonths"})
  void only_the_exact_wire_names_parse(String name) {
    assertEquals(Optional.empty(), CommitmentDuration.fromName(name));
  }
}
