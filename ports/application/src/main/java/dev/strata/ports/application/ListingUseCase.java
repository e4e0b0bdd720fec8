package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.ListLimits;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ModelArn;
import dev.strata.domain.PageToken;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Optional;

/**
 * Listing: GetProvisionedModelThroughput and ListProvisionedModelThroughputs. Every read observes
 * the provisioned throughput once more under the transition policy (D9), which may move a pending
 * status on; List pages by keyset with an opaque token bound to its query (D16).
 */
final class ListingUseCase {
  private final Locator locator;
  private final OptimisticWrites writes;
  private final ProvisionedThroughputs store;
  private final StatusTransitionPolicy transitions;
  private final Clock clock;

  ListingUseCase(
      Locator locator,
      OptimisticWrites writes,
      ProvisionedThroughputs store,
      StatusTransitionPolicy transitions,
      Clock clock) {
    this.locator = locator;
    this.writes = writes;
    this.store = store;
    this.transitions = transitions;
    this.clock = clock;
  }

  Either<BedrockError, ProvisionedThroughput> get(ResourceScope scope, String identifier) {
    return locator.locate(scope, identifier).flatMap(this::observe);
  }

  Either<BedrockError, ProvisionedThroughputPage> list(
      ResourceScope scope, ListProvisionedModelThroughputsCommand c) {
    ThroughputFilter filter =
        ThroughputFilter.of(
            Optional.ofNullable(c.creationTimeAfter()),
            Optional.ofNullable(c.creationTimeBefore()),
            Optional.ofNullable(c.statusEquals()).map(ProvisionedModelStatus::valueOf),
            Optional.ofNullable(c.modelArnEquals()).map(ModelArn::ofValid),
            Optional.ofNullable(c.nameContains()));
    SortOrder order = c.sortOrder() == null ? SortOrder.Descending : SortOrder.valueOf(c.sortOrder());
    int size = c.maxResults() == null ? ListLimits.DEFAULT_RESULTS : c.maxResults();
    String binding = scope + "|" + filter.canonical() + "|" + order;
    Either<BedrockError, Option<ListPosition>> after =
        c.nextToken() == null
            ? Either.right(Option.none())
            : PageToken.decode(c.nextToken(), binding).map(Option::of);
    return after
        .flatMap(from -> store.list(scope, filter, order, from, size + 1))
        .flatMap(
            found -> {
              List<ProvisionedThroughput> page = found.take(size).toList();
              Option<String> next =
                  found.size() > size
                      ? Option.of(PageToken.encode(ListPosition.of(page.last()), binding))
                      : Option.none();
              return observeAll(page).map(seen -> new ProvisionedThroughputPage(seen, next));
            });
  }

  /** Every listed item as a read sees it; one deleted meanwhile is left out. */
  private Either<BedrockError, List<ProvisionedThroughput>> observeAll(
      List<ProvisionedThroughput> page) {
    List<ProvisionedThroughput> seen = List.empty();
    for (ProvisionedThroughput pt : page) {
      Either<BedrockError, ProvisionedThroughput> observed = observe(pt);
      if (observed.isRight()) {
        seen = seen.append(observed.get());
      } else if (!(observed.getLeft() instanceof ResourceNotFound)) {
        return Either.left(observed.getLeft());
      }
    }
    return Either.right(seen);
  }

  /** A read: the provisioned throughput observed once more under the transition policy (D9). */
  private Either<BedrockError, ProvisionedThroughput> observe(ProvisionedThroughput read) {
    return writes.change(read, current -> Either.right(current.observe(transitions, clock.instant())));
  }
}
