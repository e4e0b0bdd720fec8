package dev.strata.app.aws;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * DynamoDB Local, in this JVM, in memory, on a free loopback port: one per test class, as a JUnit
 * extension ({@code @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();}),
 * as in adapters-aws' tests. The app reaches it through its endpoint override; the Strata wiring
 * creates its tables. Published in app's test-jar for the Spring Boot starter's tests.
 */
public final class DynamoDbLocal implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private DynamoDBProxyServer server;
  private URI endpoint;

  @Override
  public void beforeAll(ExtensionContext context) {
    int port = freePort();
    try {
      server =
          quietly(port);
      server.start();
      endpoint = URI.create("http://127.0.0.1:" + port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.stop();
  }

  /** Where it listens, for {@code --endpoint dynamodb=...}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A table name no other test of this JVM uses. */
  public static String freshTableName() {
    return "strata-app-" + TABLES.incrementAndGet();
  }

  /**
   * DynamoDB Local in memory on {@code port}, without the configuration banner that {@code
   * createServerFromCommandLineArgs} prints to stdout.
   */
  private static DynamoDBProxyServer quietly(int port) throws Exception {
    CommandLineInput input =
        new CommandLineInput(
            new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
    if (!input.init()) {
      throw new IllegalStateException("DynamoDB Local refused its command line");
    }
    return ServerRunner.createServer(input);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
