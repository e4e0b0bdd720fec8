package dev.strata.adapters.aws;

import static dev.strata.ports.contract.Fixtures.HOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ProvisionedThroughputAttributes;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.contract.Fixtures;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table written by Strata builds before the unified mapping keeps working: its items, in the old
 * layout ({@link LegacyLayoutItems}), are found, listed, replaced in the current layout and removed
 * through {@link DynamoDbProvisionedThroughputs}, with their claims and ledger usage.
 */
class DynamoDbLegacyRecordsTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  private static final QuotaKey COMMITTED = QuotaKey.committed(Fixtures.NOVA_LITE_24K);

  private final DynamoDbStrataTable table = DYNAMO_DB.freshTable();
  private final DynamoDbProvisionedThroughputs store = new DynamoDbProvisionedThroughputs(table);

  /** Every optional attribute present: committed, custom model, client request token. */
  private static ProvisionedThroughput committed() {
    return Fixtures.committedToCustomModel(HOME, Fixtures.id(1), "committed", "token-1");
  }

  /** The record, its claims and its ledger usage, as an earlier build's insert left them. */
  private void writtenByEarlierBuild(ProvisionedThroughput pt) {
    put(LegacyLayoutItems.toItem(pt));
    put(claim(DynamoDbStrataTable.nameKey(HOME, pt.provisionedModelName()), pt));
    pt.clientRequestToken().ifPresent(t -> put(claim(DynamoDbStrataTable.tokenKey(HOME, t), pt)));
    Map<String, AttributeValue> usage = new HashMap<>(DynamoDbStrataTable.usageKey(HOME, pt.quotaCharge().key()));
    usage.put("used", DynamoDbRecords.n(pt.quotaCharge().units().value()));
    put(usage);
  }

  private static Map<String, AttributeValue> claim(Map<String, AttributeValue> key, ProvisionedThroughput pt) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("id", DynamoDbRecords.s(pt.id().value()));
    return item;
  }

  private void put(Map<String, AttributeValue> item) {
    table.client().putItem(r -> r.tableName(table.name()).item(item));
  }

  private Map<String, AttributeValue> storedItem(ProvisionedThroughput pt) {
    return table.client()
        .getItem(r -> r.tableName(table.name()).key(DynamoDbStrataTable.recordKey(HOME, pt.id())).consistentRead(true))
        .item();
  }

  @Test
  void an_item_of_the_old_layout_is_found_by_id_by_name_and_by_token() {
    ProvisionedThroughput pt = committed();
    writtenByEarlierBuild(pt);

    assertEquals(Either.right(Option.some(pt)), store.findById(HOME, pt.id()));
    assertEquals(Either.right(Option.some(pt)), store.findByName(HOME, ProvisionedModelName.of("committed")));
    assertEquals(Either.right(Option.some(pt)), store.findByClientRequestToken(HOME, ClientRequestToken.of("token-1")));
  }

  @Test
  void a_failed_item_of_the_old_layout_without_commitment_or_token_reads_back_equal() {
    Map<String, Object> record = ProvisionedThroughputAttributes.toRecord(Fixtures.provisioned(HOME, Fixtures.id(2), "failed"));
    record.put("status", ProvisionedModelStatus.Failed.name());
    record.put("failureMessage", "Capacity is not available.");
    ProvisionedThroughput failed = ProvisionedThroughputAttributes.fromRecord(record, "").get();

    assertEquals(failed, DynamoDbRecords.fromItem(LegacyLayoutItems.toItem(failed)));
  }

  @Test
  void items_of_both_layouts_are_listed_together_in_creation_order() {
    ProvisionedThroughput old = committed();
    ProvisionedThroughput current = Fixtures.provisioned(HOME, Fixtures.id(2), "current");
    writtenByEarlierBuild(old);
    store.insert(current, 10).get();

    assertEquals(
        Either.right(List.of(old, current)),
        store.list(HOME, ThroughputFilter.none(), SortOrder.Ascending, Option.none(), 10));
  }

  @Test
  void renaming_an_item_of_the_old_layout_writes_the_current_layout_in_place() {
    ProvisionedThroughput pt = committed();
    writtenByEarlierBuild(pt);
    Map<String, AttributeValue> old = storedItem(pt);
    ProvisionedThroughput current = store.findById(HOME, pt.id()).get().get();
    ProvisionedThroughput renamed = Fixtures.renamed(current, "renamed");

    assertEquals(Either.right(new WriteOutcome.Written(Option.some(renamed))), store.replace(current, renamed));

    Map<String, AttributeValue> item = storedItem(pt);
    assertEquals(DynamoDbRecords.toItem(renamed), item);
    assertFalse(item.containsKey("arn") || item.containsKey("quotaLedger") || item.containsKey("name"));
    assertEquals(old.get(DynamoDbStrataTable.CREATED), item.get(DynamoDbStrataTable.CREATED));
    assertEquals(Either.right(Option.some(renamed)), store.findById(HOME, pt.id()));
    assertEquals(Either.right(Option.some(renamed)), store.findByName(HOME, ProvisionedModelName.of("renamed")));
    assertEquals(Either.right(Option.none()), store.findByName(HOME, ProvisionedModelName.of("committed")));
    assertEquals(Either.right(Option.some(renamed)), store.findByClientRequestToken(HOME, ClientRequestToken.of("token-1")));
  }

  @Test
  void a_replace_of_an_item_of_the_old_layout_at_another_version_is_stale_and_writes_nothing() {
    ProvisionedThroughput pt = committed();
    ProvisionedThroughput stored = Fixtures.retagged(pt, "owner", "ml-platform");
    writtenByEarlierBuild(stored);

    assertEquals(
        Either.right(new WriteOutcome.Stale(Option.some(stored))),
        store.replace(pt, Fixtures.retagged(pt, "cost-center", "42")));
    assertEquals(
        Either.right(new WriteOutcome.Stale(Option.some(stored))),
        store.replace(pt, Fixtures.renamed(pt, "renamed")));
    assertEquals(LegacyLayoutItems.toItem(stored), storedItem(stored));
  }

  @Test
  void retagging_an_item_of_the_old_layout_writes_the_current_layout_at_the_next_version() {
    ProvisionedThroughput pt = committed();
    writtenByEarlierBuild(pt);
    ProvisionedThroughput current = store.findByName(HOME, ProvisionedModelName.of("committed")).get().get();
    ProvisionedThroughput retagged = Fixtures.retagged(current, "owner", "ml-platform");

    assertEquals(Either.right(new WriteOutcome.Written(Option.some(retagged))), store.replace(current, retagged));

    assertEquals(DynamoDbRecords.toItem(retagged), storedItem(pt));
    assertEquals(pt.version() + 1, retagged.version());
    assertEquals(Either.right(Option.some(retagged)), store.findByName(HOME, ProvisionedModelName.of("committed")));
  }

  @Test
  void removing_an_item_of_the_old_layout_releases_its_units_and_its_claims() {
    ProvisionedThroughput pt = committed();
    writtenByEarlierBuild(pt);
    assertEquals(Either.right(3L), store.unitsHeld(HOME, COMMITTED));
    ProvisionedThroughput current =
        store.findByClientRequestToken(HOME, ClientRequestToken.of("token-1")).get().get();

    assertEquals(Either.right(new WriteOutcome.Written(Option.none())), store.remove(current));

    assertEquals(Either.right(0L), store.unitsHeld(HOME, COMMITTED));
    assertEquals(Either.right(Option.none()), store.findById(HOME, pt.id()));
    assertEquals(Either.right(Option.none()), store.findByName(HOME, ProvisionedModelName.of("committed")));
    assertEquals(Either.right(Option.none()), store.findByClientRequestToken(HOME, ClientRequestToken.of("token-1")));
    assertTrue(storedItem(pt).isEmpty());
  }

  @Test
  void an_item_of_neither_layout_is_an_internal_server_error_naming_the_item() {
    ProvisionedThroughput pt = committed();
    Map<String, AttributeValue> item = new HashMap<>(LegacyLayoutItems.toItem(pt));
    item.remove("arn");
    put(item);
    String named =
        "stored item PT#aws#us-east-1#123456789012 ID#" + pt.id().value() + " is not a provisioned throughput: it"
            + " holds neither provisionedModelArn (the current layout) nor arn (the layout before the unified mapping)";

    assertEquals(
        Either.left(new BedrockError.InternalServerError("The state store failed: IllegalStateException: " + named)),
        store.findById(HOME, pt.id()));
    assertEquals(
        Either.left(new BedrockError.InternalServerError("The state store failed: IllegalStateException: " + named)),
        store.list(HOME, ThroughputFilter.none(), SortOrder.Ascending, Option.none(), 10));
  }
}
