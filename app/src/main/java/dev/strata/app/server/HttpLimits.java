package dev.strata.app.server;

import java.util.Objects;

/**
 * The JDK HTTP server's limits on connections and requests, and Strata's defaults for them.
 *
 * <p>These limits are per process, not per server: the JDK server reads them from system
 * properties once, when the first {@code HttpServer} of the JVM is created, and every server of
 * the JVM then shares them. Setting a property afterwards changes nothing. {@link
 * #applyDefaults()} (run when {@link StrataServer} is loaded) sets Strata's default for each
 * property that is not set yet, so a {@code -D} on the command line wins; {@link #set(Limit,
 * int)} replaces a value, for {@code strata serve}'s flags, which run before its one server is
 * created.
 *
 * <p>What a client sees at each limit, as the JDK 17 server behaves: a request with too many or
 * too large headers, and a connection beyond {@link Limit#MAX_CONNECTIONS}, are closed without a
 * response; a connection that outlasts a timeout is closed. None of them is answered with a
 * status, so none is a 5xx.
 */
public final class HttpLimits {
  /** The JDK server's switch for TCP_NODELAY on accepted connections; Strata turns it on. */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  /** One limit: its system property and Strata's default. */
  public enum Limit {
    /**
     * Request header names per request, a repeated name counted once (the JDK's own default:
     * 200). A request with more is closed without a response.
     */
    MAX_HEADERS("sun.net.httpserver.maxReqHeaders", 100),

    /**
     * Bytes of the request line and headers, with 32 more counted for each line (the JDK's own
     * default: 380 KiB). A request with more is closed without a response.
     */
    MAX_HEADER_BYTES("sun.net.httpserver.maxReqHeaderSize", 64 * 1024),

    /**
     * Seconds a connection may take to deliver a request once it sent its first byte (the JDK's
     * own default: no limit). A request whose body is not read to its end, such as one without a
     * {@code Content-Length}, counts as delivered only once it is answered. A connection over the
     * limit is closed, which frees a thread that a slow client held. It also bounds how long an
     * accepted connection may send nothing, when shorter than {@link #IDLE_TIMEOUT_SECONDS}.
     */
    READ_TIMEOUT_SECONDS("sun.net.httpserver.maxReqTime", 30),

    /**
     * Seconds a connection may take from a delivered request to the end of its response (the
     * JDK's own default: no limit). A connection over the limit is closed, which frees a thread
     * held by a client that does not read its response.
     */
    WRITE_TIMEOUT_SECONDS("sun.net.httpserver.maxRspTime", 30),

    /**
     * Seconds a keep-alive connection may wait for its next request, and an accepted connection
     * for its first (the JDK's own default: 30). The JDK looks for idle connections every 10
     * seconds, so one may stay open up to that much longer.
     */
    IDLE_TIMEOUT_SECONDS("sun.net.httpserver.idleInterval", 30),

    /**
     * Open connections (the JDK's own default: no limit). A connection beyond it is accepted and
     * closed at once.
     */
    MAX_CONNECTIONS("jdk.httpserver.maxConnections", 1024);

    private final String property;
    private final int strataDefault;

    Limit(String property, int strataDefault) {
      this.property = property;
      this.strataDefault = strataDefault;
    }

    /** The JDK's system property, e.g. {@code sun.net.httpserver.maxReqTime}. */
    public String property() {
      return property;
    }

    /** The value Strata sets when the property is not set. */
    public int strataDefault() {
      return strataDefault;
    }
  }

  private HttpLimits() {}

  /**
   * Sets Strata's default of every {@link Limit} whose property is not set, and turns {@link
   * #NODELAY} on unless it is set: the JDK server leaves Nagle's algorithm on, so on a keep-alive
   * connection every small response would wait for the client's delayed ACK (about 40 ms: 350
   * requests/s in the load benchmark, 18,000 with it off). Has no effect on the JDK server once
   * this JVM created one.
   */
  static synchronized void applyDefaults() {
    for (Limit limit : Limit.values()) {
      setIfAbsent(limit.property(), Integer.toString(limit.strataDefault()));
    }
    setIfAbsent(NODELAY, "true");
  }

  /**
   * Sets {@code limit} to {@code value}, replacing its default or an earlier value. Takes effect
   * only if this JVM has not created an {@code HttpServer} yet.
   *
   * @throws IllegalArgumentException when {@code value} is not positive
   */
  public static synchronized void set(Limit limit, int value) {
    Objects.requireNonNull(limit, "limit");
    if (value < 1) {
      throw new IllegalArgumentException(limit + " must be at least 1, not " + value);
    }
    System.setProperty(limit.property(), Integer.toString(value));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
