package dev.strata.adapters.aws;

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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, in this JVM, in memory, on a free loopback port: one per test class, as a JUnit
 * extension ({@code @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();}
 * starts it before the class's tests and stops it after them). Each {@link #freshTable()} is a
 * new, empty Strata table, created as production creates it. Published in this module's test-jar:
 * app's tests and the Spring Boot starter's start it the same way and reach it at {@link
 * #endpoint()}, where the Strata wiring creates its tables.
 */
public final class DynamoDbLocal implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private DynamoDBProxyServer server;
  private URI endpoint;
  private DynamoDbClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts the server and its client; {@link #close()} stops them. */
  DynamoDbLocal start() {
    int port = freePort();
    try {
      server =
          quietly(port);
      server.start();
      endpoint = URI.create("http://127.0.0.1:" + port);
      client =
          DynamoDbClient.builder()
              .endpointOverride(endpoint)
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      return this;
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
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

  DynamoDbClient client() {
    return client;
  }

  /** Where it listens, for {@code --endpoint dynamodb=...}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A table name no other test of this JVM uses. */
  public static String freshTableName() {
    return "strata-" + TABLES.incrementAndGet();
  }

  /** A new, empty Strata table. */
  DynamoDbStrataTable freshTable() {
    DynamoDbStrataTable table = new DynamoDbStrataTable(client, freshTableName());
    if (!table.createIfAbsent().getOrElseThrow(e -> new IllegalStateException(e.toString()))) {
      throw new IllegalStateException("table " + table.name() + " existed already");
    }
    return table;
  }

  @Override
  public void close() {
    client.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }
}
