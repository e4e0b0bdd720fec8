package dev.strata.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bedrock's restJson1 wire in front of a {@link Strata}: routes on the raw path, reads at most
 * {@link #MAX_BODY_BYTES} of body, calls the operation, and writes its reply with {@code
 * Content-Type: application/json} and a fresh {@code x-amzn-RequestId}. Errors carry {@code
 * x-amzn-ErrorType}. Nothing thrown inside reaches the client: an unexpected exception is logged
 * with the request id and answered with a generic 500 {@code InternalServerException}.
 */
final class BedrockHttpHandler implements HttpHandler {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** How much of a refused oversized body is read and discarded so the client sees the 413. */
  private static final long DISCARD_LIMIT = 4L * MAX_BODY_BYTES;

  private static final System.Logger LOG = System.getLogger(BedrockHttpHandler.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Route> routes;
  private final Supplier<String> requestIds;
  private final AtomicInteger inFlight = new AtomicInteger();

  BedrockHttpHandler(Strata strata, Supplier<String> requestIds) {
    this.routes = new BedrockOperations(strata).routes();
    this.requestIds = requestIds;
  }

  /** How many exchanges are being handled right now. */
  int inFlight() {
    return inFlight.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
    if (SheddingExecutor.onSheddingThread()) {
      shed(exchange);
      return;
    }
    inFlight.incrementAndGet();
    String requestId = requestIds.get();
    try (exchange) {
      write(exchange, requestId, replyTo(exchange, requestId));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "request " + requestId + ": the client went away", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Reply replyTo(HttpExchange exchange, String requestId) throws IOException {
    try {
      return dispatch(exchange);
    } catch (WireFailure failure) {
      return Reply.error(failure);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.ERROR, "request " + requestId + " failed unexpectedly", e);
      return Reply.internalError();
    }
  }

  private Reply dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String[] segments = Route.split(rawPath == null ? "" : rawPath);
    for (Route route : routes) {
      Optional<String> label = route.match(segments);
      if (label.isPresent() && route.method().equals(method)) {
        JsonBody body =
            route.hasBody()
                ? JsonBody.parse(readBody(exchange))
                : JsonBody.parse(new byte[0]);
        QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        return route.operation().apply(new WireRequest(label.get(), query, body));
      }
    }
    throw WireFailure.unknownOperation(method, rawPath);
  }

  /** The body, or a 413 once it is known to exceed the limit; never holds more than the limit. */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declaredLength(declared) > MAX_BODY_BYTES) {
      discard(in);
      throw WireFailure.tooLarge(MAX_BODY_BYTES);
    }
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      discard(in);
      throw WireFailure.tooLarge(MAX_BODY_BYTES);
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

  /** Reads and drops up to {@link #DISCARD_LIMIT} bytes through a small buffer. */
  private static void discard(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long left = DISCARD_LIMIT;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }

  private static void write(HttpExchange exchange, String requestId, Reply reply)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(reply.body());
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("x-amzn-RequestId", requestId);
    if (reply.errorType() != null) {
      headers.set("x-amzn-ErrorType", reply.errorType());
    }
    if (reply.closeConnection()) {
      headers.set("Connection", "close");
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Answers 503 without calling Strata: the server is overloaded ({@link SheddingExecutor}). */
  private void shed(HttpExchange exchange) {
    inFlight.incrementAndGet();
    String requestId = requestIds.get();
    try (exchange) {
      write(exchange, requestId, Reply.error(WireFailure.overloaded()));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "request " + requestId + ": the client went away", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
