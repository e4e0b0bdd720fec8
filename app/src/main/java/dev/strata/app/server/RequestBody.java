package dev.strata.app.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request's body within a limit, for {@link BedrockHttpHandler}. */
final class RequestBody {
  private static final byte[] NO_BODY = new byte[0];

  private RequestBody() {}

  /**
   * The body, or a 413 once it is known to exceed {@code limit} (its rest, up to four times the
   * limit, is then read and discarded so that the client sees the 413); never holds more than the
   * limit.
   *
   * <p>Framing the JDK server cannot read is a 400 that closes the connection ({@link
   * WireRefusal#unreadableBody}): a chunk size that is not hex ({@code zz}, {@code -5}) or longer
   * than 14 characters, a chunk not followed by CRLF, or a Content-Length body cut short by the
   * end of the connection. The JDK reads a chunk size into an {@code int}: 8 hex digits from
   * {@code 80000000} on, or 9 to 14 digits that wrap to a negative number, make its stream throw
   * {@link IndexOutOfBoundsException}, which is the same malformed framing; 9 to 14 digits that
   * wrap to a non-negative number are read modulo 2^32 and cannot be told apart here.
   */
  static Either<WireRefusal, byte[]> read(HttpExchange exchange, int limit) {
    InputStream in = exchange.getRequestBody();
    try {
      Headers headers = exchange.getRequestHeaders();
      String declared = headers.getFirst("Content-Length");
      long length = declared == null ? -1 : declaredLength(declared);
      if (length > limit) {
        discard(in, 4L * limit);
        return Either.left(WireRefusal.tooLarge(limit));
      }
      if (!headers.containsKey("Transfer-Encoding") && (declared == null || length >= 0)) {
        return Either.right(exactly(in, declared == null ? 0 : (int) length));
      }
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        discard(in, 4L * limit);
        return Either.left(WireRefusal.tooLarge(limit));
      }
      return Either.right(body);
    } catch (IOException e) {
      return Either.left(WireRefusal.unreadableBody(String.valueOf(e.getMessage())));
    } catch (IndexOutOfBoundsException e) {
      return Either.left(WireRefusal.unreadableBody("a chunk size beyond 2^31 - 1"));
    }
  }

  /**
   * The {@code length} bytes of a body that the JDK server frames by its Content-Length (without
   * one and without Transfer-Encoding, it reads the body as empty), into an array of that size
   * rather than through {@link InputStream#readNBytes(int)}'s 8 KiB buffer; an IOException when
   * the connection ends before them.
   */
  private static byte[] exactly(InputStream in, int length) throws IOException {
    if (length == 0) {
      return NO_BODY;
    }
    byte[] body = new byte[length];
    int read = in.readNBytes(body, 0, body.length);
    if (read < body.length) {
      throw new IOException("the body ended after " + read + " of " + length + " bytes");
    }
    return body;
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads and drops up to {@code limit} bytes through a small buffer; framing that breaks
   * meanwhile ends it, as the connection is closed after the 413 anyway.
   */
  private static void discard(InputStream in, long limit) {
    byte[] buffer = new byte[8192];
    long left = limit;
    int n;
    try {
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | IndexOutOfBoundsException brokenFraming) {
      // the 413 stands
    }
  }
}
