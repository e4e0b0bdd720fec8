package dev.strata.app.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection over a plain socket, for what no client library sends: a request cut off
 * half way, too many headers. Every read gives up after {@link #READ_LIMIT}.
 */
final class RawConnection implements AutoCloseable {
  static final Duration READ_LIMIT = Duration.ofSeconds(15);

  /** What the server sent on a connection: nothing at all, or one response. */
  record Response(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final Socket socket;
  private final InputStream in;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  static RawConnection open(String host, int port) throws IOException {
    Socket socket = new Socket(host, port);
    socket.setSoTimeout((int) READ_LIMIT.toMillis());
    return new RawConnection(socket);
  }

  /** A GET of {@code path} that asks the server to close the connection after answering. */
  static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: strata\r\nConnection: close\r\n\r\n";
  }

  RawConnection send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  /** Half-closes the connection: the server reads the end of the request's bytes. */
  RawConnection shutdownOutput() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /**
   * Reads one response: status line, headers and a body of its {@code Content-Length}.
   *
   * @throws IOException when the server closes the connection before a whole response
   */
  Response readResponse() throws IOException {
    String head = readHead();
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("the server closed the connection inside a body");
    }
    return new Response(
        Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Reads until the server closes the connection: what it sent before, or {@code null} when the
   * connection is still open after {@link #READ_LIMIT}. A reset counts as closed.
   */
  String readUntilClosed() throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException stillOpen) {
      return null;
    } catch (SocketException reset) {
      // closed by the server while the request was unread
    }
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sends {@code request} and reads until the server closes the connection: {@link
   * #readUntilClosed()}, or {@code ""} when the server closed it before the request was sent.
   */
  String sendUntilClosed(String request) throws IOException {
    try {
      send(request);
    } catch (SocketException closed) {
      return "";
    }
    return readUntilClosed();
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException(
            "the server closed the connection after " + head.size() + " bytes of a response");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
