package dev.strata.app.cli;

import dev.strata.app.server.StrataServer;
import dev.strata.app.wiring.WiredStrata;
import dev.strata.app.wiring.Wiring;
import dev.strata.ports.driving.Strata;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata serve}: a Bedrock-compatible HTTP endpoint until the process is told to stop.
 * Prints one line, {@code Strata listening on http://HOST:PORT}, once it accepts requests; on
 * SIGTERM or SIGINT it stops accepting and lets requests in flight finish within the grace period.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the Bedrock provisioned-throughput API over HTTP (restJson1).")
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "4010",
      description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--grace-seconds",
      defaultValue = "10",
      description = "How long requests in flight may take to finish on shutdown (default: ${DEFAULT-VALUE}).")
  int graceSeconds;

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
    Strata served = strata;
    if (served == null) {
      wired = Wiring.open(global.configuration());
      served = wired.strata();
    }
    StrataServer server;
    try {
      server = StrataServer.start(served, host, port);
    } catch (RuntimeException e) {
      closeAdapters();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Strata listening on " + server.url());
    out.flush();
    return server;
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
    if (wired != null) {
      wired.close();
      wired = null;
    }
  }

  Duration grace() {
    return Duration.ofSeconds(graceSeconds);
  }
}
