package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.control.Either;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The model-unit ledgers (D14) with limits from {@link ModelUnitLimits} and usage in the Strata
 * table ({@link DynamoDbStrataTable}): one item per scope and ledger, changed only by conditional
 * updates, so any number of app instances never over-allocate. {@link
 * DynamoDbProvisionedThroughputs} on the same table holds and releases its records' units in the
 * same items.
 */
public final class DynamoDbModelUnitQuotas implements ModelUnitQuotas {
  private final DynamoDbStrataTable table;
  private final ModelUnitLimits limits;

  public DynamoDbModelUnitQuotas(DynamoDbStrataTable table, ModelUnitLimits limits) {
    this.table = Objects.requireNonNull(table, "table");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public Either<BedrockError, QuotaCharge> reserve(ResourceScope scope, QuotaCharge charge) {
    return limits
        .limit(scope, charge.key())
        .flatMap(
            limit ->
                DynamoDbErrors.attempt(
                    () -> {
                      try {
                        table.client().updateItem(DynamoDbLedger.hold(scope, charge, limit).request(table.name()));
                        return Either.right(charge);
                      } catch (ConditionalCheckFailedException full) {
                        return Either.left(
                            DynamoDbLedger.usage(charge.key(), limit, full.item()).exceededBy(charge.units()));
                      }
                    }));
  }

  @Override
  public Either<BedrockError, QuotaCharge> release(ResourceScope scope, QuotaCharge charge) {
    return DynamoDbErrors.attempt(
        () -> {
          while (true) {
            try {
              table.client().updateItem(DynamoDbLedger.release(scope, charge).request(table.name()));
              return Either.right(charge);
            } catch (ConditionalCheckFailedException fewer) {
              try {
                table.client().updateItem(DynamoDbLedger.releaseAll(scope, charge).request(table.name()));
                return Either.right(charge);
              } catch (ConditionalCheckFailedException refilled) {
                // units were reserved in between: release them normally
              }
            }
          }
        });
  }

  @Override
  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return limits
        .limit(scope, key)
        .flatMap(
            limit ->
                DynamoDbErrors.attempt(
                    () ->
                        Either.right(
                            DynamoDbLedger.usage(
                                key,
                                limit,
                                table
                                    .client()
                                    .getItem(
                                        r ->
                                            r.tableName(table.name())
                                                .key(DynamoDbStrataTable.usageKey(scope, key))
                                                .consistentRead(true))
                                    .item()))));
  }
}
