package dev.strata.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.aws.DynamoDbLocal;
import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.StrataSettings;
import dev.strata.composition.WiredStrata;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.spring.sample.OrdersApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application with profile {@code local}: its Strata keeps provisioned throughputs in
 * DynamoDB Local (started as app's tests start it), where another Strata on the table finds them.
 */
class LocalProfileTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @Test
  void profile_local_gets_the_dynamodb_local_store() {
    String table = DynamoDbLocal.freshTableName();
    String endpoint = DYNAMO_DB.endpoint().toString();

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(OrdersApplication.class)
            .profiles("local")
            .run("--strata.endpoint.dynamodb=" + endpoint, "--strata.table=" + table)) {
      context.getBean(OrdersApplication.Capacity.class).reserve("nightly", 1).getOrElseThrow(e -> new AssertionError(e.message()));

      assertEquals(Adapter.AWS, context.getBean(StrataProperties.class).settings().configuration().adapters().store());
      assertEquals(Status.UP, context.getBean(StrataHealthIndicator.class).health().getStatus());
    }

    try (WiredStrata other =
        StrataSettings.of(Map.of("store", "aws", "table", table, "endpoint.dynamodb", endpoint)).open()) {
      assertEquals(
          "nightly",
          other.strata().getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("nightly")).get()
              .provisionedModelName().value());
    }
  }

  @Test
  void a_dynamodb_that_cannot_be_reached_fails_start_up_with_the_table_named() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    RecordingFailureAnalysisReporter.drain();

    assertThrows(
        Exception.class,
        () -> new SpringApplicationBuilder(OrdersApplication.class)
            .profiles("local")
            .run("--strata.endpoint.dynamodb=http://127.0.0.1:" + closed, "--strata.table=unreachable"));

    List<FailureAnalysis> reported = RecordingFailureAnalysisReporter.drain();
    assertEquals(1, reported.size(), reported::toString);
    assertTrue(
        reported.get(0).getDescription().startsWith(
            "Strata could not start its adapters: DynamoDB table unreachable could not be created or described"),
        reported.get(0)::getDescription);
  }
}
