package dev.strata.app.server;

import com.sun.net.httpserver.HttpServer;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A Bedrock-compatible HTTP endpoint for one {@link Strata}, on the JDK's built-in HTTP server:
 * point an AWS SDK, the AWS CLI or Terraform at {@link #url()}.
 *
 * <p>Requests are handled in parallel by {@link Config#threads()} threads; up to {@link
 * Config#queue()} more wait for one. Beyond that the server sheds load: it answers {@code 503
 * ServiceUnavailableException} with {@code Connection: close} at once, without calling Strata (see
 * {@link SheddingExecutor}). The limits on connections, headers and timeouts are the JDK server's,
 * shared by the whole process (see {@link HttpLimits}). {@link #stop(Duration)} stops accepting
 * connections at once and lets the requests in flight finish within the grace period.
 */
public final class StrataServer implements AutoCloseable {
  /** The grace period of {@link #close()}. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  static {
    HttpLimits.applyDefaults();
  }

  private final HttpServer http;
  private final SheddingExecutor pool;
  private final BedrockHttpHandler handler;
  private final String url;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * Where and how to serve.
   *
   * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port the port to bind; 0 picks a free one
   * @param threads how many requests are handled at once
   * @param queue how many more requests may wait for a thread; beyond that they are answered 503
   * @param requestIds the {@code x-amzn-RequestId} of each response
   * @param authentication who may call
   * @param audit where every mutating call is recorded
   * @param throttle how many requests per second each account may send
   * @param clock the time of audit lines and of the SigV4 clock-skew check
   * @param allowUnauthenticatedRemote whether a non-loopback {@code host} may be served without
   *     authentication; without it, {@link #start(Strata, Config)} refuses to
   * @param control the test-control operations served under {@link ControlEndpoint#PREFIX}
   */
  public record Config(
      String host,
      int port,
      int threads,
      int queue,
      Supplier<String> requestIds,
      Authentication authentication,
      AuditTrail audit,
      AccountThrottle throttle,
      Clock clock,
      boolean allowUnauthenticatedRemote,
      ControlEndpoint control) {
    /** The {@link #queue()} of {@link #of(String, int)}. */
    public static final int DEFAULT_QUEUE = 256;

    public Config {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(requestIds, "requestIds");
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(audit, "audit");
      Objects.requireNonNull(throttle, "throttle");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(control, "control");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not in 0..65535");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
      if (queue < 0) {
        throw new IllegalArgumentException("queue must not be negative, not " + queue);
      }
    }

    /**
     * {@code host:port} without authentication, throttling, audit or control API, with a pool of twice the
     * processors (at least 8), a queue of {@link #DEFAULT_QUEUE} and random version-4 UUIDs as
     * request ids, drawn from a per-thread generator: request ids need to be unique, not
     * unpredictable, and {@code UUID.randomUUID()} contends on one shared SecureRandom.
     */
    public static Config of(String host, int port) {
      return new Config(
          host,
          port,
          Math.max(8, 2 * Runtime.getRuntime().availableProcessors()),
          DEFAULT_QUEUE,
          StrataServer::requestId,
          Authentication.none(),
          AuditTrail.off(),
          AccountThrottle.off(),
          Clock.systemUTC(),
          false,
          ControlEndpoint.off());
    }

    public Config withThreads(int count) {
      return with(c -> c.threads = count);
    }

    public Config withQueue(int length) {
      return with(c -> c.queue = length);
    }

    public Config withAuthentication(Authentication value) {
      return with(c -> c.authentication = value);
    }

    public Config withAudit(AuditTrail value) {
      return with(c -> c.audit = value);
    }

    public Config withThrottle(AccountThrottle value) {
      return with(c -> c.throttle = value);
    }

    public Config withClock(Clock value) {
      return with(c -> c.clock = value);
    }

    public Config withUnauthenticatedRemoteAllowed(boolean value) {
      return with(c -> c.allowUnauthenticatedRemote = value);
    }

    public Config withControl(ControlEndpoint value) {
      return with(c -> c.control = value);
    }

    private Config with(java.util.function.Consumer<Fields> change) {
      Fields f = new Fields(this);
      change.accept(f);
      return new Config(
          f.host, f.port, f.threads, f.queue, f.requestIds, f.authentication, f.audit, f.throttle,
          f.clock, f.allowUnauthenticatedRemote, f.control);
    }

    /** The components of a {@link Config} as it is being changed. */
    private static final class Fields {
      final String host;
      final int port;
      int threads;
      int queue;
      final Supplier<String> requestIds;
      Authentication authentication;
      AuditTrail audit;
      AccountThrottle throttle;
      Clock clock;
      boolean allowUnauthenticatedRemote;
      ControlEndpoint control;

      Fields(Config c) {
        host = c.host;
        port = c.port;
        threads = c.threads;
        queue = c.queue;
        requestIds = c.requestIds;
        authentication = c.authentication;
        audit = c.audit;
        throttle = c.throttle;
        clock = c.clock;
        allowUnauthenticatedRemote = c.allowUnauthenticatedRemote;
        control = c.control;
      }
    }
  }

  /** A random version-4 UUID from the calling thread's generator. */
  static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
    return new UUID(high, low).toString();
  }

  private StrataServer(HttpServer http, SheddingExecutor pool, BedrockHttpHandler handler) {
    this.http = http;
    this.pool = pool;
    this.handler = handler;
    InetSocketAddress bound = http.getAddress();
    String host = bound.getHostString();
    this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
  }

  /** Serves {@code strata} on {@code host:port} (0 picks a free port) until stopped. */
  public static StrataServer start(Strata strata, String host, int port) {
    return start(strata, Config.of(host, port));
  }

  /**
   * Serves {@code strata} as {@code config} says until stopped.
   *
   * @throws IllegalArgumentException when {@code config} would serve a non-loopback address
   *     without authentication and does not explicitly allow it
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static StrataServer start(Strata strata, Config config) {
    Objects.requireNonNull(strata, "strata");
    refuseUnauthenticatedRemote(config);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    SheddingExecutor pool = new SheddingExecutor(config.threads(), config.queue());
    BedrockHttpHandler handler = BedrockHttpHandler.of(strata, config);
    http.createContext("/", handler);
    http.setExecutor(pool);
    http.start();
    return new StrataServer(http, pool, handler);
  }

  private static void refuseUnauthenticatedRemote(Config config) {
    if (config.authentication().required() || config.allowUnauthenticatedRemote()) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UncheckedIOException("cannot listen on " + config.host() + ": unknown host", e);
    }
    if (!loopback) {
      throw new IllegalArgumentException(
          "refusing to serve " + config.host() + " without authentication: anyone who can reach"
              + " it could create and delete provisioned throughputs. Use --auth sigv4 or --auth"
              + " bearer with --credentials, bind a loopback address, or pass"
              + " --allow-unauthenticated-remote.");
    }
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:4010}. */
  public String url() {
    return url;
  }

  /** The bound port, the chosen one when started on port 0. */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Stops accepting connections, waits up to {@code grace} for the requests in flight to finish,
   * then closes every connection and the pool. Returns early once nothing is in flight. Calling it
   * again does nothing.
   */
  public void stop(Duration grace) {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    // HttpServer.stop(n) returns as soon as the last exchange ends, but on JDK 17 waits the whole
    // n seconds when none is running (JDK-8304065): ask for no delay then.
    http.stop(handler.inFlight() == 0 ? 0 : (int) Math.max(1, ceilSeconds(grace)));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }

  /** The threads that run its requests. */
  SheddingExecutor executor() {
    return pool;
  }

  private static long ceilSeconds(Duration d) {
    return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
  }
}
