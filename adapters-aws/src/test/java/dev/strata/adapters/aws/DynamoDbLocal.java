package dev.strata.adapters.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, in this JVM, in memory, on a free loopback port: one per test class ({@link
 * #start()} in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}). Each {@link
 * #freshTable()} is a new, empty Strata table, created as production creates it.
 */
final class DynamoDbLocal implements AutoCloseable {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private final DynamoDBProxyServer server;
  private final DynamoDbClient client;

  private DynamoDbLocal(DynamoDBProxyServer server, DynamoDbClient client) {
    this.server = server;
    this.client = client;
  }

  static DynamoDbLocal start() {
    int port = freePort();
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
      server.start();
      DynamoDbClient client =
          DynamoDbClient.builder()
              .endpointOverride(URI.create("http://127.0.0.1:" + port))
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      return new DynamoDbLocal(server, client);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
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

  /** A new, empty Strata table. */
  DynamoDbStrataTable freshTable() {
    DynamoDbStrataTable table = new DynamoDbStrataTable(client, "strata-" + TABLES.incrementAndGet());
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
