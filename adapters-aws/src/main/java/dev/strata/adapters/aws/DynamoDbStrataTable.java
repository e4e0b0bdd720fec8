package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one DynamoDB table that holds Strata's shared state: provisioned throughputs, their name and
 * token claims, and the model units held in each quota ledger (single-table design).
 *
 * <table>
 *   <caption>Items</caption>
 *   <tr><th>item</th><th>{@code pk}</th><th>{@code sk}</th><th>other attributes</th></tr>
 *   <tr><td>provisioned throughput</td><td>{@code PT#<partition>#<region>#<account>}</td>
 *       <td>{@code ID#<id>}</td><td>every attribute of the aggregate, and {@code created}</td></tr>
 *   <tr><td>name claim</td><td>{@code NAME#<partition>#<region>#<account>#<name>}</td>
 *       <td>{@code NAME}</td><td>{@code id}</td></tr>
 *   <tr><td>token claim</td><td>{@code TOKEN#<partition>#<region>#<account>#<token>}</td>
 *       <td>{@code TOKEN}</td><td>{@code id}</td></tr>
 *   <tr><td>ledger usage</td><td>{@code QUOTA#<partition>#<region>#<account>#<ledger>[#<model>]}</td>
 *       <td>{@code QUOTA}</td><td>{@code used} (number)</td></tr>
 * </table>
 *
 * <p>The local secondary index {@value #BY_CREATION} sorts a scope's provisioned throughputs by
 * {@code created} = creation time in milliseconds (20 digits, sign-flipped so that string order is
 * numeric order) {@code #} id, which is {@link ListPosition}'s order; being local, it can be read
 * consistently. Every read Strata makes is consistent.
 *
 * <p>Create the table on first run with {@link #createIfAbsent()} (what the tests do), or with the
 * AWS CLI as the module's README shows. On-demand billing; no TTL, no streams.
 */
public final class DynamoDbStrataTable {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String CREATED = "created";
  public static final String BY_CREATION = "byCreation";

  private final DynamoDbClient client;
  private final String name;

  public DynamoDbStrataTable(DynamoDbClient client, String name) {
    this.client = Objects.requireNonNull(client, "client");
    this.name = Objects.requireNonNull(name, "name");
  }

  public DynamoDbClient client() {
    return client;
  }

  public String name() {
    return name;
  }

  /**
   * Creates the table unless it exists, and waits until it is active. Right(true) when this call
   * created it. Safe to run from several instances at once.
   */
  public Either<BedrockError, Boolean> createIfAbsent() {
    return DynamoDbErrors.attempt(
        () -> {
          boolean created;
          try {
            client.describeTable(r -> r.tableName(name));
            created = false;
          } catch (ResourceNotFoundException absent) {
            try {
              client.createTable(definition());
              created = true;
            } catch (ResourceInUseException raced) {
              created = false;
            }
          }
          client.waiter().waitUntilTableExists(r -> r.tableName(name));
          return Either.right(created);
        });
  }

  /** The table's definition: keys, the creation-order index, on-demand billing. */
  public CreateTableRequest definition() {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attribute(PK), attribute(SK), attribute(CREATED))
        .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
        .localSecondaryIndexes(
            LocalSecondaryIndex.builder()
                .indexName(BY_CREATION)
                .keySchema(key(PK, KeyType.HASH), key(CREATED, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
        .build();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static String scopeKey(ResourceScope scope) {
    return scope.partition() + "#" + scope.region() + "#" + scope.account();
  }

  /** The partition of a scope's provisioned throughputs. */
  static String recordPartition(ResourceScope scope) {
    return "PT#" + scopeKey(scope);
  }

  static Map<String, AttributeValue> recordKey(ResourceScope scope, ProvisionedModelId id) {
    return key(recordPartition(scope), "ID#" + id.value());
  }

  static Map<String, AttributeValue> nameKey(ResourceScope scope, ProvisionedModelName name) {
    return key("NAME#" + scopeKey(scope) + "#" + name.value(), "NAME");
  }

  static Map<String, AttributeValue> tokenKey(ResourceScope scope, ClientRequestToken token) {
    return key("TOKEN#" + scopeKey(scope) + "#" + token.value(), "TOKEN");
  }

  static Map<String, AttributeValue> usageKey(ResourceScope scope, QuotaKey ledger) {
    return key(
        "QUOTA#" + scopeKey(scope) + "#" + ledger.ledger().name() + ledger.modelId().map(m -> "#" + m).orElse(""),
        "QUOTA");
  }

  /** {@code position} as the {@value #CREATED} sort key: fixed-width millis, then the id. */
  static String created(ListPosition position) {
    String millis = Long.toUnsignedString(position.creationMillis() ^ Long.MIN_VALUE);
    return "0".repeat(20 - millis.length()) + millis + "#" + position.id();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }
}
