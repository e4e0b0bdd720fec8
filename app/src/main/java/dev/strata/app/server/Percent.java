package dev.strata.app.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of URI path labels and query components as AWS SDKs encode them (RFC 3986:
 * every byte but {@code A-Za-z0-9-._~} as {@code %XX} of its UTF-8). A {@code +} stays a {@code +}
 * (this is not form decoding), and a malformed escape is kept literally, so the value reaches the
 * service's validation as it was sent.
 */
final class Percent {
  private Percent() {}

  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    byte[] source = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < source.length; i++) {
      int hi = i + 2 < source.length ? Character.digit(source[i + 1], 16) : -1;
      int lo = hi >= 0 ? Character.digit(source[i + 2], 16) : -1;
      if (source[i] == '%' && lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(source[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
