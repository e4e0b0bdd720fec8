package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.NOVA_CUSTOM;
import static dev.strata.domain.DomainFixtures.NOVA_LITE;
import static dev.strata.domain.DomainFixtures.NOW;
import static dev.strata.domain.DomainFixtures.NOW_MILLIS;
import static dev.strata.domain.DomainFixtures.OTHER_TITAN_CUSTOM;
import static dev.strata.domain.DomainFixtures.TITAN_CUSTOM;
import static dev.strata.domain.DomainFixtures.TITAN_EXPRESS;
import static dev.strata.domain.DomainFixtures.assertLeft;
import static dev.strata.domain.DomainFixtures.assertRefused;
import static dev.strata.domain.DomainFixtures.provision;
import static dev.strata.domain.DomainFixtures.resolved;
import static dev.strata.domain.DomainFixtures.tags;
import static dev.strata.domain.ProvisionedModelStatus.Creating;
import static dev.strata.domain.ProvisionedModelStatus.Failed;
import static dev.strata.domain.ProvisionedModelStatus.InService;
import static dev.strata.domain.ProvisionedModelStatus.Updating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.strata.domain.BedrockError.Conflict;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.StatusTransitionPolicy.Transition;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aggregate: create (D8, D9), update (D9-D11), delete (D7), tags and timestamps (D18). */
class ProvisionedThroughputTest {
  private static final StatusTransitionPolicy IMMEDIATE = StatusTransitionPolicy.immediate();
  private static final StatusTransitionPolicy MANUAL = StatusTransitionPolicy.manual();
  private static final Optional<CommitmentDuration> NO_COMMITMENT = Optional.empty();
  private static final Instant LATER = Instant.parse("2026-02-01T12:00:00.987654Z");
  private static final Instant LATER_MILLIS = Instant.parse("2026-02-01T12:00:00.987Z");

  private static ProvisionedThroughput novaLite(StatusTransitionPolicy policy) {
    return provision(resolved(NOVA_LITE), NO_COMMITMENT, policy);
  }

  private static ProvisionedThroughput titanCustom(StatusTransitionPolicy policy) {
    return provision(resolved(TITAN_CUSTOM, TITAN_EXPRESS), NO_COMMITMENT, policy);
  }

  private static Either<BedrockError, ProvisionedThroughput> rename(
      ProvisionedThroughput pt, String name, StatusTransitionPolicy policy) {
    return pt.update(Optional.of(ProvisionedModelName.of(name)), Optional.empty(), policy, LATER);
  }

  private static Either<BedrockError, ProvisionedThroughput> moveTo(
      ProvisionedThroughput pt, ResolvedModel model, StatusTransitionPolicy policy) {
    return pt.update(Optional.empty(), Optional.of(model), policy, LATER);
  }

  @ParameterizedTest
  @EnumSource(CommitmentDuration.class)
  void with_the_immediate_policy_a_new_commitment_is_in_service_with_its_term_end(
      CommitmentDuration commitment) {
    ProvisionedThroughput pt = provision(resolved(NOVA_LITE), Optional.of(commitment), IMMEDIATE);
    assertEquals(InService, pt.status());
    assertEquals(NOW_MILLIS, pt.creationTime());
    assertEquals(NOW_MILLIS, pt.lastModifiedTime());
    assertEquals(Optional.of(commitment), pt.commitmentDuration());
    assertEquals(
        Optional.of(commitment.termEnd(NOW_MILLIS)), pt.commitmentExpirationTime());
    assertEquals(Optional.empty(), pt.failureMessage());
    assertEquals(1, pt.version());
  }

  @Test
  void a_one_month_term_from_31_january_ends_on_28_february_at_the_same_millisecond() {
    ProvisionedThroughput pt =
        provision(resolved(NOVA_LITE), Optional.of(CommitmentDuration.OneMonth), IMMEDIATE);
    assertEquals(
        Optional.of(Instant.parse("2026-02-28T10:00:00.123Z")), pt.commitmentExpirationTime());
  }

  @Test
  void without_commitment_there_is_no_expiration_time() {
    ProvisionedThroughput pt = novaLite(IMMEDIATE);
    assertEquals(Optional.empty(), pt.commitmentDuration());
    assertEquals(Optional.empty(), pt.commitmentExpirationTime());
  }

  @Test
  void a_new_provisioned_throughput_serves_the_resolved_model() {
    ProvisionedThroughput pt = titanCustom(IMMEDIATE);
    assertEquals(TITAN_CUSTOM.arn(), pt.modelArn());
    assertEquals(TITAN_CUSTOM.arn(), pt.desiredModelArn());
    assertEquals(TITAN_EXPRESS.arn(), pt.foundationModelArn());
    assertEquals(ModelUnits.of(1), pt.modelUnits());
    assertEquals(ModelUnits.of(1), pt.desiredModelUnits());
    assertEquals("31tj9kvx4034", pt.id().value());
  }

  @Test
  void with_the_manual_policy_a_new_provisioned_throughput_stays_creating() {
    ProvisionedThroughput pt = novaLite(MANUAL);
    assertEquals(Creating, pt.status());
    assertEquals(1, pt.version());
    assertEquals(Creating, pt.observe(MANUAL, LATER).status());
  }

  @Test
  void after_two_reads_the_first_two_reads_see_creating_and_the_third_in_service() {
    StatusTransitionPolicy policy = StatusTransitionPolicy.afterReads(2);
    ProvisionedThroughput created = provision(resolved(NOVA_LITE), NO_COMMITMENT, policy);
    ProvisionedThroughput first = created.observe(policy, LATER);
    ProvisionedThroughput second = first.observe(policy, LATER);
    ProvisionedThroughput third = second.observe(policy, LATER);
    assertEquals(
        List.of(Creating, Creating, Creating, InService),
        List.of(created, first, second, third).map(ProvisionedThroughput::status));
    assertEquals(NOW_MILLIS, second.lastModifiedTime());
    assertEquals(LATER_MILLIS, third.lastModifiedTime());
    assertEquals(List.of(1L, 2L, 3L, 4L), List.of(created, first, second, third).map(ProvisionedThroughput::version));
  }

  @Test
  void after_a_duration_the_status_changes_at_the_boundary_and_not_a_millisecond_before() {
    StatusTransitionPolicy policy = StatusTransitionPolicy.afterDuration(Duration.ofSeconds(30));
    ProvisionedThroughput created = provision(resolved(NOVA_LITE), NO_COMMITMENT, policy);
    Instant boundary = NOW_MILLIS.plusSeconds(30);
    assertEquals(Creating, created.status());
    assertEquals(Creating, created.observe(policy, boundary.minusMillis(1)).status());
    ProvisionedThroughput done = created.observe(policy, boundary);
    assertEquals(InService, done.status());
    assertEquals(boundary, done.lastModifiedTime());
  }

  @Test
  void a_read_of_a_provisioned_throughput_that_is_not_pending_changes_nothing() {
    ProvisionedThroughput pt = novaLite(IMMEDIATE);
    assertSame(pt, pt.observe(MANUAL, LATER));
  }

  @Test
  void a_failing_policy_ends_the_transition_in_failed_with_the_failure_message() {
    ProvisionedThroughput pt =
        novaLite(IMMEDIATE.failing(p -> p.status() == Creating, "Insufficient capacity."));
    assertEquals(Failed, pt.status());
    assertEquals(Optional.of("Insufficient capacity."), pt.failureMessage());
    assertEquals(InService, novaLite(IMMEDIATE.failing(p -> false, "never")).status());
  }

  @Test
  void a_failing_policy_waits_for_its_underlying_policy_before_failing() {
    StatusTransitionPolicy policy = StatusTransitionPolicy.afterReads(1).failing(p -> true, "boom");
    ProvisionedThroughput created = provision(resolved(NOVA_LITE), NO_COMMITMENT, policy);
    ProvisionedThroughput first = created.observe(policy, LATER);
    assertEquals(Creating, first.status());
    assertEquals(Optional.of("boom"), first.observe(policy, LATER).failureMessage());
  }

  @Test
  void a_creating_provisioned_throughput_cannot_be_updated() {
    assertRefused(
        new ValidationFact.ChangeWhilePending(ProvisionedModelName.of("my-pt"), Creating),
        "Provisioned throughput my-pt is Creating; it can be updated once it is no longer"
            + " Creating or Updating.",
        rename(novaLite(MANUAL), "other", IMMEDIATE));
  }

  @Test
  void an_updating_provisioned_throughput_cannot_be_updated() {
    ProvisionedThroughput updating = rename(novaLite(IMMEDIATE), "renamed", MANUAL).get();
    assertEquals(Updating, updating.status());
    assertEquals(
        "Provisioned throughput renamed is Updating; it can be updated once it is no longer"
            + " Creating or Updating.",
        assertLeft(ValidationError.class, rename(updating, "again", IMMEDIATE)).message());
  }

  @Test
  void a_rename_enters_updating_and_the_immediate_policy_completes_it() {
    java.util.List<ProvisionedModelStatus> consulted = new ArrayList<>();
    StatusTransitionPolicy recording =
        (pending, now) -> {
          consulted.add(pending.status());
          return new Transition.Complete();
        };
    ProvisionedThroughput before = novaLite(IMMEDIATE);
    ProvisionedThroughput after = rename(before, "renamed", recording).get();
    assertEquals(java.util.List.of(Updating), consulted);
    assertEquals(InService, after.status());
    assertEquals("renamed", after.provisionedModelName().value());
    assertEquals(NOW_MILLIS, after.creationTime());
    assertEquals(LATER_MILLIS, after.lastModifiedTime());
    assertEquals(before.version() + 2, after.version());
  }

  @Test
  void an_update_with_nothing_to_change_returns_the_provisioned_throughput_itself() {
    ProvisionedThroughput pt = novaLite(IMMEDIATE);
    assertSame(pt, pt.update(Optional.empty(), Optional.empty(), IMMEDIATE, LATER).get());
  }

  @Test
  void a_base_model_provisioned_throughput_cannot_change_its_model() {
    assertRefused(
        new ValidationFact.BaseModelFixed(
            ProvisionedModelName.of("my-pt"), "amazon.nova-lite-v1:0:24k"),
        "desiredModelId can only be changed for a provisioned throughput of a custom"
            + " model; my-pt serves base model amazon.nova-lite-v1:0:24k.",
        moveTo(novaLite(IMMEDIATE), resolved(NOVA_CUSTOM, NOVA_LITE), IMMEDIATE));
  }

  @Test
  void a_custom_model_provisioned_throughput_can_move_to_its_base_model() {
    ProvisionedThroughput moved =
        moveTo(titanCustom(IMMEDIATE), resolved(TITAN_EXPRESS), IMMEDIATE).get();
    assertEquals(InService, moved.status());
    assertEquals(TITAN_EXPRESS.arn(), moved.modelArn());
    assertEquals(TITAN_EXPRESS.arn(), moved.desiredModelArn());
    assertEquals(TITAN_EXPRESS.arn(), moved.foundationModelArn());
  }

  @Test
  void a_custom_model_provisioned_throughput_can_move_to_another_custom_model_of_its_base() {
    ProvisionedThroughput updating =
        moveTo(titanCustom(IMMEDIATE), resolved(OTHER_TITAN_CUSTOM, TITAN_EXPRESS), MANUAL).get();
    assertEquals(Updating, updating.status());
    assertEquals(TITAN_CUSTOM.arn(), updating.modelArn());
    assertEquals(OTHER_TITAN_CUSTOM.arn(), updating.desiredModelArn());

    ProvisionedThroughput settled = updating.settle(new Transition.Complete(), LATER).get();
    assertEquals(InService, settled.status());
    assertEquals(OTHER_TITAN_CUSTOM.arn(), settled.modelArn());
    assertEquals(OTHER_TITAN_CUSTOM.arn(), settled.desiredModelArn());
  }

  @Test
  void a_custom_model_provisioned_throughput_cannot_move_to_an_unrelated_base_model() {
    assertRefused(
        new ValidationFact.OtherBaseModel(
            "amazon.titan-text-express-v1:0:8k",
            "amazon.nova-lite-v1:0:24k",
            "amazon.nova-lite-v1:0:24k"),
        "desiredModelId must be base model amazon.titan-text-express-v1:0:8k or another"
            + " custom model of it; amazon.nova-lite-v1:0:24k is based on"
            + " amazon.nova-lite-v1:0:24k.",
        moveTo(titanCustom(IMMEDIATE), resolved(NOVA_LITE), IMMEDIATE));
  }

  @Test
  void a_custom_model_provisioned_throughput_cannot_move_to_a_custom_model_of_another_base() {
    assertEquals(
        "desiredModelId must be base model amazon.titan-text-express-v1:0:8k or another custom"
            + " model of it; nova-tuned is based on amazon.nova-lite-v1:0:24k.",
        assertLeft(
                ValidationError.class,
                moveTo(titanCustom(IMMEDIATE), resolved(NOVA_CUSTOM, NOVA_LITE), IMMEDIATE))
            .message());
  }

  @Test
  void a_failed_provisioned_throughput_can_be_updated_and_loses_its_failure_message() {
    ProvisionedThroughput failed = novaLite(IMMEDIATE.failing(p -> true, "boom"));
    ProvisionedThroughput updating = rename(failed, "retry", MANUAL).get();
    assertEquals(Updating, updating.status());
    assertEquals(Optional.empty(), updating.failureMessage());
  }

  @Test
  void settling_a_provisioned_throughput_that_is_not_pending_is_a_validation_error() {
    assertRefused(
        new ValidationFact.NothingPending(
            ProvisionedModelName.of("my-pt"), ProvisionedModelStatus.InService),
        "Provisioned throughput my-pt is InService; it has no pending transition.",
        novaLite(IMMEDIATE).settle(new Transition.Complete(), LATER));
  }

  @Test
  void settling_a_pending_transition_as_failed_records_the_failure_message() {
    ProvisionedThroughput failed =
        novaLite(MANUAL).settle(new Transition.Fail("no capacity"), LATER).get();
    assertEquals(Failed, failed.status());
    assertEquals(Optional.of("no capacity"), failed.failureMessage());
    assertEquals(LATER_MILLIS, failed.lastModifiedTime());
  }

  @Test
  void a_commitment_forbids_deletion_until_its_expiration_time_and_not_after() {
    ProvisionedThroughput pt =
        provision(resolved(NOVA_LITE), Optional.of(CommitmentDuration.OneMonth), IMMEDIATE);
    Instant expiration = Instant.parse("2026-02-28T10:00:00.123Z");
    Conflict e = assertLeft(Conflict.class, pt.deletable(expiration.minusMillis(1)));
    assertEquals(
        "Provisioned throughput my-pt has a OneMonth commitment until commitmentExpirationTime"
            + " 2026-02-28T10:00:00.123Z and cannot be deleted before then.",
        e.message());
    assertEquals("ConflictException", e.errorCode());
    assertEquals(Either.right(pt), pt.deletable(expiration));
  }

  @Test
  void without_commitment_deletion_is_allowed_at_once() {
    ProvisionedThroughput pt = novaLite(MANUAL);
    assertEquals(Either.right(pt), pt.deletable(NOW));
  }

  @Test
  void retagging_changes_the_tags_and_the_version_but_not_the_timestamps() {
    ProvisionedThroughput pt = novaLite(IMMEDIATE);
    ProvisionedThroughput retagged = pt.retag(tags(3));
    assertEquals(tags(3), retagged.tags());
    assertEquals(pt.lastModifiedTime(), retagged.lastModifiedTime());
    assertEquals(pt.version() + 1, retagged.version());
  }

  @Test
  void a_change_dated_before_creation_is_recorded_at_the_creation_time() {
    ProvisionedThroughput pt = novaLite(IMMEDIATE);
    ProvisionedThroughput renamed =
        pt.update(
                Optional.of(ProvisionedModelName.of("renamed")),
                Optional.empty(),
                IMMEDIATE,
                NOW.minusSeconds(5))
            .get();
    assertEquals(NOW_MILLIS, renamed.lastModifiedTime());
  }
}
