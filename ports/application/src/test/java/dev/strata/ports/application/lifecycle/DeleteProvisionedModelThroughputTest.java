package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.lifecycle.Lifecycle.CLAUDE;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.createCommitted;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.ports.application.Harness;
import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.Conflict;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeleteProvisionedModelThroughputTest {
  private final TestClock clock = TestClock.at(T0);
  private final Harness strata = strataOn(clock).build();
  private final StrataService service = strata.service();

  private Either<BedrockError, ProvisionedThroughput> delete(String identifier) {
    return service.deleteProvisionedModelThroughput(
        new DeleteProvisionedModelThroughputCommand(identifier));
  }

  private long used(QuotaKey key) {
    return ok(strata.usage(strata.home(), key)).used();
  }

  private static ResourceNotFound notFound(String identifier) {
    return new ResourceNotFound(
        "Provisioned throughput '" + identifier + "' was not found in this account and region.");
  }

  @Test
  void a_no_commitment_purchase_is_deleted_at_once_and_its_model_units_are_released() {
    ok(
        service.createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder("flexible", NOVA_MICRO, 3).build()));
    assertEquals(3, used(QuotaKey.noCommitmentBaseModels()));

    ProvisionedThroughput deleted = ok(delete("flexible"));

    assertEquals("flexible", deleted.provisionedModelName().value());
    assertEquals(notFound("flexible"), failure(get(service, "flexible")));
    assertEquals(0, used(QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_delete_by_arn_removes_it_and_a_second_delete_finds_nothing() {
    ProvisionedModelArn arn = create(service, "twice", NOVA_MICRO);

    ok(delete(arn.value()));

    assertEquals(notFound(arn.value()), failure(delete(arn.value())));
    assertEquals(0, strata.repository().size(strata.home()));
  }

  @Test
  void a_committed_purchase_cannot_be_deleted_within_its_term() {
    createCommitted(service, "committed", CLAUDE, CommitmentDuration.OneMonth);
    clock.set(Instant.parse("2026-04-01T09:59:59.999Z"));

    assertEquals(
        new Conflict(
            "Provisioned throughput committed has a OneMonth commitment until"
                + " commitmentExpirationTime 2026-04-01T10:00:00Z and cannot be deleted before then."),
        failure(delete("committed")));
    assertEquals("committed", ok(get(service, "committed")).provisionedModelName().value());
    assertEquals(1, used(QuotaKey.committed(CLAUDE)));
  }

  @Test
  void a_one_month_purchase_is_deletable_once_its_term_has_ended() {
    createCommitted(service, "one-month", CLAUDE, CommitmentDuration.OneMonth);
    clock.set(Instant.parse("2026-04-01T10:00:00.001Z"));

    ok(delete("one-month"));

    assertEquals(notFound("one-month"), failure(get(service, "one-month")));
    assertEquals(0, used(QuotaKey.committed(CLAUDE)));
  }

  @Test
  void a_six_month_purchase_is_held_for_six_calendar_months() {
    createCommitted(service, "six-months", CLAUDE, CommitmentDuration.SixMonths);
    clock.set(Instant.parse("2026-08-31T23:59:59Z"));

    assertEquals(
        new Conflict(
            "Provisioned throughput six-months has a SixMonths commitment until"
                + " commitmentExpirationTime 2026-09-01T10:00:00Z and cannot be deleted before then."),
        failure(delete("six-months")));

    clock.set(Instant.parse("2026-09-01T10:00:01Z"));
    ok(delete("six-months"));
    assertEquals(notFound("six-months"), failure(get(service, "six-months")));
  }

  @Test
  void a_term_that_starts_on_the_31st_ends_on_the_last_day_of_a_shorter_month() {
    clock.set(Instant.parse("2026-01-31T12:00:00Z"));
    createCommitted(service, "month-end", CLAUDE, CommitmentDuration.OneMonth);
    clock.set(Instant.parse("2026-02-28T11:59:59Z"));

    assertEquals(
        new Conflict(
            "Provisioned throughput month-end has a OneMonth commitment until"
                + " commitmentExpirationTime 2026-02-28T12:00:00Z and cannot be deleted before then."),
        failure(delete("month-end")));
    clock.set(Instant.parse("2026-02-28T12:00:00Z"));
    ok(delete("month-end"));
  }

  @Test
  void the_name_and_the_client_request_token_can_be_used_again_after_a_delete() {
    CreateProvisionedModelThroughputCommand command =
        CreateProvisionedModelThroughputCommand.builder("reusable", NOVA_MICRO, 1)
            .clientRequestToken("token-1")
            .build();
    ProvisionedModelArn first = ok(service.createProvisionedModelThroughput(command));
    ok(delete("reusable"));

    ProvisionedModelArn second = ok(service.createProvisionedModelThroughput(command));

    assertNotEquals(first, second);
    assertEquals(second, ok(get(service, "reusable")).provisionedModelArn());
    assertEquals(notFound(first.value()), failure(get(service, first.value())));
    assertEquals(1, used(QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void an_unknown_or_foreign_provisioned_throughput_is_resource_not_found_and_stays() {
    ProvisionedModelArn arn = create(service, "kept", NOVA_MICRO);

    assertEquals(notFound("ghost"), failure(delete("ghost")));
    assertEquals(
        notFound(arn.value()),
        failure(
            service
                .forScope(OTHER_ACCOUNT_SCOPE)
                .deleteProvisionedModelThroughput(
                    new DeleteProvisionedModelThroughputCommand(arn.value()))));
    assertEquals(arn, ok(get(service, "kept")).provisionedModelArn());
  }

  @Test
  void a_bad_identifier_is_a_validation_exception() {
    assertInvalidMembers(
        "1 validation error detected: Value 'a/b' at 'provisionedModelId' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: "
            + ProvisionedModelIdentifier.PATTERN,
        failure(delete("a/b")));
  }
}
