package dev.strata.app.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.1 written and read by hand over a plain {@link Socket}, for what {@code java.net.http}
 * refuses to send: junk methods, broken request lines, lying framing headers, raw bytes. A read
 * waits at most {@link #READ_TIMEOUT_MS}; a watchdog closes a socket whose exchange takes longer
 * than {@link #EXCHANGE_LIMIT_MS} in all (a write into a server that neither reads nor closes
 * would otherwise block forever), so nothing here hangs.
 */
final class RawHttp implements AutoCloseable {
  static final int READ_TIMEOUT_MS = 5_000;
  static final int EXCHANGE_LIMIT_MS = 10_000;
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_BODY = 8 << 20;

  /** One response as read: the status, the headers with lower-case names, and the body. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether Strata's handler wrote it, rather than the JDK server refusing the request. */
    boolean fromHandler() {
      return header("x-amzn-RequestId") != null;
    }

    boolean closes() {
      String c = header("connection");
      return c != null && c.toLowerCase(Locale.ROOT).contains("close");
    }
  }

  /**
   * What one exchange came to: the responses read (one, or several for pipelined requests; none
   * when the server closed the connection without answering), and whether a read timed out.
   */
  record Outcome(List<Response> responses, boolean timedOut, String failure) {
    static Outcome answered(List<Response> responses) {
      return new Outcome(responses, false, null);
    }

    static Outcome dropped(String why) {
      return new Outcome(List.of(), false, why);
    }

    static Outcome timedOut(List<Response> sofar, String why) {
      return new Outcome(sofar, true, why);
    }
  }

  private final InetSocketAddress address;
  private final ScheduledExecutorService watchdog;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int served;

  RawHttp(InetSocketAddress address, ScheduledExecutorService watchdog) {
    this.address = address;
    this.watchdog = watchdog;
  }

  /**
   * Sends one well-framed request on this keep-alive connection and reads its response. A reused
   * connection that yields nothing at all was closed by the server after its previous exchange;
   * the request is then sent once more on a fresh connection, as HTTP clients do.
   */
  Outcome keepAlive(byte[] request, boolean head) throws IOException {
    boolean reused = socket != null && served > 0;
    Outcome outcome = keepAliveOnce(request, head);
    if (reused && outcome.responses().isEmpty() && !outcome.timedOut()) {
      outcome = keepAliveOnce(request, head);
    }
    return outcome;
  }

  private Outcome keepAliveOnce(byte[] request, boolean head) throws IOException {
    if (socket == null) {
      open();
    }
    Socket current = socket;
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> guard = guard(watchdog, current, fired);
    try {
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may have answered and closed before reading everything: read what it said.
      }
      Response r = readResponse(in, head);
      served++;
      if (r.closes() || !r.fromHandler()) {
        close();
      }
      return Outcome.answered(List.of(r));
    } catch (SocketTimeoutException e) {
      close();
      return Outcome.timedOut(List.of(), "no response within " + READ_TIMEOUT_MS + " ms");
    } catch (IOException e) {
      close();
      return fired.get()
          ? Outcome.timedOut(List.of(), "exchange exceeded " + EXCHANGE_LIMIT_MS + " ms")
          : Outcome.dropped(e.toString());
    } finally {
      guard.cancel(false);
    }
  }

  /**
   * Whether the JDK server refuses {@code raw}'s request line and headers as larger than {@link
   * HttpLimits.Limit#MAX_HEADER_BYTES}, which counts their bytes and 32 more for each line; it
   * closes such a connection without an answer.
   */
  static boolean overTheHeaderLimit(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    long counted = head.length() + 32L * head.split("\r\n", -1).length;
    return counted
        > Integer.getInteger(HttpLimits.Limit.MAX_HEADER_BYTES.property(), Integer.MAX_VALUE);
  }

  /**
   * Sends {@code request} on a connection of its own, half-closes it so the server sees the end
   * of the bytes (a body shorter than its Content-Length ends there instead of waiting), then
   * reads every response until the server closes the connection.
   */
  static Outcome oneShot(
      InetSocketAddress address, ScheduledExecutorService watchdog, byte[] request, boolean head)
      throws IOException {
    try (Socket s = connect(address)) {
      AtomicBoolean fired = new AtomicBoolean();
      ScheduledFuture<?> guard = guard(watchdog, s, fired);
      List<Response> responses = new ArrayList<>();
      try {
        OutputStream o = s.getOutputStream();
        try {
          o.write(request);
          o.flush();
          s.shutdownOutput();
        } catch (IOException e) {
          // As above: the answer may already be on its way.
        }
        InputStream i = new BufferedInputStream(s.getInputStream());
        while (true) {
          i.mark(1);
          if (i.read() < 0) {
            break;
          }
          i.reset();
          responses.add(readResponse(i, head && responses.isEmpty()));
        }
        return Outcome.answered(responses);
      } catch (SocketTimeoutException e) {
        return Outcome.timedOut(responses, "no response within " + READ_TIMEOUT_MS + " ms");
      } catch (IOException e) {
        if (fired.get()) {
          return Outcome.timedOut(responses, "exchange exceeded " + EXCHANGE_LIMIT_MS + " ms");
        }
        return responses.isEmpty() ? Outcome.dropped(e.toString()) : Outcome.answered(responses);
      } finally {
        guard.cancel(false);
      }
    }
  }

  /** Closes {@code s} once the exchange has run {@link #EXCHANGE_LIMIT_MS}, and says so. */
  private static ScheduledFuture<?> guard(
      ScheduledExecutorService watchdog, Socket s, AtomicBoolean fired) {
    return watchdog.schedule(
        () -> {
          fired.set(true);
          closeQuietly(s);
        },
        EXCHANGE_LIMIT_MS,
        TimeUnit.MILLISECONDS);
  }

  private void open() throws IOException {
    socket = connect(address);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    served = 0;
  }

  private static Socket connect(InetSocketAddress address) throws IOException {
    Socket s = new Socket();
    s.connect(address, READ_TIMEOUT_MS);
    s.setSoTimeout(READ_TIMEOUT_MS);
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public void close() {
    if (socket != null) {
      closeQuietly(socket);
    }
    socket = null;
    in = null;
    out = null;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** One response; interim 1xx responses (100 Continue) are skipped. */
  static Response readResponse(InputStream in, boolean head) throws IOException {
    while (true) {
      String statusLine = readLine(in);
      if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12) {
        throw new IOException("not a status line: " + printable(statusLine, 80));
      }
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException("not a status line: " + printable(statusLine, 80));
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      if (status >= 100 && status < 200) {
        continue;
      }
      return new Response(status, headers, readBody(in, head, status, headers));
    }
  }

  private static byte[] readBody(InputStream in, boolean head, int status, Map<String, String> h)
      throws IOException {
    if (head || status == 204 || status == 304) {
      return new byte[0];
    }
    String length = h.get("content-length");
    if (length != null) {
      long n = Long.parseLong(length.trim());
      if (n > MAX_BODY) {
        throw new IOException("response body of " + n + " bytes");
      }
      byte[] body = in.readNBytes((int) n);
      if (body.length < n) {
        throw new EOFException("response body cut short");
      }
      return body;
    }
    String te = h.get("transfer-encoding");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      while (true) {
        String sizeLine = readLine(in);
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        if (size == 0) {
          while (!readLine(in).isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        if (body.size() + size > MAX_BODY) {
          throw new IOException("response body too large");
        }
        body.write(in.readNBytes(size));
        readLine(in);
      }
    }
    byte[] rest = in.readNBytes(MAX_BODY);
    return rest;
  }

  /** A CRLF- (or LF-) terminated line as ISO-8859-1; EOF before any byte is an EOFException. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE);
      }
      line.append((char) b);
    }
    throw new EOFException(line.length() == 0 ? "connection closed" : "connection closed mid-line");
  }

  /** {@code bytes} as text for a report: control and non-ASCII bytes escaped, at most max chars. */
  static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length && out.length() < max; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\r') {
        out.append("\\r");
      } else if (b == '\n') {
        out.append("\\n");
      } else if (b < 0x20 || b >= 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02X", b));
      } else {
        out.append((char) b);
      }
    }
    if (out.length() >= max) {
      out.setLength(max);
      out.append("...");
    }
    return out.toString();
  }

  static String printable(String s, int max) {
    return printable(s.getBytes(StandardCharsets.ISO_8859_1), max);
  }
}
