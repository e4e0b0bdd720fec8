package dev.strata.app.cli;

import dev.strata.app.server.AccountThrottle;
import dev.strata.app.server.AuditTrail;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import dev.strata.app.server.HttpLimits;
import dev.strata.app.server.HttpLimits.Limit;
import dev.strata.app.server.StrataServer;
import dev.strata.app.server.ThrottleSettings;
import dev.strata.app.server.control.ControlApi;
import dev.strata.app.wiring.WiredStrata;
import dev.strata.app.wiring.Wiring;
import dev.strata.ports.driving.Strata;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata serve}: a Bedrock-compatible HTTP endpoint until the process is told to stop.
 * Prints one line, {@code Strata listening on http://HOST:PORT}, once it accepts requests; on
 * SIGTERM or SIGINT it stops accepting and lets requests in flight finish within the grace period.
 *
 * <p>Requests beyond {@code --max-concurrent-requests} wait in a queue of {@code
 * --max-queued-requests}; beyond that they are answered {@code 503 ServiceUnavailableException}.
 * The timeouts and the header and connection limits are the JDK HTTP server's, which it reads
 * from system properties when the JVM's first server is created (see {@link HttpLimits}): each
 * flag given sets its property just before {@code serve} creates its server, so in a JVM that
 * created an HTTP server before, they do not take effect.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Bedrock provisioned-throughput API over HTTP (restJson1).",
      "Each limit option defaults to its STRATA_ environment variable (e.g."
          + " STRATA_MAX_CONCURRENT_REQUESTS) when set."
    })
public final class ServeCommand implements Callable<Integer> {

  /** The environment variables that set {@code --host} and {@code --port} when they are not given. */
  static final String HOST_VARIABLE = "STRATA_HOST";

  static final String PORT_VARIABLE = "STRATA_PORT";

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to bind. Default: $" + HOST_VARIABLE + " when set, else 127.0.0.1.")
  private String hostOption;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "Port to bind; 0 picks a free one. Default: $" + PORT_VARIABLE + " when set, else 4010.")
  private Integer portOption;

  @Option(
      names = "--grace-seconds",
      defaultValue = "10",
      description = "How long requests in flight may take to finish on shutdown (default: ${DEFAULT-VALUE}).")
  int graceSeconds;

  @Option(
      names = "--auth",
      defaultValue = "${env:STRATA_AUTH:-none}",
      paramLabel = "MODE",
      description =
          "Who may call: none, sigv4, bearer or sigv4,bearer (default: ${DEFAULT-VALUE};"
              + " env STRATA_AUTH). sigv4 and bearer need --credentials.")
  String auth;

  @Option(
      names = "--credentials",
      defaultValue = "${env:STRATA_CREDENTIALS}",
      paramLabel = "FILE",
      description =
          "JSON file mapping access keys and API keys to accounts (env STRATA_CREDENTIALS);"
              + " see the README.")
  Path credentials;

  @Option(
      names = "--allow-unauthenticated-remote",
      description =
          "Serve a non-loopback --host with --auth none. Without it, Strata refuses: anyone who"
              + " can reach the port could create and delete provisioned throughputs.")
  boolean allowUnauthenticatedRemote;

  @Option(
      names = "--audit-log",
      defaultValue = "${env:STRATA_AUDIT_LOG:--}",
      paramLabel = "FILE",
      description =
          "Where each mutating call writes one JSON line: - for standard error, off, or a file"
              + " to append to (default: ${DEFAULT-VALUE}; env STRATA_AUDIT_LOG).")
  String auditLog;

  @Option(
      names = "--control-api",
      defaultValue = "${env:STRATA_CONTROL_API:-on}",
      paramLabel = "on|off",
      description =
          "Serve the test-control API under /_strata/ (reset, clock, transitions, state, health;"
              + " see the README) on the same port; off answers its paths 404 (default:"
              + " ${DEFAULT-VALUE}; env STRATA_CONTROL_API).")
  String controlApi;

  @Option(
      names = "--throttle",
      defaultValue = "${env:STRATA_THROTTLE:-off}",
      paramLabel = "RATE[/BURST]",
      description =
          "Requests per second each account may send, with an optional burst, e.g. 10 or 10/50;"
              + " more are answered 429 ThrottlingException (default: ${DEFAULT-VALUE}; env"
              + " STRATA_THROTTLE).")
  String throttle;

  @Option(
      names = "--max-concurrent-requests",
      paramLabel = "N",
      defaultValue = "${env:STRATA_MAX_CONCURRENT_REQUESTS}",
      description = "Requests handled at once. Default: twice the processors, at least 8.")
  Integer maxConcurrentRequests;

  @Option(
      names = "--max-queued-requests",
      paramLabel = "N",
      defaultValue = "${env:STRATA_MAX_QUEUED_REQUESTS}",
      description =
          "Requests that may wait for one being handled; beyond them the answer is 503"
              + " ServiceUnavailableException. Default: "
              + StrataServer.Config.DEFAULT_QUEUE
              + ".")
  Integer maxQueuedRequests;

  @Option(
      names = "--read-timeout-seconds",
      paramLabel = "SECONDS",
      defaultValue = "${env:STRATA_READ_TIMEOUT_SECONDS}",
      description =
          "How long a client may take to send a request; a slower one is disconnected."
              + " Default: 30.")
  Integer readTimeoutSeconds;

  @Option(
      names = "--idle-timeout-seconds",
      paramLabel = "SECONDS",
      defaultValue = "${env:STRATA_IDLE_TIMEOUT_SECONDS}",
      description =
          "How long a connection may wait for its next request before it is closed. Default: 30.")
  Integer idleTimeoutSeconds;

  @Option(
      names = "--max-header-bytes",
      paramLabel = "BYTES",
      defaultValue = "${env:STRATA_MAX_HEADER_BYTES}",
      description =
          "Largest request line and headers together; a request over it is disconnected."
              + " Default: 65536.")
  Integer maxHeaderBytes;

  @Option(
      names = "--max-headers",
      paramLabel = "N",
      defaultValue = "${env:STRATA_MAX_HEADERS}",
      description =
          "Most request header names; a request with more is disconnected. Default: 100.")
  Integer maxHeaders;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "${env:STRATA_MAX_CONNECTIONS}",
      description = "Most open connections; one more is closed at once. Default: 1024.")
  Integer maxConnections;

  static final int DEFAULT_PORT = 4010;

  @Spec CommandSpec spec;

  @ParentCommand private StrataCli global;

  private final Strata strata;

  /** Serves the Strata that the global options configure, built by the composition root. */
  public ServeCommand() {
    this.strata = null;
  }

  /** Serves {@code strata}. */
  public ServeCommand(Strata strata) {
    this.strata = Objects.requireNonNull(strata, "strata");
  }

  /** The adapters of the Strata the global options configure, once {@link #start()} opened them. */
  private WiredStrata wired;

  @Override
  public Integer call() throws InterruptedException {
    StrataServer server = start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(server);
                  stopped.countDown();
                },
                "strata-serve-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Opens the adapters (unless a Strata was given), starts the server and prints the ready line;
   * the caller stops it with {@link #stop(StrataServer)}.
   */
  StrataServer start() {
    StrataServer.Config config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      closeAdapters();
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Map<Limit, Integer> limits = limits();
    Strata served = strata;
    if (served == null) {
      wired = Wiring.open(global.configuration());
      served = wired.strata();
      if (controlApiOn()) {
        config = config.withControl(ControlApi.of(wired.control()));
      }
    }
    StrataServer server;
    try {
      limits.forEach(HttpLimits::set);
      server = StrataServer.start(served, config);
    } catch (IllegalArgumentException e) {
      closeAdapters();
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (UncheckedIOException e) {
      closeAdapters();
      throw cannotListen(e);
    } catch (RuntimeException e) {
      closeAdapters();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Strata listening on " + server.url());
    out.flush();
    return server;
  }

  /** Why {@code host:port} cannot be listened on, and what to do about it, in one line. */
  private StartFailure cannotListen(UncheckedIOException e) {
    if (e.getCause() instanceof BindException bind
        && String.valueOf(bind.getMessage()).contains("in use")) {
      return new StartFailure(
          "address " + host() + ":" + port() + " is in use: pass --port N, or --port 0 for any free port",
          e);
    }
    return new StartFailure(
        e.getMessage() + ": pass --host with an address of this machine (e.g. 127.0.0.1)", e);
  }

  /** Stops {@code server} within the grace period, then closes the adapters it served. */
  void stop(StrataServer server) {
    try {
      server.stop(grace());
    } finally {
      closeAdapters();
    }
  }

  private void closeAdapters() {
    try {
      if (wired != null) {
        wired.close();
        wired = null;
      }
    } finally {
      if (auditFile != null) {
        auditFile.close();
        auditFile = null;
      }
    }
  }

  /** The audit log file {@link #config()} opened, if any. */
  private PrintStream auditFile;

  private AuditTrail audit() {
    switch (auditLog) {
      case "off":
        return AuditTrail.off();
      case "-":
        return AuditTrail.jsonLines(System.err);
      default:
        try {
          auditFile =
              new PrintStream(
                  new FileOutputStream(auditLog, true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "--audit-log: cannot append to " + auditLog + ": " + e.getMessage()
                  + ": pass a writable file, - for standard error, or off",
              e);
        }
        return AuditTrail.jsonLines(auditFile);
    }
  }

  /**
   * Whether {@code --control-api} is on.
   *
   * @throws IllegalArgumentException naming the option when it is neither on nor off
   */
  private boolean controlApiOn() {
    return switch (controlApi.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(
          "--control-api: '" + controlApi + "' is not on or off (from --control-api or STRATA_CONTROL_API)");
    };
  }

  Duration grace() {
    return Duration.ofSeconds(graceSeconds);
  }

  /**
   * Where and how to serve: the options, with {@link StrataServer.Config#of}'s defaults.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  StrataServer.Config config() {
    StrataServer.Config config = StrataServer.Config.of(host(), port());
    if (maxConcurrentRequests != null) {
      config = config.withThreads(atLeast("--max-concurrent-requests", maxConcurrentRequests, 1));
    }
    if (maxQueuedRequests != null) {
      config = config.withQueue(atLeast("--max-queued-requests", maxQueuedRequests, 0));
    }
    Set<Authentication.Mode> modes = Authentication.Mode.parse(auth);
    Authentication authentication = Authentication.none();
    if (!modes.contains(Authentication.Mode.NONE)) {
      if (credentials == null) {
        throw new IllegalArgumentException(
            "--auth " + auth + " needs --credentials FILE (or STRATA_CREDENTIALS)");
      }
      Credentials keys = Credentials.read(credentials);
      authentication = Wiring.authentication(modes, keys);
    }
    controlApiOn();
    return config
        .withAuthentication(authentication)
        .withThrottle(AccountThrottle.of(ThrottleSettings.parse(throttle)))
        .withAudit(audit())
        .withUnauthenticatedRemoteAllowed(allowUnauthenticatedRemote);
  }

  /** The address to bind: {@code --host}, else {@code STRATA_HOST} when set and not empty, else loopback. */
  String host() {
    return hostOption != null ? hostOption : variable(HOST_VARIABLE).orElse("127.0.0.1");
  }

  /**
   * The port to bind: {@code --port}, else {@code STRATA_PORT} when set and not empty, else 4010.
   *
   * @throws ParameterException naming the variable when it is not a port number
   */
  int port() {
    if (portOption != null) {
      return portOption;
    }
    Optional<String> variable = variable(PORT_VARIABLE);
    if (variable.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(variable.get().trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, as a number out of range is
    }
    throw new ParameterException(
        spec.commandLine(),
        PORT_VARIABLE + ": '" + variable.get() + "' is not a port number (0 to 65535)");
  }

  private Optional<String> variable(String name) {
    String value = global == null ? System.getenv(name) : global.variable(name).orElse(null);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** The JDK server limits the options set; those not given keep Strata's default. */
  Map<Limit, Integer> limits() {
    Map<Limit, Integer> limits = new EnumMap<>(Limit.class);
    putIfGiven(limits, Limit.READ_TIMEOUT_SECONDS, "--read-timeout-seconds", readTimeoutSeconds);
    putIfGiven(limits, Limit.IDLE_TIMEOUT_SECONDS, "--idle-timeout-seconds", idleTimeoutSeconds);
    putIfGiven(limits, Limit.MAX_HEADER_BYTES, "--max-header-bytes", maxHeaderBytes);
    putIfGiven(limits, Limit.MAX_HEADERS, "--max-headers", maxHeaders);
    putIfGiven(limits, Limit.MAX_CONNECTIONS, "--max-connections", maxConnections);
    return limits;
  }

  private void putIfGiven(Map<Limit, Integer> limits, Limit limit, String option, Integer value) {
    if (value != null) {
      limits.put(limit, atLeast(option, value, 1));
    }
  }

  private int atLeast(String option, int value, int least) {
    if (value < least) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + least + ", not " + value);
    }
    return value;
  }
}
