package dev.strata.app.server;

import dev.strata.app.server.RawHttp.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers {@link HttpFuzzTest} can predict for a request, worked out without the server's own
 * readers: decision D23 (bodies, URI labels and query components are strict UTF-8) and malformed
 * chunked framing, both a 400 {@code SerializationException}.
 */
enum FuzzAnswers {
  /** No particular answer is predicted. */
  ANY(null),
  /** The body, the label or a query name or value is not UTF-8 (once percent-decoded). */
  NOT_UTF8("is not valid UTF-8"),
  /** A chunk size the JDK server cannot read; the answer also closes the connection. */
  MALFORMED_FRAMING("its framing is malformed");

  private static final Pattern ESCAPE_OR_CHARACTER = Pattern.compile("%[0-9A-Fa-f]{2}|.", Pattern.DOTALL);

  private final String phrase;

  FuzzAnswers(String phrase) {
    this.phrase = phrase;
  }

  /** Whether {@code r}, the first response to a request so predicted, is the predicted answer. */
  boolean answeredBy(Response r) {
    return phrase == null
        || (r.fromHandler()
            && r.status() == 400
            && "SerializationException".equals(r.header("x-amzn-ErrorType"))
            && new String(r.body(), StandardCharsets.UTF_8).contains(phrase)
            && (this != MALFORMED_FRAMING || r.closes()));
  }

  /**
   * {@link #NOT_UTF8} when {@code route} (which the request to {@code uri} matches) acts on a
   * label, query or body that is not UTF-8; {@link #ANY} otherwise.
   */
  static FuzzAnswers forRoute(Route route, URI uri, byte[] body) {
    String[] raw = Route.split(uri.getRawPath() == null ? "" : uri.getRawPath());
    for (int i = 0; i < raw.length && i < route.segments().length; i++) {
      if (route.segments()[i].startsWith("{") && !utf8(percentDecoded(raw[i]))) {
        return NOT_UTF8;
      }
    }
    String query = uri.getRawQuery();
    for (String part : query == null || query.isEmpty() ? new String[0] : query.split("[&=]")) {
      if (!utf8(percentDecoded(part))) {
        return NOT_UTF8;
      }
    }
    return route.hasBody() && body.length > 0 && !utf8JsonText(body) ? NOT_UTF8 : ANY;
  }

  /** The bytes {@code raw} stands for: each {@code %XX} one byte, any other character its UTF-8. */
  private static byte[] percentDecoded(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Matcher m = ESCAPE_OR_CHARACTER.matcher(raw);
    while (m.find()) {
      String token = m.group();
      if (token.length() == 3 && token.charAt(0) == '%') {
        out.write(Integer.parseInt(token.substring(1), 16));
      } else {
        out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** Well-formed UTF-8 survives decoding with replacement and encoding again unchanged. */
  private static boolean utf8(byte[] bytes) {
    return Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
  }

  /**
   * UTF-8 as a JSON text must be (RFC 8259): no byte-order mark, and not the zero bytes ASCII has
   * in UTF-16 or UTF-32 (RFC 4627 section 3).
   */
  private static boolean utf8JsonText(byte[] body) {
    boolean bom =
        body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF;
    boolean zeroes = body[0] == 0 || (body.length > 1 && body[1] == 0);
    return utf8(body) && !bom && !zeroes;
  }
}
