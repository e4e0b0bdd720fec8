package dev.strata.adapters.aws;

import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE_24K;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CustomModel;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.contract.Concurrently;
import dev.strata.ports.contract.Fixtures;
import dev.strata.ports.driven.ArnMinter;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Create and Delete through the application service on the DynamoDB adapters, with two service
 * instances (as two app processes: no shared lock) on one table: D1, D2 and D14 hold across them.
 */
class DynamoDbCreateTest {
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  /** The one model these tests buy: {@link Fixtures#NOVA_LITE_24K}, no custom models. */
  private static final class OneModelCatalog implements ModelCatalog {
    @Override
    public Either<BedrockError, Option<FoundationModel>> findFoundationModel(ResourceScope scope, String modelId) {
      return Either.right(Option.of(Fixtures.novaLite24k(scope)).filter(m -> m.modelId().equals(modelId)));
    }

    @Override
    public Either<BedrockError, Seq<FoundationModel>> listFoundationModels(ResourceScope scope) {
      return Either.right(List.of(Fixtures.novaLite24k(scope)));
    }

    @Override
    public Either<BedrockError, Option<CustomModel>> findCustomModelByName(ResourceScope scope, String modelName) {
      return Either.right(Option.none());
    }

    @Override
    public Either<BedrockError, Option<CustomModel>> findCustomModelByArn(ResourceScope scope, CustomModelArn arn) {
      return Either.right(Option.none());
    }

    @Override
    public Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope) {
      return Either.right(List.empty());
    }
  }

  /** Distinct ids from one counter, shared by both instances as a random source would be. */
  private static final class CountingMinter implements ArnMinter {
    private final AtomicLong next = new AtomicLong();

    @Override
    public Either<BedrockError, ResourceScope> homeScope() {
      return Either.right(HOME);
    }

    @Override
    public ProvisionedModelArn mint(ResourceScope scope) {
      return scope.provisionedModelArn(ProvisionedModelId.of(String.format("m%011d", next.incrementAndGet())));
    }
  }

  private record Deployment(DynamoDbStrataTable table, ModelUnitLimits limits, CountingMinter minter) {
    StrataService instance() {
      return StrataService.builder()
          .catalog(new OneModelCatalog())
          .limits(limits)
          .minter(minter)
          .store(new DynamoDbProvisionedThroughputs(table))
          .clock(Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC))
          .build();
    }

    long used() {
      return new DynamoDbProvisionedThroughputs(table).unitsHeld(HOME, BASE).get();
    }
  }

  private static Deployment deployment(long limit) {
    return new Deployment(DYNAMO_DB.freshTable(), (scope, key) -> Either.right(limit), new CountingMinter());
  }

  private static CreateProvisionedModelThroughputCommand.Builder command(String name, int units) {
    return CreateProvisionedModelThroughputCommand.builder(name, NOVA_LITE_24K, units);
  }

  @Test
  void retries_with_one_token_through_two_instances_create_one_provisioned_throughput_holding_its_units_once() {
    Deployment d = deployment(100);
    StrataService[] instances = {d.instance(), d.instance()};

    java.util.List<Either<BedrockError, ProvisionedModelArn>> results =
        Concurrently.race(
            16,
            i -> instances[i % 2].createProvisionedModelThroughput(
                command("chat-prod", 3).clientRequestToken("retry-1").build()));

    assertTrue(results.stream().allMatch(Either::isRight), () -> "failures: " + results);
    assertEquals(1, results.stream().map(Either::get).distinct().count());
    assertEquals(3, d.used());
  }

  @Test
  void racing_creates_through_two_instances_never_over_allocate_and_refusals_hold_nothing() {
    Deployment d = deployment(5);
    StrataService[] instances = {d.instance(), d.instance()};

    java.util.List<Either<BedrockError, ProvisionedModelArn>> results =
        Concurrently.race(16, i -> instances[i % 2].createProvisionedModelThroughput(command("pt-" + i, 1).build()));

    assertEquals(5, results.stream().filter(Either::isRight).count());
    assertEquals(
        11,
        results.stream().filter(r -> r.isLeft() && r.getLeft() instanceof BedrockError.ServiceQuotaExceeded).count());
    assertEquals(5, d.used());
  }

  @Test
  void racing_creates_of_one_name_without_tokens_store_one_and_answer_the_rest_with_the_name_conflict() {
    Deployment d = deployment(100);
    StrataService[] instances = {d.instance(), d.instance()};

    java.util.List<Either<BedrockError, ProvisionedModelArn>> results =
        Concurrently.race(16, i -> instances[i % 2].createProvisionedModelThroughput(command("chat-prod", 2).build()));

    assertEquals(1, results.stream().filter(Either::isRight).count());
    assertTrue(
        results.stream()
            .filter(Either::isLeft)
            .allMatch(r -> r.getLeft() instanceof BedrockError.ValidationError && r.getLeft().message().contains("chat-prod")));
    assertEquals(2, d.used());
  }

  @Test
  void delete_gives_the_units_back_in_the_same_step() {
    Deployment d = deployment(4);
    StrataService strata = d.instance();
    ProvisionedModelArn arn = strata.createProvisionedModelThroughput(command("chat-prod", 4).build()).get();
    assertEquals(4, d.used());

    assertTrue(strata.deleteProvisionedModelThroughput(new DeleteProvisionedModelThroughputCommand(arn.value())).isRight());

    assertEquals(0, d.used());
    assertTrue(strata.createProvisionedModelThroughput(command("chat-prod", 4).build()).isRight());
    assertEquals(4, d.used());
  }

  @Test
  void a_limit_that_cannot_be_read_fails_the_create_with_its_error_and_holds_nothing() {
    BedrockError denied = new BedrockError.AccessDenied("not authorized to perform: servicequotas:GetServiceQuota");
    Deployment d = new Deployment(DYNAMO_DB.freshTable(), (scope, key) -> Either.left(denied), new CountingMinter());

    assertEquals(Either.left(denied), d.instance().createProvisionedModelThroughput(command("pt-1", 1).build()));
    assertEquals(0, d.used());
  }
}
