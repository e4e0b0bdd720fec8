package dev.strata.adapters.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** Faults injected into one in-memory adapter, as the whole in-memory Strata answers them. */
class InjectedFaultsTest {
  private static final BedrockError THROTTLED = new BedrockError.Throttling("Rate exceeded");
  private static final Either<BedrockError, Object> FAILED = Either.left(THROTTLED);
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();

  @Test
  void a_fault_in_one_adapter_reaches_the_caller_of_create_and_nothing_is_reserved_or_stored() {
    InMemoryStrata strata = InMemoryStrata.builder().build();
    strata.catalog().faults().failWith(THROTTLED);
    CreateProvisionedModelThroughputCommand command =
        CreateProvisionedModelThroughputCommand.builder("pt-1", "amazon.nova-lite-v1:0:24k", 1).build();

    assertEquals(FAILED, strata.service().createProvisionedModelThroughput(command));
    assertEquals(0, strata.repository().size(strata.home()));
    assertEquals(
        Either.right(QuotaUsage.of(BASE, 1_000, 0)), strata.usage(strata.home(), BASE));

    strata.catalog().faults().clear();

    assertEquals(
        Either.right(ProvisionedModelName.of("pt-1")),
        strata.service().createProvisionedModelThroughput(command)
            .flatMap(arn -> strata.repository().findByArn(arn))
            .map(found -> found.get().provisionedModelName()));
  }
}
