package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.lifecycle.Lifecycle.CLAUDE;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.TITAN_EXPRESS;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.createCommitted;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.foundationArn;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.StrataService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetProvisionedModelThroughputTest {
  private final TestClock clock = TestClock.at(T0);
  private final Harness strata = strataOn(clock).build();
  private final StrataService service = strata.service();

  @Test
  void a_provisioned_throughput_is_found_by_its_name_and_by_its_arn_alike() {
    ProvisionedModelArn arn = create(service, "by-both", NOVA_MICRO);

    ProvisionedThroughput byName = ok(get(service, "by-both"));
    ProvisionedThroughput byArn = ok(get(service, arn.value()));

    assertEquals(arn, byName.provisionedModelArn());
    assertEquals(byName, byArn);
  }

  @Test
  void a_committed_base_model_purchase_shows_every_required_field_and_its_commitment() {
    ProvisionedModelArn arn = createCommitted(service, "committed", CLAUDE, CommitmentDuration.OneMonth);

    ProvisionedThroughput pt = ok(get(service, arn.value()));

    assertEquals(arn.value(), pt.provisionedModelArn().value());
    assertEquals("committed", pt.provisionedModelName().value());
    assertEquals(1, pt.modelUnits().value());
    assertEquals(1, pt.desiredModelUnits().value());
    assertEquals(foundationArn(CLAUDE), pt.modelArn().value());
    assertEquals(foundationArn(CLAUDE), pt.desiredModelArn().value());
    assertEquals(foundationArn(CLAUDE), pt.foundationModelArn().value());
    assertEquals(ProvisionedModelStatus.InService, pt.status());
    assertEquals(T0, pt.creationTime());
    assertEquals(T0, pt.lastModifiedTime());
    assertEquals(Optional.empty(), pt.failureMessage());
    assertEquals(Optional.of(CommitmentDuration.OneMonth), pt.commitmentDuration());
    assertEquals(Optional.of(Instant.parse("2026-04-01T10:00:00Z")), pt.commitmentExpirationTime());
  }

  @Test
  void a_no_commitment_purchase_has_neither_commitment_duration_nor_expiration_nor_failure_message() {
    ProvisionedThroughput pt = ok(get(service, create(service, "flexible", NOVA_MICRO).value()));

    assertEquals(Optional.empty(), pt.commitmentDuration());
    assertEquals(Optional.empty(), pt.commitmentExpirationTime());
    assertEquals(Optional.empty(), pt.failureMessage());
  }

  @Test
  void a_custom_model_purchase_reports_the_custom_model_and_its_base_foundation_model() {
    ProvisionedThroughput pt =
        ok(get(service, create(service, "custom", SeedModels.TITAN_SUPPORT_BOT).value()));

    assertEquals(SUPPORT_BOT_ARN, pt.modelArn().value());
    assertEquals(SUPPORT_BOT_ARN, pt.desiredModelArn().value());
    assertEquals(foundationArn(TITAN_EXPRESS), pt.foundationModelArn().value());
  }

  @Test
  void a_failed_purchase_carries_its_failure_message() {
    Harness failing =
        strataOn(clock)
            .transitions(StatusTransitionPolicy.immediate().failing(pt -> true, "no capacity in us-east-1"))
            .build();

    ProvisionedThroughput pt = ok(get(failing.service(), create(failing.service(), "doomed", NOVA_MICRO).value()));

    assertEquals(ProvisionedModelStatus.Failed, pt.status());
    assertEquals(Optional.of("no capacity in us-east-1"), pt.failureMessage());
  }

  @Test
  void timestamps_are_kept_to_the_millisecond_in_utc() {
    clock.set(T0.plusNanos(123_456_789));

    ProvisionedThroughput pt = ok(get(service, create(service, "precise", NOVA_MICRO).value()));

    assertEquals(Instant.parse("2026-03-01T10:00:00.123Z"), pt.creationTime());
    assertEquals(Instant.parse("2026-03-01T10:00:00.123Z"), pt.lastModifiedTime());
  }

  @Test
  void an_unknown_name_is_resource_not_found() {
    assertEquals(
        new ResourceNotFound("Provisioned throughput 'nobody' was not found in this account and region."),
        failure(get(service, "nobody")));
  }

  @Test
  void an_unknown_arn_is_resource_not_found() {
    String arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/000000000000";

    assertEquals(
        new ResourceNotFound("Provisioned throughput '" + arn + "' was not found in this account and region."),
        failure(get(service, arn)));
  }

  @Test
  void another_accounts_caller_cannot_see_the_provisioned_throughput_by_arn_or_by_name() {
    ProvisionedModelArn arn = create(service, "private", NOVA_MICRO);
    StrataService other = service.forScope(OTHER_ACCOUNT_SCOPE);

    assertEquals(
        new ResourceNotFound(
            "Provisioned throughput '" + arn.value() + "' was not found in this account and region."),
        failure(get(other, arn.value())));
    assertEquals(
        new ResourceNotFound("Provisioned throughput 'private' was not found in this account and region."),
        failure(get(other, "private")));
  }

  @Test
  void an_arn_of_the_same_account_in_another_region_is_resource_not_found() {
    ProvisionedModelArn arn = create(service, "regional", NOVA_MICRO);
    StrataService west =
        service.forScope(ResourceScope.of("aws", "us-west-2", Lifecycle.HOME_ACCOUNT));

    assertEquals(
        new ResourceNotFound(
            "Provisioned throughput '" + arn.value() + "' was not found in this account and region."),
        failure(get(west, arn.value())));
  }

  @Test
  void an_identifier_that_is_neither_a_name_nor_a_provisioned_model_arn_is_a_validation_exception() {
    assertInvalidMembers(
        "1 validation error detected: Value 'no spaces allowed' at 'provisionedModelId' failed to"
            + " satisfy constraint: Member must satisfy regular expression pattern: "
            + ProvisionedModelIdentifier.PATTERN,
        failure(get(service, "no spaces allowed")));
  }

  @Test
  void a_missing_identifier_is_a_validation_exception() {
    assertInvalidMembers(
        "1 validation error detected: Value null at 'provisionedModelId' failed to satisfy"
            + " constraint: Member must not be null",
        failure(get(service, null)));
  }

  @Test
  void a_name_longer_than_a_provisioned_model_name_can_be_names_nothing() {
    String tooLong = "a".repeat(64);

    assertEquals(
        new ResourceNotFound("Provisioned throughput '" + tooLong + "' was not found in this account and region."),
        failure(get(service, tooLong)));
  }

  @Test
  void a_read_does_not_change_a_settled_provisioned_throughput() {
    ProvisionedModelArn arn = create(service, "settled", NOVA_MICRO);
    ProvisionedThroughput first = ok(get(service, arn.value()));
    clock.advance(Duration.ofHours(1));

    assertEquals(first, ok(get(service, arn.value())));
  }
}
