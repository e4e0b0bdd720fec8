package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.Refusals.assertRefused;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_LITE;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_V2_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.TITAN_EXPRESS;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.foundationArn;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.ports.application.lifecycle.Lifecycle.Query;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ValidationFact;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpdateProvisionedModelThroughputTest {
  private final TestClock clock = TestClock.at(T0);
  private final StrataService service = strataOn(clock).build().service();
  private final StrataService manual =
      strataOn(clock).transitions(StatusTransitionPolicy.manual()).build().service();

  private static Either<BedrockError, ProvisionedThroughput> update(
      StrataService on, String id, String newName, String newModel) {
    return on.updateProvisionedModelThroughput(
        new UpdateProvisionedModelThroughputCommand(id, newName, newModel));
  }

  @Test
  void a_rename_takes_effect_and_releases_the_old_name() {
    ProvisionedModelArn arn = create(service, "old-name", NOVA_MICRO);

    ProvisionedThroughput renamed = ok(update(service, "old-name", "new-name", null));

    assertEquals("new-name", renamed.provisionedModelName().value());
    assertEquals(ProvisionedModelStatus.InService, renamed.status());
    assertEquals(arn, ok(get(service, "new-name")).provisionedModelArn());
    assertEquals(
        new ResourceNotFound("Provisioned throughput 'old-name' was not found in this account and region."),
        failure(get(service, "old-name")));
    ProvisionedModelArn reused = create(service, "old-name", NOVA_MICRO);
    assertEquals("old-name", ok(get(service, reused.value())).provisionedModelName().value());
  }

  @Test
  void a_rename_by_arn_works_like_a_rename_by_name() {
    ProvisionedModelArn arn = create(service, "by-arn", NOVA_MICRO);

    assertEquals("renamed", ok(update(service, arn.value(), "renamed", null)).provisionedModelName().value());
  }

  @Test
  void a_rename_onto_a_name_in_use_is_a_validation_exception_and_changes_nothing() {
    ProvisionedModelArn taken = create(service, "taken", NOVA_MICRO);
    create(service, "mover", NOVA_MICRO);
    ProvisionedThroughput before = ok(get(service, "mover"));

    assertRefused(
        new ValidationFact.NameTaken(ProvisionedModelName.of("taken"), taken),
        "A provisioned throughput named 'taken' already exists in this account and region: "
            + taken.value()
            + ". Provisioned model names must be unique.",
        failure(update(service, "mover", "taken", null)));
    assertEquals(before, ok(get(service, "mover")));
  }

  @Test
  void an_update_while_creating_is_a_validation_exception() {
    create(manual, "still-creating", NOVA_MICRO);

    assertRefused(
        new ValidationFact.ChangeWhilePending(
            ProvisionedModelName.of("still-creating"), ProvisionedModelStatus.Creating),
        "Provisioned throughput still-creating is Creating; it can be updated once it is no"
            + " longer Creating or Updating.",
        failure(update(manual, "still-creating", "other", null)));
  }

  @Test
  void an_update_while_updating_is_a_validation_exception() {
    create(manual, "busy", NOVA_MICRO);
    ok(manual.completeTransition("busy"));
    ok(update(manual, "busy", "busy-renamed", null));

    assertRefused(
        new ValidationFact.ChangeWhilePending(
            ProvisionedModelName.of("busy-renamed"), ProvisionedModelStatus.Updating),
        "Provisioned throughput busy-renamed is Updating; it can be updated once it is no"
            + " longer Creating or Updating.",
        failure(update(manual, "busy-renamed", "again", null)));
  }

  @Test
  void the_model_of_a_base_model_purchase_cannot_change() {
    create(service, "base", NOVA_MICRO);

    assertRefused(
        new ValidationFact.BaseModelFixed(
            ProvisionedModelName.of("base"), "amazon.nova-micro-v1:0:24k"),
        "desiredModelId can only be changed for a provisioned throughput of a custom model;"
            + " base serves base model amazon.nova-micro-v1:0:24k.",
        failure(update(service, "base", null, NOVA_LITE)));
    assertEquals(foundationArn(NOVA_MICRO), ok(get(service, "base")).modelArn().value());
  }

  @Test
  void a_custom_model_purchase_may_move_to_its_base_model() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    ProvisionedThroughput moved = ok(update(service, "custom", null, TITAN_EXPRESS));

    assertEquals(foundationArn(TITAN_EXPRESS), moved.modelArn().value());
    assertEquals(foundationArn(TITAN_EXPRESS), moved.desiredModelArn().value());
    assertEquals(foundationArn(TITAN_EXPRESS), moved.foundationModelArn().value());
    assertEquals(ProvisionedModelStatus.InService, moved.status());
  }

  @Test
  void a_custom_model_purchase_may_move_to_another_custom_model_of_the_same_base() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    ProvisionedThroughput moved =
        ok(update(service, "custom", null, SeedModels.TITAN_SUPPORT_BOT_V2));

    assertEquals(SUPPORT_BOT_V2_ARN, moved.modelArn().value());
    assertEquals(SUPPORT_BOT_V2_ARN, ok(get(service, "custom")).modelArn().value());
  }

  @Test
  void a_custom_model_purchase_may_not_move_to_a_custom_model_of_another_base() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    assertRefused(
        new ValidationFact.OtherBaseModel(
            "amazon.titan-text-express-v1:0:8k", "nova-lite-distilled", "amazon.nova-lite-v1:0:300k"),
        "desiredModelId must be base model amazon.titan-text-express-v1:0:8k or another custom"
            + " model of it; nova-lite-distilled is based on amazon.nova-lite-v1:0:300k.",
        failure(update(service, "custom", null, SeedModels.NOVA_DISTILLED)));
    assertEquals(SUPPORT_BOT_ARN, ok(get(service, "custom")).modelArn().value());
  }

  @Test
  void a_custom_model_purchase_may_not_move_to_an_unrelated_foundation_model() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    assertRefused(
        new ValidationFact.OtherBaseModel(
            "amazon.titan-text-express-v1:0:8k",
            "amazon.nova-lite-v1:0:24k",
            "amazon.nova-lite-v1:0:24k"),
        "desiredModelId must be base model amazon.titan-text-express-v1:0:8k or another custom"
            + " model of it; amazon.nova-lite-v1:0:24k is based on amazon.nova-lite-v1:0:24k.",
        failure(update(service, "custom", null, NOVA_LITE)));
  }

  @Test
  void an_unknown_desired_model_is_resource_not_found() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    assertEquals(
        new ResourceNotFound(
            "The model 'no-such-model' (desiredModelId) was not found in account 123456789012,"
                + " region us-east-1."),
        failure(update(service, "custom", null, "no-such-model")));
  }

  @Test
  void a_desired_custom_model_that_is_not_active_is_a_validation_exception() {
    create(service, "custom", SeedModels.TITAN_SUPPORT_BOT);

    assertRefused(
        new ValidationFact.ModelNotActive("titan-still-training", ModelStatus.Creating),
        "The custom model titan-still-training is Creating; only Active custom models can be"
            + " provisioned.",
        failure(update(service, "custom", null, SeedModels.TITAN_STILL_TRAINING)));
  }

  @Test
  void an_update_of_an_unknown_or_foreign_provisioned_throughput_is_resource_not_found() {
    ProvisionedModelArn arn = create(service, "mine", NOVA_MICRO);

    assertEquals(
        new ResourceNotFound("Provisioned throughput 'ghost' was not found in this account and region."),
        failure(update(service, "ghost", "x", null)));
    assertEquals(
        new ResourceNotFound(
            "Provisioned throughput '" + arn.value() + "' was not found in this account and region."),
        failure(update(service.forScope(OTHER_ACCOUNT_SCOPE), arn.value(), "x", null)));
  }

  @Test
  void a_desired_name_that_breaks_the_name_pattern_is_a_validation_exception() {
    create(service, "shaped", NOVA_MICRO);

    assertInvalidMembers(
        "1 validation error detected: Value 'bad__name' at 'desiredProvisionedModelName' failed"
            + " to satisfy constraint: Member must satisfy regular expression pattern:"
            + " ^([0-9a-zA-Z][_-]?)+$",
        failure(update(service, "shaped", "bad__name", null)));
  }

  @Test
  void a_model_change_stays_updating_with_the_old_model_serving_until_it_completes() {
    create(manual, "moving", SeedModels.TITAN_SUPPORT_BOT);
    ok(manual.completeTransition("moving"));

    ProvisionedThroughput updating = ok(update(manual, "moving", null, SeedModels.TITAN_SUPPORT_BOT_V2));
    ProvisionedThroughput read = ok(get(manual, "moving"));

    for (ProvisionedThroughput pt : List.of(updating, read)) {
      assertEquals(ProvisionedModelStatus.Updating, pt.status());
      assertEquals(SUPPORT_BOT_ARN, pt.modelArn().value());
      assertEquals(SUPPORT_BOT_V2_ARN, pt.desiredModelArn().value());
    }
    assertEquals(
        List.of("moving"),
        ok(manual.listProvisionedModelThroughputs(Query.list().model(SUPPORT_BOT_ARN).command()))
            .provisionedModelSummaries()
            .map(pt -> pt.provisionedModelName().value()));

    ProvisionedThroughput done = ok(manual.completeTransition("moving"));

    assertEquals(ProvisionedModelStatus.InService, done.status());
    assertEquals(SUPPORT_BOT_V2_ARN, done.modelArn().value());
    assertEquals(SUPPORT_BOT_V2_ARN, done.desiredModelArn().value());
  }

  @Test
  void last_modified_time_moves_with_the_update_and_again_when_it_completes() {
    create(manual, "timed", SeedModels.TITAN_SUPPORT_BOT);
    ok(manual.completeTransition("timed"));
    clock.advance(Duration.ofHours(1));

    ProvisionedThroughput updating = ok(update(manual, "timed", "timed-2", null));
    clock.advance(Duration.ofHours(1));
    ProvisionedThroughput done = ok(manual.completeTransition("timed-2"));

    assertEquals(T0, updating.creationTime());
    assertEquals(T0.plus(Duration.ofHours(1)), updating.lastModifiedTime());
    assertEquals(T0, done.creationTime());
    assertEquals(T0.plus(Duration.ofHours(2)), done.lastModifiedTime());
  }

  @Test
  void an_immediate_rename_sets_last_modified_time_to_the_time_of_the_update() {
    create(service, "clocked", NOVA_MICRO);
    clock.advance(Duration.ofMinutes(42));

    ProvisionedThroughput renamed = ok(update(service, "clocked", "clocked-2", null));

    assertEquals(T0.plus(Duration.ofMinutes(42)), renamed.lastModifiedTime());
    assertEquals(renamed, ok(get(service, "clocked-2")));
  }
}
