package dev.strata.app.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP/1.1 load generator on plain blocking sockets, for loopback only: {@code
 * connections} workers each own one keep-alive connection and send the next request as soon as the
 * previous response has been read in full. A server that closes the connection (a response with
 * {@code Connection: close}, or one whose body runs to end of stream) is reconnected, and the
 * reconnects are counted.
 *
 * <p>It parses only what it must (status line, {@code Content-Length}, {@code Transfer-Encoding:
 * chunked}, {@code Connection}) so that the generator costs far less than the servers it drives,
 * and it drives every server with the same code, connection count and timing, so the ratios between
 * servers are fair. Every run is bounded in time: the workers stop at the end of the measurement
 * and every socket has a read timeout.
 */
final class LoadGenerator {
  /** A read that takes longer than this fails the request (and counts as an error). */
  static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  /** Where the benchmark may send traffic: nowhere but this machine's loopback. */
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private LoadGenerator() {}

  /** Builds the bytes of request {@code sequence} of worker {@code worker}. */
  @FunctionalInterface
  interface RequestSource {
    byte[] request(int worker, long sequence);
  }

  /** The figures of one measured run. */
  record Result(
      String label, long ok, long errors, long reconnects, double seconds, int connections) {
    double rps() {
      return ok / seconds;
    }

    /** The mean latency by Little's law: connections in flight over throughput. */
    double meanLatencyMillis() {
      return ok == 0 ? Double.NaN : 1000.0 * connections / rps();
    }
  }

  /** One HTTP response: status, whether the connection stays open, and the body if kept. */
  record Response(int status, boolean keepAlive, byte[] body) {
    String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * Drives {@code port} on the loopback for {@code warmup}, then counts the responses with {@code
   * expectedStatus} (and everything else as errors) for {@code measure}.
   */
  static Result run(
      String label,
      int port,
      int connections,
      Duration warmup,
      Duration measure,
      int expectedStatus,
      RequestSource source)
      throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    LongAdder reconnects = new LongAdder();
    List<Worker> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      Worker worker = new Worker(label, w, port, expectedStatus, source, ok, errors, reconnects);
      workers.add(worker);
      worker.start();
    }
    long okStart;
    long errorsStart;
    long reconnectsStart;
    long start;
    long okEnd;
    long errorsEnd;
    long reconnectsEnd;
    long end;
    try {
      Thread.sleep(warmup.toMillis());
      start = System.nanoTime();
      okStart = ok.sum();
      errorsStart = errors.sum();
      reconnectsStart = reconnects.sum();
      Thread.sleep(measure.toMillis());
      okEnd = ok.sum();
      errorsEnd = errors.sum();
      reconnectsEnd = reconnects.sum();
      end = System.nanoTime();
    } finally {
      for (Worker worker : workers) {
        worker.halt();
      }
      for (Worker worker : workers) {
        worker.join(SOCKET_TIMEOUT_MILLIS + 5_000L);
      }
    }
    return new Result(
        label,
        okEnd - okStart,
        errorsEnd - errorsStart,
        reconnectsEnd - reconnectsStart,
        (end - start) / 1e9,
        connections);
  }

  /** Sends one request on a fresh connection and reads the whole response, body included. */
  static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
    try (Socket socket = connect(port, timeoutMillis)) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(new BufferedInputStream(socket.getInputStream(), 16 * 1024), true);
    }
  }

  /** The bytes of one HTTP/1.1 request with the headers an AWS SDK sends; no body if null. */
  static byte[] request(String method, String path, int port, String authorization, String body) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("User-Agent: strata-loadbench\r\n");
    head.append("Accept: application/json\r\n");
    head.append("X-Amz-Date: 20260101T000000Z\r\n");
    head.append("Authorization: ").append(authorization).append("\r\n");
    byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    if (content != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    if (content == null) {
      return headBytes;
    }
    byte[] all = new byte[headBytes.length + content.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  static Socket connect(int port, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new InetSocketAddress(LOOPBACK, port), timeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Reads one response; the body is kept only if {@code keepBody}, else skipped. */
  static Response read(InputStream in, boolean keepBody) throws IOException {
    String statusLine = line(in);
    if (!statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    boolean http10 = statusLine.startsWith("HTTP/1.0");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    String connection = null;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length":
          contentLength = Long.parseLong(value);
          break;
        case "transfer-encoding":
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          break;
        case "connection":
          connection = value.toLowerCase(Locale.ROOT);
          break;
        default:
          break;
      }
    }
    boolean keepAlive =
        http10 ? "keep-alive".equals(connection) : !"close".equals(connection);
    ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
    if (chunked) {
      for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
        copy(in, size, body);
        line(in);
      }
      for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
        // trailers are ignored
      }
    } else if (contentLength >= 0) {
      copy(in, contentLength, body);
    } else if (status != 204 && status != 304) {
      copy(in, Long.MAX_VALUE, body); // the body runs to the end of the stream
      keepAlive = false;
    }
    return new Response(status, keepAlive, body == null ? null : body.toByteArray());
  }

  private static long chunkSize(String line) {
    int semicolon = line.indexOf(';');
    return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
  }

  /** Reads {@code length} bytes (or to the end of the stream if {@code Long.MAX_VALUE}). */
  private static void copy(InputStream in, long length, ByteArrayOutputStream sink)
      throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (length == Long.MAX_VALUE) {
          return;
        }
        throw new EOFException("response body ended " + left + " bytes early");
      }
      if (sink != null) {
        sink.write(buffer, 0, n);
      }
      left -= n;
    }
  }

  /** One CRLF-terminated line, without its terminator; at most 16 KiB. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed mid-response");
      }
      if (c != '\r') {
        if (line.length() >= 16 * 1024) {
          throw new IOException("header line too long");
        }
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** One connection, one request at a time, until halted. */
  private static final class Worker extends Thread {
    private final int index;
    private final int port;
    private final int expectedStatus;
    private final RequestSource source;
    private final LongAdder ok;
    private final LongAdder errors;
    private final LongAdder reconnects;
    private volatile boolean running = true;
    private volatile Socket socket;

    Worker(
        String label,
        int index,
        int port,
        int expectedStatus,
        RequestSource source,
        LongAdder ok,
        LongAdder errors,
        LongAdder reconnects) {
      super("loadgen-" + label + "-" + index);
      setDaemon(true);
      this.index = index;
      this.port = port;
      this.expectedStatus = expectedStatus;
      this.source = source;
      this.ok = ok;
      this.errors = errors;
      this.reconnects = reconnects;
    }

    void halt() {
      running = false;
      closeQuietly(socket); // unblocks a read in progress
    }

    @Override
    public void run() {
      long sequence = 0;
      boolean first = true;
      InputStream in = null;
      OutputStream out = null;
      while (running) {
        try {
          if (socket == null) {
            socket = connect(port, SOCKET_TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            if (!first) {
              reconnects.increment();
            }
            first = false;
          }
          out.write(source.request(index, sequence++));
          out.flush();
          Response response = read(in, false);
          if (response.status() == expectedStatus) {
            ok.increment();
          } else {
            errors.increment();
          }
          if (!response.keepAlive()) {
            closeQuietly(socket);
            socket = null;
          }
        } catch (IOException | RuntimeException e) {
          closeQuietly(socket);
          socket = null;
          if (running) {
            errors.increment();
            pause();
          }
        }
      }
      closeQuietly(socket);
    }

    private static void pause() {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
