package dev.strata.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.strata.app.server.StrataServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP stack of {@link StrataServer} answering a constant response: the JDK's {@code
 * HttpServer} on the loopback, the same backlog, the same fixed pool of {@link
 * StrataServer.Config#of} threads and the same response headers, with a handler that only drains
 * the request and writes a fixed GetProvisionedModelThroughput body. Its throughput is the ceiling
 * the Bedrock handler runs under. Test code only.
 *
 * <p>{@code java -cp TEST_CLASSPATH dev.strata.app.bench.ConstantServer [PORT]} prints {@code
 * Constant listening on http://127.0.0.1:PORT} and serves until the process is terminated.
 */
public final class ConstantServer {
  static final String RESOURCE = "/bench/constant-response.json";

  /** The request id of every constant response (a Strata success carries one). */
  static final String REQUEST_ID = "00000000-0000-4000-8000-000000000000";

  private ConstantServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    byte[] body = body();
    // Whatever StrataServer's class initialisation sets up for the JDK's server (system properties
    // such as sun.net.httpserver.nodelay are read once, when the server classes load) applies here
    // too: initialise it before the first HttpServer exists.
    Class.forName(StrataServer.class.getName(), true, ConstantServer.class.getClassLoader());
    StrataServer.Config config = StrataServer.Config.of("127.0.0.1", port);
    HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.threads(), task -> new Thread(task, "constant-http-" + count.incrementAndGet()));
    http.createContext("/", new Constant(body));
    http.setExecutor(pool);
    http.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.stop(0);
                  pool.shutdownNow();
                  stopped.countDown();
                }));
    System.out.println("Constant listening on http://127.0.0.1:" + http.getAddress().getPort());
    System.out.flush();
    stopped.await();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  static byte[] body() {
    try (InputStream in = ConstantServer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drains the request, then writes the body with the headers a Strata success carries. */
  private static final class Constant implements HttpHandler {
    private final byte[] body;

    Constant(byte[] body) {
      this.body = body;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", REQUEST_ID);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
