package dev.strata.adapters.aws;

import static dev.strata.ports.contract.Fixtures.HOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.contract.Fixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A provisioned throughput as a DynamoDB item: typed attributes, read back equal. */
class DynamoDbRecordsTest {
  /** Every optional attribute present: a committed provisioned throughput of a custom model. */
  private static ProvisionedThroughput everyAttribute() {
    return Fixtures.committedToCustomModel(HOME, Fixtures.id(1), "committed", "token-1");
  }

  /** The start of the message refusing {@code item}: it names the item. */
  private static String refusal(Map<String, AttributeValue> item) {
    return "stored item " + item.get(DynamoDbStrataTable.PK).s() + " " + item.get(DynamoDbStrataTable.SK).s()
        + " is not a provisioned throughput: ";
  }

  @Test
  void an_item_holds_every_attribute_typed_and_reads_back_equal() {
    ProvisionedThroughput pt = everyAttribute();

    Map<String, AttributeValue> item = DynamoDbRecords.toItem(pt);

    assertEquals(AttributeValue.fromN("3"), item.get("modelUnits"));
    assertEquals(AttributeValue.fromS("token-1"), item.get("clientRequestToken"));
    assertEquals(
        AttributeValue.fromL(
            java.util.List.of(AttributeValue.fromM(Map.of("key", AttributeValue.fromS("team"), "value", AttributeValue.fromS("search"))))),
        item.get("tags"));
    assertEquals(
        AttributeValue.fromM(
            Map.of(
                "ledger", AttributeValue.fromS("COMMITTED_PER_MODEL"),
                "modelId", AttributeValue.fromS(Fixtures.NOVA_LITE_24K),
                "units", AttributeValue.fromN("3"))),
        item.get("quotaCharge"));
    assertEquals(pt, DynamoDbRecords.fromItem(item));
  }

  @Test
  void a_malformed_item_is_refused_naming_the_item_and_the_attribute() {
    Map<String, AttributeValue> item = new HashMap<>(DynamoDbRecords.toItem(everyAttribute()));
    item.put("modelUnits", AttributeValue.fromN("2.5"));

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DynamoDbRecords.fromItem(item));

    assertEquals(
        refusal(item) + "modelUnits must be an integer",
        refused.getMessage());
  }

  @Test
  void an_item_of_the_layout_before_the_unified_mapping_reads_back_equal() {
    ProvisionedThroughput pt = everyAttribute();

    assertEquals(pt, DynamoDbRecords.fromItem(LegacyLayoutItems.toItem(pt)));
  }

  @Test
  void a_malformed_item_of_the_earlier_layout_is_refused_naming_the_item_the_attribute_and_the_layout() {
    Map<String, AttributeValue> item = new HashMap<>(LegacyLayoutItems.toItem(everyAttribute()));
    item.remove("quotaUnits");

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DynamoDbRecords.fromItem(item));

    assertEquals(
        refusal(item) + "quotaCharge.units is missing"
            + " (read in the layout before the unified mapping)",
        refused.getMessage());
  }

  @Test
  void an_item_holding_both_layouts_is_refused_as_ambiguous() {
    Map<String, AttributeValue> item = new HashMap<>(DynamoDbRecords.toItem(everyAttribute()));
    item.putAll(LegacyLayoutItems.toItem(everyAttribute()));

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DynamoDbRecords.fromItem(item));

    assertEquals(
        refusal(item) + "it holds both provisionedModelArn (the current layout)"
            + " and arn (the layout before the unified mapping)",
        refused.getMessage());
  }
}
