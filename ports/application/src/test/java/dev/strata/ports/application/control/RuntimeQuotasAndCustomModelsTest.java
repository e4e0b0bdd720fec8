package dev.strata.ports.application.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.Shape;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CustomModel;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.Harness;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driven.ModelCatalog;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.CustomModelRequest;
import dev.strata.ports.driving.GetCustomModelCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeQuotasAndCustomModelsTest {
  private final Harness harness = Harness.builder().build();
  private final StrataService strata = harness.service();
  private final Controls controls = strata.controls();
  private final ResourceScope home = harness.home();

  private Either<BedrockError, ?> create(String name, String model, int units, boolean committed) {
    CreateProvisionedModelThroughputCommand.Builder b =
        CreateProvisionedModelThroughputCommand.builder(name, model, units);
    if (committed) {
      b.commitmentDuration(CommitmentDuration.OneMonth);
    }
    return strata.createProvisionedModelThroughput(b.build());
  }

  private static QuotaUsage of(Seq<QuotaUsage> usages, QuotaLedger ledger) {
    return usages.find(u -> u.key().ledger() == ledger).get();
  }

  @Test
  void usageShowsEveryLedgerOfTheScopeWithCommittedOnesPerBaseModel() {
    create("flex", "amazon.nova-lite-v1:0:24k", 2, false).get();
    create("term", "amazon.nova-lite-v1:0:24k", 3, true).get();

    Seq<QuotaUsage> usage = controls.quotas().usage(home).get();

    assertEquals(2, of(usage, QuotaLedger.NO_COMMITMENT_BASE_MODELS).used());
    assertEquals(0, of(usage, QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS).used());
    assertEquals(QuotaKey.committed("amazon.nova-lite-v1:0:24k"), usage.last().key());
    assertEquals(3, usage.last().used());
  }

  @Test
  void aLimitLoweredBelowUsageKeepsWhatIsHeldAndRefusesNewCreates() {
    create("flex", "amazon.nova-lite-v1:0:24k", 2, false).get();

    Seq<QuotaUsage> after = controls.quotas().adjust(home, Map.of("L-FE44174A", 1L)).get();

    assertEquals(1, of(after, QuotaLedger.NO_COMMITMENT_BASE_MODELS).limit());
    assertEquals(2, of(after, QuotaLedger.NO_COMMITMENT_BASE_MODELS).used());
    assertEquals(Shape.ServiceQuotaExceededException, create("more", "amazon.nova-lite-v1:0:24k", 1, false).getLeft().shape());
    ResourceScope other = ResourceScope.of("aws", "us-east-1", "210987654321");
    assertEquals(1000, of(controls.quotas().usage(other).get(), QuotaLedger.NO_COMMITMENT_BASE_MODELS).limit());
  }

  @Test
  void aWrongLimitRefusesTheWholeChangeNamingTheMember() {
    BedrockError refused =
        controls.quotas().adjust(home, Map.of("L-FE44174A", 1L, "committed", "four")).getLeft();

    assertTrue(refused.message().contains("at 'limits.committed'"), refused.message());
    assertEquals(1000, of(controls.quotas().usage(home).get(), QuotaLedger.NO_COMMITMENT_BASE_MODELS).limit());
  }

  @Test
  void limitsFromAnotherSourceCannotBeChanged() {
    RuntimeQuotas fixed = new RuntimeQuotas((scope, key) -> Either.right(5L), harness.repository());

    BedrockError refused = fixed.adjust(home, Map.of("committed", 4L)).getLeft();

    assertEquals(Shape.ValidationException, refused.shape());
    assertTrue(refused.message().startsWith("Model-unit quota limits come from Service Quotas"), refused.message());
  }

  @Test
  void aRegisteredCustomModelIsServedAndProvisionable() {
    CustomModel registered =
        controls.customModels()
            .register(home, new CustomModelRequest("my-tuned", "amazon.titan-text-express-v1:0:8k", null, null, null))
            .get();

    assertEquals(registered, strata.getCustomModel(new GetCustomModelCommand("my-tuned")).get());
    assertTrue(strata.listCustomModels(ListCustomModelsCommand.all()).get().modelSummaries().contains(registered));
    assertTrue(create("tuned-pt", registered.arn().value(), 1, false).isRight());
  }

  @Test
  void aRegisteredModelThatIsNotActiveCannotBeProvisioned() {
    controls.customModels()
        .register(home, new CustomModelRequest("half-done", "amazon.titan-text-express-v1:0:8k", "Creating", null, null))
        .get();

    assertEquals(ModelStatus.Creating, strata.getCustomModel(new GetCustomModelCommand("half-done")).get().modelStatus());
    assertEquals(Shape.ValidationException, create("pt", "half-done", 1, false).getLeft().shape());
  }

  @Test
  void invalidRegistrationsNameEveryWrongMemberAndRegisterNothing() {
    BedrockError refused =
        controls.customModels()
            .register(home, new CustomModelRequest("bad name", "no.such-model", "Ready", "12", null))
            .getLeft();

    assertTrue(refused.message().startsWith("5 validation errors detected"), refused.message());
    for (String member : new String[] {"modelName", "account", "status", "baseModelIdentifier"}) {
      assertTrue(refused.message().contains("at '" + member + "'"), refused.message());
    }
    assertTrue(controls.customModels().register(home, new CustomModelRequest(
        "support-bot-titan", "amazon.titan-text-express-v1:0:8k", null, null, null)).isLeft());
  }

  @Test
  void deregisteringRemovesRegisteredModelsOnlyAndSeededOnesStay() {
    controls.customModels().register(home, new CustomModelRequest("mine", "amazon.titan-text-express-v1:0:8k", null, null, null)).get();

    assertEquals(Shape.ResourceNotFoundException, controls.customModels().deregister(home, Optional.of("support-bot-titan")).getLeft().shape());
    assertEquals(1, controls.customModels().deregister(home, Optional.empty()).get().size());
    assertEquals(Shape.ResourceNotFoundException, strata.getCustomModel(new GetCustomModelCommand("mine")).getLeft().shape());
    assertTrue(strata.getCustomModel(new GetCustomModelCommand("support-bot-titan")).isRight());
  }

  @Test
  void aCatalogThatCannotHoldModelsRefusesRegistration() {
    ModelCatalog bedrockLike = new ReadOnlyCatalog(harness.catalog());
    CustomModelRegistrations control = new CustomModelRegistrations(bedrockLike, harness.minter(), Clock.systemUTC());

    BedrockError refused = control.register(home, new CustomModelRequest("x", "amazon.titan-text-express-v1:0:8k", null, null, null)).getLeft();

    assertTrue(refused.message().startsWith("Custom models come from Bedrock"), refused.message());
  }

  /** A catalog that only reads, as Bedrock's does. */
  private record ReadOnlyCatalog(ModelCatalog of) implements ModelCatalog {
    @Override
    public Either<BedrockError, io.vavr.control.Option<dev.strata.domain.FoundationModel>> findFoundationModel(
        ResourceScope scope, String modelId) {
      return of.findFoundationModel(scope, modelId);
    }

    @Override
    public Either<BedrockError, Seq<dev.strata.domain.FoundationModel>> listFoundationModels(ResourceScope scope) {
      return of.listFoundationModels(scope);
    }

    @Override
    public Either<BedrockError, io.vavr.control.Option<CustomModel>> findCustomModelByName(
        ResourceScope scope, String modelName) {
      return of.findCustomModelByName(scope, modelName);
    }

    @Override
    public Either<BedrockError, io.vavr.control.Option<CustomModel>> findCustomModelByArn(
        ResourceScope scope, dev.strata.domain.CustomModelArn arn) {
      return of.findCustomModelByArn(scope, arn);
    }

    @Override
    public Either<BedrockError, Seq<CustomModel>> listCustomModels(ResourceScope scope) {
      return of.listCustomModels(scope);
    }
  }
}
