package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.Refusals.assertRefused;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.application.lifecycle.Lifecycle.Query;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ValidationFact;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {
  private final TestClock clock = TestClock.at(T0);

  private StrataService on(StatusTransitionPolicy policy) {
    return strataOn(clock).transitions(policy).build().service();
  }

  private static ProvisionedModelStatus statusOf(StrataService service, String id) {
    return ok(get(service, id)).status();
  }

  @Test
  void the_immediate_policy_is_the_default_and_a_new_purchase_is_in_service_at_once() {
    StrataService service = strataOn(clock).build().service();

    create(service, "now", NOVA_MICRO);

    assertEquals(ProvisionedModelStatus.InService, statusOf(service, "now"));
  }

  @Test
  void after_a_duration_a_purchase_is_creating_until_the_clock_has_moved_that_far() {
    StrataService service = on(StatusTransitionPolicy.afterDuration(Duration.ofMinutes(5)));
    create(service, "later", NOVA_MICRO);

    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertEquals(ProvisionedModelStatus.Creating, statusOf(service, "later"));

    clock.advance(Duration.ofMillis(1));
    ProvisionedThroughput settled = ok(get(service, "later"));
    assertEquals(ProvisionedModelStatus.InService, settled.status());
    assertEquals(T0.plus(Duration.ofMinutes(5)), settled.lastModifiedTime());
  }

  @Test
  void after_a_duration_an_update_is_updating_for_that_long_from_the_update() {
    StrataService service = on(StatusTransitionPolicy.afterDuration(Duration.ofMinutes(5)));
    create(service, "slow", NOVA_MICRO);
    clock.advance(Duration.ofMinutes(10));
    assertEquals(ProvisionedModelStatus.InService, statusOf(service, "slow"));

    ok(service.updateProvisionedModelThroughput(new UpdateProvisionedModelThroughputCommand("slow", "slow-2", null)));
    clock.advance(Duration.ofMinutes(4));
    assertEquals(ProvisionedModelStatus.Updating, statusOf(service, "slow-2"));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(ProvisionedModelStatus.InService, statusOf(service, "slow-2"));
  }

  @Test
  void after_n_reads_the_first_n_reads_see_creating_and_the_next_sees_in_service() {
    StrataService service = on(StatusTransitionPolicy.afterReads(3));
    create(service, "counted", NOVA_MICRO);

    List<ProvisionedModelStatus> seen =
        List.range(0, 5).map(i -> statusOf(service, "counted"));

    assertEquals(
        List.of(
            ProvisionedModelStatus.Creating,
            ProvisionedModelStatus.Creating,
            ProvisionedModelStatus.Creating,
            ProvisionedModelStatus.InService,
            ProvisionedModelStatus.InService),
        seen);
  }

  @Test
  void a_list_counts_as_a_read_of_every_item_it_returns() {
    StrataService service = on(StatusTransitionPolicy.afterReads(2));
    create(service, "listed", NOVA_MICRO);

    ProvisionedModelStatus firstList = listedStatus(service);
    ProvisionedModelStatus viaGet = statusOf(service, "listed");
    ProvisionedModelStatus secondList = listedStatus(service);

    assertEquals(ProvisionedModelStatus.Creating, firstList);
    assertEquals(ProvisionedModelStatus.Creating, viaGet);
    assertEquals(ProvisionedModelStatus.InService, secondList);
  }

  private static ProvisionedModelStatus listedStatus(StrataService service) {
    return ok(service.listProvisionedModelThroughputs(Query.list().command()))
        .provisionedModelSummaries()
        .single()
        .status();
  }

  @Test
  void after_zero_reads_is_immediate() {
    StrataService service = on(StatusTransitionPolicy.afterReads(0));

    create(service, "zero", NOVA_MICRO);

    assertEquals(ProvisionedModelStatus.InService, statusOf(service, "zero"));
  }

  @Test
  void a_manual_transition_waits_for_complete_transition() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "by-hand", NOVA_MICRO);
    clock.advance(Duration.ofDays(30));
    assertEquals(ProvisionedModelStatus.Creating, statusOf(service, "by-hand"));

    ProvisionedThroughput done = ok(service.completeTransition("by-hand"));

    assertEquals(ProvisionedModelStatus.InService, done.status());
    assertEquals(T0.plus(Duration.ofDays(30)), done.lastModifiedTime());
    assertEquals(done, ok(get(service, "by-hand")));
  }

  @Test
  void a_manual_transition_can_be_failed_with_a_message() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "broken", NOVA_MICRO);

    ProvisionedThroughput failed = ok(service.failTransition("broken", "capacity exhausted"));

    assertEquals(ProvisionedModelStatus.Failed, failed.status());
    assertEquals(Optional.of("capacity exhausted"), failed.failureMessage());
    assertEquals(failed, ok(get(service, "broken")));
  }

  @Test
  void completing_or_failing_a_settled_provisioned_throughput_is_a_validation_exception() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "settled", NOVA_MICRO);
    ok(service.completeTransition("settled"));

    ValidationFact nothingPending =
        new ValidationFact.NothingPending(
            ProvisionedModelName.of("settled"), ProvisionedModelStatus.InService);
    String message = "Provisioned throughput settled is InService; it has no pending transition.";
    assertRefused(nothingPending, message, failure(service.completeTransition("settled")));
    assertRefused(nothingPending, message, failure(service.failTransition("settled", "late")));
  }

  @Test
  void failing_a_transition_needs_a_message_of_at_most_2048_characters() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "pending", NOVA_MICRO);
    String tooLong = "x".repeat(2049);

    assertInvalidMembers(
        "1 validation error detected: Value null at 'failureMessage' failed to satisfy"
            + " constraint: Member must not be null",
        failure(service.failTransition("pending", null)));
    assertInvalidMembers(
        "1 validation error detected: Value '"
            + tooLong
            + "' at 'failureMessage' failed to satisfy constraint: Member must have length less"
            + " than or equal to 2048",
        failure(service.failTransition("pending", tooLong)));
    assertEquals(ProvisionedModelStatus.Creating, statusOf(service, "pending"));
  }

  @Test
  void completing_an_unknown_provisioned_throughput_is_resource_not_found() {
    StrataService service = on(StatusTransitionPolicy.manual());

    assertEquals(
        new ResourceNotFound("Provisioned throughput 'ghost' was not found in this account and region."),
        failure(service.completeTransition("ghost")));
  }

  @Test
  void an_injected_failure_ends_in_failed_with_its_message_and_spares_the_others() {
    StrataService service =
        on(
            StatusTransitionPolicy.immediate()
                .failing(pt -> pt.provisionedModelName().value().startsWith("doomed"), "simulated outage"));

    create(service, "doomed-1", NOVA_MICRO);
    create(service, "healthy", NOVA_MICRO);

    ProvisionedThroughput doomed = ok(get(service, "doomed-1"));
    assertEquals(ProvisionedModelStatus.Failed, doomed.status());
    assertEquals(Optional.of("simulated outage"), doomed.failureMessage());
    assertEquals(ProvisionedModelStatus.InService, statusOf(service, "healthy"));
  }

  @Test
  void an_injected_failure_on_a_delayed_policy_fails_when_it_would_have_completed() {
    StrataService service =
        on(StatusTransitionPolicy.afterReads(1).failing(pt -> true, "late failure"));
    create(service, "delayed", NOVA_MICRO);

    assertEquals(ProvisionedModelStatus.Creating, statusOf(service, "delayed"));
    ProvisionedThroughput failed = ok(get(service, "delayed"));

    assertEquals(ProvisionedModelStatus.Failed, failed.status());
    assertEquals(Optional.of("late failure"), failed.failureMessage());
  }

  @Test
  void a_failed_provisioned_throughput_can_be_updated_and_loses_its_failure_message() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "retry", NOVA_MICRO);
    ok(service.failTransition("retry", "first attempt failed"));

    ProvisionedThroughput updating =
        ok(service.updateProvisionedModelThroughput(new UpdateProvisionedModelThroughputCommand("retry", "retry-2", null)));

    assertEquals(ProvisionedModelStatus.Updating, updating.status());
    assertEquals(Optional.empty(), updating.failureMessage());
  }
}
