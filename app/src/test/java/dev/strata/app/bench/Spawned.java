package dev.strata.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server process the benchmark started, and stops: on {@link #close()}, and for any still alive
 * when the benchmark's JVM exits (a shutdown hook), so that no moto_server or Strata outlives a
 * failed or interrupted run. Stopping sends SIGTERM to the process and its descendants, then kills
 * whatever is left after a grace period.
 */
final class Spawned implements AutoCloseable {
  private static final Set<Spawned> LIVE = ConcurrentHashMap.newKeySet();
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Pattern LOOPBACK_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Spawned::close), "loadbench-cleanup"));
  }

  final String name;
  final Process process;
  final long startNanos;

  /** The port it was told to listen on, when the benchmark chose it. */
  int port;

  private Spawned(String name, Process process, long startNanos) {
    this.name = name;
    this.process = process;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code command}; stdout goes to a pipe (for {@link #awaitPort}) unless {@code log} is
   * given, stderr always to {@code log} or, without one, is discarded.
   */
  static Spawned start(String name, List<String> command, Path log, boolean pipeStdout)
      throws IOException {
    return start(name, command, Map.of(), log, pipeStdout);
  }

  /** {@link #start(String, List, Path, boolean)} with {@code environment} added to this one's. */
  static Spawned start(
      String name, List<String> command, Map<String, String> environment, Path log, boolean pipeStdout)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    if (log != null) {
      builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (!pipeStdout) {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      }
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      if (!pipeStdout) {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      }
    }
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    long start = System.nanoTime();
    Process process = builder.start();
    Spawned spawned = new Spawned(name, process, start);
    LIVE.add(spawned);
    return spawned;
  }

  /** Reads stdout until a line names {@code http://127.0.0.1:PORT}; the port. */
  int awaitPort(Duration limit) throws IOException, InterruptedException {
    AtomicReference<Integer> port = new AtomicReference<>();
    AtomicReference<String> lastLine = new AtomicReference<>("");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Matcher m = LOOPBACK_URL.matcher(line);
                  if (port.get() == null && m.find()) {
                    port.set(Integer.parseInt(m.group(1)));
                  }
                  lastLine.set(line);
                }
              } catch (IOException ignored) {
                // the process went away; stop reading
              }
            },
            name + "-stdout");
    reader.setDaemon(true); // keeps draining stdout for the life of the process
    reader.start();
    long deadline = System.nanoTime() + limit.toNanos();
    while (port.get() == null) {
      if (!process.isAlive()) {
        throw new IOException(
            name + " exited with " + process.exitValue() + " before listening: " + lastLine.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(name + " printed no loopback URL within " + limit);
      }
      Thread.sleep(5);
    }
    return port.get();
  }

  /** The process's resident set size in MiB ({@code VmRSS} of {@code /proc/PID/status}). */
  double residentMiB() throws IOException {
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
  }

  /** A port that was free a moment ago on the loopback. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LoadGenerator.LOOPBACK)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (!LIVE.remove(this)) {
      return;
    }
    List<ProcessHandle> tree = process.descendants().toList(); // before the parent is gone
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
