package dev.strata.ports.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.edge.PercentDecoding.InvalidUtf8;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecodingTest {
  @Test
  void decodes_percent_escapes_as_utf8_and_leaves_plus_alone() {
    assertEquals(
        Either.right("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc+d é"),
        PercentDecoding.decode(
            "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aprovisioned-model%2Fabc+d%20%C3%A9"));
  }

  @Test
  void keeps_malformed_escapes_literally() {
    assertEquals(Either.right("100%-%G1%4"), PercentDecoding.decode("100%-%G1%4"));
  }

  @Test
  void text_without_escapes_is_returned_as_it_is() {
    assertEquals(Either.right("chat-prod é"), PercentDecoding.decode("chat-prod é"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "overlong slash in an ARN, arn%3Aaws%3Abedrock%C0%AFx, 19, C0",
    "three-byte overlong slash, a%E0%80%AFb, 1, E0",
    "four-byte overlong slash, %F0%80%80%AF, 0, F0",
    "encoded surrogate, ab%ED%A0%80, 2, ED A0 80",
    "above U+10FFFF, %F4%90%80%80, 0, F4",
    "lone FF after a raw é, é%FF, 1, FF",
    "truncated sequence, x%E2%82, 1, E2 82",
    "escaped lead byte before a raw character, %C3x, 0, C3"
  })
  void escapes_that_decode_to_ill_formed_utf8_are_refused_at_their_raw_offset(
      String what, String raw, int offset, String sequence) {
    assertEquals(
        Either.left(new InvalidUtf8(offset, sequence)), PercentDecoding.decode(raw), what);
  }
}
