package dev.strata.adapters.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.control.StateTransfer;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl.Replaced;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link InMemoryStrata#control()}'s {@code state()}: the whole state exported and imported at once. */
class StateControlTest {
  private static final ResourceScope WEST = ResourceScope.of("aws", "us-west-2", "111122223333");

  private static String create(Strata strata, String name) {
    return strata
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 1)
                .commitmentDuration(CommitmentDuration.OneMonth)
                .clientRequestToken("token-" + name)
                .tag("team", "search")
                .build())
        .get()
        .value();
  }

  private static String message(Either<BedrockError, ?> refused) {
    assertEquals("ValidationException", refused.getLeft().errorCode());
    return refused.getLeft().message();
  }

  @Test
  void an_export_replaced_after_a_reset_brings_every_scope_back_and_the_next_id_continues_the_seed() {
    InMemoryStrata strata = InMemoryStrata.builder().seed(7).build();
    create(strata.service(), "chat");
    create(strata.service().forScope(WEST), "batch");
    SavedState saved = strata.control().state().export().get();

    strata.control().reset(Optional.empty()).get();
    Replaced replaced = strata.control().state().replace(saved).get();

    assertEquals(new Replaced(0, 2, 2), replaced);
    assertEquals(saved.provisionedThroughputs(), strata.snapshot().asJava());
    assertEquals(1, strata.usage(WEST, QuotaKey.committed("amazon.nova-lite-v1:0:24k")).get().used());
    InMemoryStrata oneLongRun = InMemoryStrata.builder().seed(7).build();
    create(oneLongRun.service(), "chat");
    create(oneLongRun.service(), "batch");
    assertEquals(create(oneLongRun.service(), "next"), create(strata.service(), "next"));
  }

  @Test
  void a_fresh_strata_imports_a_state_and_mints_after_it_never_before() {
    InMemoryStrata first = InMemoryStrata.builder().seed(3).build();
    create(first.service(), "a");
    create(first.service(), "b");
    InMemoryStrata second = InMemoryStrata.builder().seed(3).build();

    assertEquals(
        new Replaced(0, 2, 2), second.control().state().replace(first.control().state().export().get()).get());
    assertEquals(create(first.service(), "c"), create(second.service(), "c"));
    assertEquals(
        new Replaced(3, 0, 3), second.control().state().replace(SavedState.empty()).get(), "the minter never goes back");
    assertEquals(List.of(), second.snapshot().asJava());
  }

  @Test
  void a_document_that_holds_an_arn_twice_is_refused_and_changes_nothing() {
    InMemoryStrata strata = InMemoryStrata.builder().build();
    create(strata.service(), "kept");
    SavedState before = strata.control().state().export().get();
    SavedState twice =
        new SavedState(5, List.of(before.provisionedThroughputs().get(0), before.provisionedThroughputs().get(0)));

    String refused = message(strata.control().state().replace(twice));

    assertTrue(
        refused.contains("$.provisionedThroughputs[1].provisionedModelArn")
            && refused.contains("$.provisionedThroughputs[0]")
            && refused.endsWith("Nothing was changed."),
        refused);
    assertEquals(before, strata.control().state().export().get());
  }

  @Test
  void a_document_that_holds_a_name_twice_in_one_account_and_region_is_refused_naming_both_records() {
    InMemoryStrata one = InMemoryStrata.builder().seed(1).build();
    InMemoryStrata other = InMemoryStrata.builder().seed(2).build();
    create(one.service(), "same");
    create(other.service(), "same");
    SavedState clash =
        new SavedState(
            0,
            List.of(one.snapshot().get(0), other.snapshot().get(0)));

    String refused = message(one.control().state().replace(clash));

    assertTrue(refused.contains("$.provisionedThroughputs[1].provisionedModelName 'same' is also that of $.provisionedThroughputs[0]"), refused);
    assertEquals(1, one.snapshot().size());
  }

  @Test
  void a_minter_position_beyond_what_any_test_mints_is_refused() {
    InMemoryStrata strata = InMemoryStrata.builder().build();

    String refused = message(strata.control().state().replace(new SavedState(StateTransfer.MAX_IDS_MINTED + 1, List.of())));

    assertTrue(refused.contains("$.idsMinted"), refused);
    assertEquals(0, strata.minter().idsMinted());
  }

  @Test
  void an_import_holds_the_units_of_its_records_even_above_a_lowered_limit() {
    InMemoryStrata source = InMemoryStrata.builder().build();
    create(source.service(), "one");
    create(source.service(), "two");
    InMemoryStrata tight =
        InMemoryStrata.builder().quota(QuotaLedger.COMMITTED_PER_MODEL, 1).build();

    tight.control().state().replace(source.control().state().export().get()).get();

    assertEquals(2, tight.usage(tight.home(), QuotaKey.committed("amazon.nova-lite-v1:0:24k")).get().used());
    assertEquals(
        "ServiceQuotaExceededException",
        tight.service()
            .createProvisionedModelThroughput(
                CreateProvisionedModelThroughputCommand.builder("three", "amazon.nova-lite-v1:0:24k", 1)
                    .commitmentDuration(CommitmentDuration.OneMonth)
                    .build())
            .getLeft()
            .errorCode());
  }
}
