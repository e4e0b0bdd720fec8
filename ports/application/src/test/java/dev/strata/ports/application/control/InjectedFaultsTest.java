package dev.strata.ports.application.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.Shape;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.Harness;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.FaultControl;
import dev.strata.ports.driving.FaultRequest;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InjectedFaultsTest {
  private static final String CREATE = "CreateProvisionedModelThroughput";
  private static final String OTHER_ACCOUNT = "210987654321";

  private final StrataService strata = Harness.builder().build().service();

  private Either<BedrockError, ?> create(StrataService on, String name) {
    return on.createProvisionedModelThroughput(
        CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 1).build());
  }

  private int stored() {
    return strata.listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all())
        .get().provisionedModelSummaries().size();
  }

  private static FaultRequest count(String operation, String error, long count) {
    return new FaultRequest(operation, error, count, null, null, null);
  }

  @Test
  void aCountFaultFailsThatManyCallsInArrivalOrderAndChangesNothing() {
    strata.controls().faults().arm(count(CREATE, "ThrottlingException", 2)).get();

    assertEquals(Shape.ThrottlingException, create(strata, "a").getLeft().shape());
    assertEquals(OptionalInt.of(1), strata.controls().faults().armed(Optional.empty()).get(0).remaining());
    assertEquals(Shape.ThrottlingException, create(strata, "a").getLeft().shape());
    assertEquals(0, stored());
    assertTrue(create(strata, "a").isRight());
    assertEquals(1, stored());
    assertTrue(strata.controls().faults().armed(Optional.empty()).isEmpty());
  }

  @Test
  void aFaultForOneAccountSparesTheOthersAndSurvivesForScope() {
    strata.controls().faults().arm(new FaultRequest("*", "InternalServerException", 1L, null, null, OTHER_ACCOUNT)).get();
    StrataService other = strata.forScope(ResourceScope.of("aws", "us-east-1", OTHER_ACCOUNT));

    assertTrue(create(strata, "mine").isRight());
    Either<BedrockError, ?> refused = create(other, "theirs");
    assertEquals(Shape.InternalServerException, refused.getLeft().shape());
    assertEquals("Injected fault: InternalServerException armed for " + CREATE + ".", refused.getLeft().message());
    assertTrue(create(other, "theirs").isRight());
  }

  @Test
  void probabilityFaultsRepeatTheSameOutcomesAfterClearing() {
    FaultRequest half = new FaultRequest("GetFoundationModel", "ThrottlingException", null, 0.5, null, null);
    List<List<Boolean>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      strata.controls().faults().clear(Optional.empty());
      strata.controls().faults().arm(half).get();
      List<Boolean> outcomes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        outcomes.add(strata.controls().faults().strike("GetFoundationModel", AccountId.of(Harness.DEFAULT_ACCOUNT)).isPresent());
      }
      runs.add(outcomes);
    }
    assertEquals(runs.get(0), runs.get(1));
    assertTrue(runs.get(0).contains(true) && runs.get(0).contains(false), runs.get(0).toString());
  }

  @Test
  void anUnknownOperationIsRefusedNamingTheField() {
    BedrockError refused = strata.controls().faults().arm(count("CreateWidget", "ThrottlingException", 1)).getLeft();

    assertTrue(refused.message().contains("at 'operation' failed to satisfy constraint"), refused.message());
    assertTrue(strata.controls().faults().armed(Optional.empty()).isEmpty());
  }

  @Test
  void anErrorNotModelledForTheOperationIsRefusedNamingTheField() {
    BedrockError refused = strata.controls().faults().arm(count("GetProvisionedModelThroughput", "ConflictException", 1)).getLeft();

    assertEquals(Shape.ValidationException, refused.shape());
    assertTrue(refused.message().startsWith("1 validation error detected: Value 'ConflictException' at 'error'"), refused.message());
    assertTrue(strata.controls().faults().arm(count("DeleteProvisionedModelThroughput", "ConflictException", 1)).isRight());
  }

  @Test
  void countAndProbabilityAreExclusiveAndBounded() {
    BedrockError both = strata.controls().faults().arm(new FaultRequest(CREATE, "ThrottlingException", 1L, 0.5, null, null)).getLeft();
    BedrockError bad = strata.controls().faults().arm(new FaultRequest(CREATE, "ThrottlingException", null, 1.5, -1L, "abc")).getLeft();

    assertTrue(both.message().contains("at 'count'"), both.message());
    assertTrue(bad.message().startsWith("3 validation errors detected"), bad.message());
    assertTrue(bad.message().contains("'probability'") && bad.message().contains("'latencyMs'") && bad.message().contains("'account'"), bad.message());
  }

  @Test
  void everyOperationAcceptsOnlyTheErrorsAllOperationsModel() {
    assertTrue(strata.controls().faults().arm(count("*", "ConflictException", 1)).isLeft());
    assertTrue(strata.controls().faults().arm(count("*", "AccessDeniedException", 1)).isRight());
  }

  @Test
  void anAccountSeesAndClearsItsOwnFaultsWhileFaultsOfEveryAccountNeedAGlobalClear() {
    FaultControl faults = strata.controls().faults();
    faults.arm(new FaultRequest(CREATE, "ThrottlingException", 1L, null, null, OTHER_ACCOUNT)).get();
    faults.arm(count(CREATE, "ThrottlingException", 1)).get();
    Optional<AccountId> mine = Optional.of(AccountId.of(Harness.DEFAULT_ACCOUNT));
    Optional<AccountId> theirs = Optional.of(AccountId.of(OTHER_ACCOUNT));

    assertEquals(1, faults.armed(mine).size());
    assertEquals(2, faults.armed(theirs).size());
    assertEquals(0, faults.clear(mine));
    assertEquals(1, faults.clear(theirs));
    assertEquals(1, faults.clear(Optional.empty()));
  }
}
