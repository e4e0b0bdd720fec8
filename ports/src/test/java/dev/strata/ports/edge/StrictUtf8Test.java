package dev.strata.ports.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.edge.StrictUtf8.Malformed;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictUtf8Test {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ASCII, 612F62",
    "two-byte é, 61C3A962",
    "three-byte €, E282AC",
    "U+FFFF, EFBFBF",
    "U+10FFFF the last code point, F48FBFBF",
    "four-byte emoji, F09F9880",
    "a byte-order mark is text like any other, EFBBBF7B7D",
    "NUL, 00"
  })
  void well_formed_utf8_is_decoded_as_the_jdk_decodes_it(String what, String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertEquals(
        Either.right(new String(bytes, StandardCharsets.UTF_8)), StrictUtf8.decode(bytes), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "two-byte overlong slash, 61C0AF62, 1, C0",
    "two-byte overlong with C1, 61C1BF, 1, C1",
    "three-byte overlong slash, 6162E080AF, 2, E0",
    "four-byte overlong slash, F08080AF, 0, F0",
    "overlong NUL, C080, 0, C0",
    "encoded high surrogate, 61EDA080, 1, ED A0 80",
    "encoded low surrogate, EDB080, 0, ED B0 80",
    "above U+10FFFF, F4908080, 0, F4",
    "F5 lead byte, F5808080, 0, F5",
    "five-byte form, F888808080, 0, F8",
    "FF, 7BFF7D, 1, FF",
    "UTF-16 big-endian byte-order mark, FEFF007B, 0, FE",
    "UTF-16 little-endian byte-order mark, FFFE7B00, 0, FF",
    "stray continuation byte, 6180, 1, 80",
    "truncated at the end, 61E282, 1, E2 82",
    "truncated before ASCII, E2827B, 0, E2 82"
  })
  void ill_formed_utf8_is_refused_at_the_offset_of_its_first_bad_sequence(
      String what, String hex, int offset, String sequence) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertEquals(Either.left(new Malformed(offset, sequence)), StrictUtf8.decode(bytes), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"only the first length bytes are read, 61C0AF, 1, a"})
  void decodes_only_the_bytes_it_is_given(String what, String hex, int length, String text) {
    assertEquals(
        text, StrictUtf8.decode(HexFormat.of().parseHex(hex), length).get().toString(), what);
  }
}
