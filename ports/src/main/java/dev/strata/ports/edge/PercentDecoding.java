package dev.strata.ports.edge;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding (RFC 3986) of URI path labels and query components as the AWS SDKs encode them:
 * every byte but {@code A-Za-z0-9-._~} as {@code %XX} of its UTF-8. A {@code +} stays a {@code +}
 * (this is not form decoding) and a malformed escape ({@code %G1}, a lone {@code %}) is kept as the
 * text it is, so the value reaches validation as it was sent. The decoded bytes must be {@link
 * StrictUtf8 strict UTF-8}: {@code %C0%AF} is an overlong {@code /} and is refused, never decoded.
 *
 * <p>The one implementation for the HTTP edge: the server's routing and querystring, and the
 * SigV4 canonical query.
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /**
   * Where a percent-encoded text stops being UTF-8 once decoded.
   *
   * @param offset the index in the raw text of the first character of the ill-formed sequence
   *     (the {@code %} of its first escape, or a raw character)
   * @param sequence the ill-formed bytes in upper-case hex, e.g. {@code C0 AF}
   */
  public record InvalidUtf8(int offset, String sequence) {}

  /** {@code raw} decoded, or where its decoded bytes are not UTF-8. */
  public static Either<InvalidUtf8, String> decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return Either.right(raw);
    }
    byte[] source = raw.getBytes(StandardCharsets.UTF_8);
    byte[] decoded = new byte[source.length];
    int length = 0;
    for (int i = 0; i < source.length; i++) {
      int escaped = escapedByte(source, i);
      decoded[length++] = (byte) (escaped >= 0 ? escaped : source[i]);
      i += escaped >= 0 ? 2 : 0;
    }
    return StrictUtf8.decode(decoded, length)
        .map(Object::toString)
        .mapLeft(malformed -> new InvalidUtf8(rawOffset(raw, source, malformed.offset()), malformed.sequence()));
  }

  /** The byte {@code %XX} at {@code i} stands for, or -1 when no escape starts there. */
  private static int escapedByte(byte[] source, int i) {
    if (source[i] != '%' || i + 2 >= source.length) {
      return -1;
    }
    int high = Character.digit(source[i + 1], 16);
    int low = high < 0 ? -1 : Character.digit(source[i + 2], 16);
    return low < 0 ? -1 : high * 16 + low;
  }

  /** The index in {@code raw} of the character that decoded byte {@code target} came from. */
  private static int rawOffset(String raw, byte[] source, int target) {
    int decoded = 0;
    int i = 0;
    while (i < source.length && decoded < target) {
      i += escapedByte(source, i) >= 0 ? 3 : 1;
      decoded++;
    }
    // source is the UTF-8 of raw: count the characters before byte i.
    return new String(source, 0, i, StandardCharsets.UTF_8).length();
  }
}
