package dev.strata.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelModality;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tags;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisionedThroughputs#list} must do, whatever stores the data. An adapter's
 * test extends this class and supplies {@link #emptyRepository()}.
 *
 * <p>The fixture: in scope {@code HOME}, five provisioned throughputs a second apart (t0..t4),
 * two of which share their creation instant with a sixth so that the id breaks the tie; one in
 * {@code OTHER} (another account) and one in {@code WEST} (another region) at the same instants.
 */
public abstract class ProvisionedThroughputListingContract {
  protected static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "111122223333");
  protected static final ResourceScope OTHER = ResourceScope.of("aws", "us-east-1", "444455556666");
  protected static final ResourceScope WEST = ResourceScope.of("aws", "us-west-2", "111122223333");
  private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

  private ProvisionedThroughputs repository;

  /** A repository that holds nothing. */
  protected abstract ProvisionedThroughputs emptyRepository();

  @BeforeEach
  void a_fleet_in_three_scopes() {
    repository = emptyRepository();
    store(HOME, "aaaaaaaaaaa1", "alpha-one", 0, "amazon.nova-micro-v1:0:24k", true);
    store(HOME, "aaaaaaaaaaa2", "Alpha-two", 1, "amazon.nova-lite-v1:0:24k", false);
    store(HOME, "aaaaaaaaaaa3", "beta-three", 2, "amazon.nova-micro-v1:0:24k", true);
    store(HOME, "zzzzzzzzzzz3", "beta-three-twin", 2, "amazon.nova-lite-v1:0:24k", true);
    store(HOME, "aaaaaaaaaaa4", "alpha-four", 3, "amazon.nova-micro-v1:0:24k", false);
    store(OTHER, "bbbbbbbbbbb1", "alpha-one", 0, "amazon.nova-micro-v1:0:24k", true);
    store(WEST, "ccccccccccc1", "alpha-one", 0, "amazon.nova-micro-v1:0:24k", true);
  }

  private void store(
      ResourceScope scope, String id, String name, int second, String modelId, boolean inService) {
    FoundationModel model =
        FoundationModel.builder()
            .arn(scope.foundationModelArn(modelId))
            .modelName(modelId)
            .providerName("Amazon")
            .addInputModalities(ModelModality.TEXT)
            .addOutputModalities(ModelModality.TEXT)
            .responseStreamingSupported(true)
            .addInferenceTypesSupported(InferenceType.PROVISIONED)
            .noCommitmentPurchaseSupported(true)
            .build();
    CreationRequest request =
        CreationRequest.of(
            ProvisionedModelName.of(name),
            ModelUnits.of(1),
            ModelIdentifier.of(modelId),
            Optional.empty(),
            List.empty());
    ProvisionedThroughput pt =
        ProvisionedThroughput.provision(
            scope.provisionedModelArn(ProvisionedModelId.of(id)),
            request,
            ResolvedModel.foundation(model),
            Tags.empty(),
            QuotaCharge.of(QuotaKey.noCommitmentBaseModels(), ModelUnits.of(1)),
            Optional.empty(),
            inService ? StatusTransitionPolicy.immediate() : StatusTransitionPolicy.manual(),
            T0.plusSeconds(second));
    Either<BedrockError, InsertOutcome> inserted = repository.insert(pt, Fixtures.UNLIMITED);
    assertTrue(
        inserted.isRight() && inserted.get() instanceof InsertOutcome.Inserted,
        () -> "could not store " + name + ": " + inserted);
  }

  private List<String> ids(
      ResourceScope scope,
      ThroughputFilter filter,
      SortOrder order,
      Option<ListPosition> after,
      int limit) {
    Either<BedrockError, Seq<ProvisionedThroughput>> listed =
        repository.list(scope, filter, order, after, limit);
    assertTrue(listed.isRight(), () -> "list failed: " + listed.getLeft());
    return listed.get().map(pt -> pt.id().value()).toList();
  }

  private List<String> all(ResourceScope scope, SortOrder order) {
    return ids(scope, ThroughputFilter.none(), order, Option.none(), 100);
  }

  @Test
  void ascending_is_creation_time_then_id() {
    assertEquals(
        List.of("aaaaaaaaaaa1", "aaaaaaaaaaa2", "aaaaaaaaaaa3", "zzzzzzzzzzz3", "aaaaaaaaaaa4"),
        all(HOME, SortOrder.Ascending));
  }

  @Test
  void descending_is_the_exact_reverse_of_ascending() {
    assertEquals(
        List.of("aaaaaaaaaaa4", "zzzzzzzzzzz3", "aaaaaaaaaaa3", "aaaaaaaaaaa2", "aaaaaaaaaaa1"),
        all(HOME, SortOrder.Descending));
  }

  @Test
  void each_scope_lists_only_its_own_provisioned_throughputs() {
    assertEquals(List.of("bbbbbbbbbbb1"), all(OTHER, SortOrder.Descending));
    assertEquals(List.of("ccccccccccc1"), all(WEST, SortOrder.Ascending));
    assertEquals(
        List.empty(), all(ResourceScope.of("aws-cn", "cn-north-1", "111122223333"), SortOrder.Ascending));
  }

  @Test
  void the_filter_selects_what_it_matches_in_the_requested_order() {
    ThroughputFilter alphaInService =
        ThroughputFilter.of(
            Optional.empty(),
            Optional.empty(),
            Optional.of(ProvisionedModelStatus.InService),
            Optional.empty(),
            Optional.of("alpha"));
    ThroughputFilter lite =
        ThroughputFilter.of(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(HOME.foundationModelArn("amazon.nova-lite-v1:0:24k")),
            Optional.empty());
    ThroughputFilter between =
        ThroughputFilter.of(
            Optional.of(T0), Optional.of(T0.plusSeconds(3)), Optional.empty(), Optional.empty(), Optional.empty());

    assertEquals(List.of("aaaaaaaaaaa1"), ids(HOME, alphaInService, SortOrder.Ascending, Option.none(), 10));
    assertEquals(
        List.of("zzzzzzzzzzz3", "aaaaaaaaaaa2"), ids(HOME, lite, SortOrder.Descending, Option.none(), 10));
    assertEquals(
        List.of("aaaaaaaaaaa2", "aaaaaaaaaaa3", "zzzzzzzzzzz3"),
        ids(HOME, between, SortOrder.Ascending, Option.none(), 10));
  }

  @Test
  void after_starts_strictly_behind_the_position_in_either_order() {
    Option<ListPosition> third = Option.of(ListPosition.of(T0.plusSeconds(2).toEpochMilli(), "aaaaaaaaaaa3"));

    assertEquals(
        List.of("zzzzzzzzzzz3", "aaaaaaaaaaa4"),
        ids(HOME, ThroughputFilter.none(), SortOrder.Ascending, third, 10));
    assertEquals(
        List.of("aaaaaaaaaaa2", "aaaaaaaaaaa1"),
        ids(HOME, ThroughputFilter.none(), SortOrder.Descending, third, 10));
  }

  @Test
  void after_may_name_a_position_nothing_holds_any_more() {
    Option<ListPosition> gone = Option.of(ListPosition.of(T0.plusMillis(1500).toEpochMilli(), "mmmmmmmmmmmm"));

    assertEquals(
        List.of("aaaaaaaaaaa3", "zzzzzzzzzzz3", "aaaaaaaaaaa4"),
        ids(HOME, ThroughputFilter.none(), SortOrder.Ascending, gone, 10));
    assertEquals(
        List.of("aaaaaaaaaaa2", "aaaaaaaaaaa1"),
        ids(HOME, ThroughputFilter.none(), SortOrder.Descending, gone, 10));
  }

  @Test
  void limit_caps_the_result_after_filtering() {
    ThroughputFilter inService =
        ThroughputFilter.of(
            Optional.empty(), Optional.empty(), Optional.of(ProvisionedModelStatus.InService), Optional.empty(), Optional.empty());

    assertEquals(List.of("aaaaaaaaaaa4", "zzzzzzzzzzz3"), ids(HOME, ThroughputFilter.none(), SortOrder.Descending, Option.none(), 2));
    assertEquals(List.of("aaaaaaaaaaa1"), ids(HOME, ThroughputFilter.none(), SortOrder.Ascending, Option.none(), 1));
    assertEquals(List.of("zzzzzzzzzzz3", "aaaaaaaaaaa3"), ids(HOME, inService, SortOrder.Descending, Option.none(), 2));
  }

  @Test
  void a_removed_provisioned_throughput_is_no_longer_listed() {
    ProvisionedThroughput second =
        repository.findById(HOME, ProvisionedModelId.of("aaaaaaaaaaa2")).get().get();

    assertTrue(repository.remove(second).get() instanceof ProvisionedThroughputs.WriteOutcome.Written);

    assertEquals(
        List.of("aaaaaaaaaaa1", "aaaaaaaaaaa3", "zzzzzzzzzzz3", "aaaaaaaaaaa4"),
        all(HOME, SortOrder.Ascending));
  }

  @Test
  void a_replaced_provisioned_throughput_keeps_its_place_and_shows_its_new_state() {
    ProvisionedThroughput creating =
        repository.findById(HOME, ProvisionedModelId.of("aaaaaaaaaaa2")).get().get();
    ProvisionedThroughput settled =
        creating.settle(new StatusTransitionPolicy.Transition.Complete(), T0.plusSeconds(60)).get();

    assertTrue(repository.replace(creating, settled).get() instanceof ProvisionedThroughputs.WriteOutcome.Written);

    List<ProvisionedThroughput> listed =
        repository.list(HOME, ThroughputFilter.none(), SortOrder.Ascending, Option.none(), 10).get().toList();
    assertEquals("aaaaaaaaaaa2", listed.get(1).id().value());
    assertEquals(ProvisionedModelStatus.InService, listed.get(1).status());
  }
}
