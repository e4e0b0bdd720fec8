package dev.strata.ports.edge;

import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Bytes read as UTF-8 exactly as RFC 3629 defines it, in one pass: an overlong form ({@code C0
 * AF} for {@code /}), an encoded surrogate ({@code ED A0 80}), a code point above U+10FFFF, a
 * truncated sequence, a byte that never occurs in UTF-8 ({@code C0}, {@code C1}, {@code F5} to
 * {@code FF}) or a stray continuation byte is refused, never replaced or decoded. A byte-order mark
 * is text like any other ({@code EF BB BF} is U+FEFF): deciding whether one is welcome is the
 * caller's business.
 */
public final class StrictUtf8 {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private StrictUtf8() {}

  /**
   * The first ill-formed byte sequence of some bytes.
   *
   * @param offset where it starts, counted in bytes from the first byte decoded
   * @param sequence its bytes in upper-case hex, space-separated, e.g. {@code C0 AF}
   */
  public record Malformed(int offset, String sequence) {}

  /**
   * {@code bytes[0, length)} as UTF-16 text in a heap buffer of its own, positioned at the text, or
   * where they stop being UTF-8.
   */
  public static Either<Malformed, CharBuffer> decode(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    // UTF-8 never decodes to more UTF-16 units than it has bytes.
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int end = Math.min(length, offset + Math.max(1, result.length()));
      return Either.left(new Malformed(offset, HEX.formatHex(bytes, offset, end)));
    }
    decoder.flush(out);
    return Either.right(out.flip());
  }

  /** {@code bytes} as a string, or where they stop being UTF-8. */
  public static Either<Malformed, String> decode(byte[] bytes) {
    return decode(bytes, bytes.length).map(CharBuffer::toString);
  }
}
