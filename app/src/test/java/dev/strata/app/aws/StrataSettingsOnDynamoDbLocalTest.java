package dev.strata.app.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.aws.DynamoDbLocal;
import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.AdapterSettings.AwsService;
import dev.strata.composition.StrataSettings;
import dev.strata.composition.WiredStrata;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java entry point on the {@code aws} store: a Strata opened from keys keeps its provisioned
 * throughputs in DynamoDB Local, where a second one finds them, and {@code close()} releases the
 * AWS clients.
 */
class StrataSettingsOnDynamoDbLocalTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  @Test
  void a_strata_opened_from_keys_keeps_its_provisioned_throughputs_in_the_dynamodb_table() {
    String table = DynamoDbLocal.freshTableName();
    Map<String, String> keys =
        Map.of("store", "aws", "table", table, "endpoint.dynamodb", DYNAMO_DB.endpoint().toString());

    try (WiredStrata first = StrataSettings.of(keys).open()) {
      first.strata()
          .createProvisionedModelThroughput(
              CreateProvisionedModelThroughputCommand.builder("orders", "amazon.nova-lite-v1:0:24k", 1).build())
          .getOrElseThrow(e -> new AssertionError(e.message()));
    }

    StrataSettings built =
        StrataSettings.defaults().store(Adapter.AWS).table(table).endpoint(AwsService.DYNAMODB, DYNAMO_DB.endpoint());
    try (WiredStrata second = built.open()) {
      assertEquals(
          "orders",
          second.strata().getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("orders")).get()
              .provisionedModelName().value());
    }
  }

  @Test
  void close_releases_the_aws_clients_and_a_later_call_is_refused_as_a_value() {
    WiredStrata wired =
        StrataSettings.defaults()
            .store(Adapter.AWS)
            .table(DynamoDbLocal.freshTableName())
            .endpoint(AwsService.DYNAMODB, DYNAMO_DB.endpoint())
            .open();
    wired.strata().listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all()).get();

    wired.close();

    var afterClose = wired.strata().listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all());
    assertTrue(afterClose.isLeft(), afterClose::toString);
    assertTrue(afterClose.getLeft().message().startsWith("The state store failed"), afterClose.getLeft()::message);
  }
}
