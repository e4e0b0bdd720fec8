package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_LITE;
import static dev.strata.ports.application.lifecycle.Lifecycle.allPages;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_V2_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.foundationArn;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.ports.application.lifecycle.Lifecycle.Query;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any fleet, any filter combination, either order and any page size, the pages of
 * ListProvisionedModelThroughputs concatenate to exactly the filtered, sorted fleet.
 */
class PaginationPropertyTest {
  private static final List<String> WORDS = List.of("alpha", "Alpha", "beta", "gamma7");
  private static final List<String> MODELS = List.of(NOVA_MICRO, NOVA_LITE, SeedModels.TITAN_SUPPORT_BOT);
  private static final List<String> MODEL_ARNS =
      List.of(foundationArn(NOVA_MICRO), foundationArn(NOVA_LITE), SUPPORT_BOT_ARN, SUPPORT_BOT_V2_ARN);
  private static final List<String> FRAGMENTS = List.of("alpha", "Alpha", "pha", "beta", "7", "1");

  /** One provisioned throughput to create: milliseconds after the previous one, name, end state, model. */
  record Member(int gapMillis, String word, ProvisionedModelStatus status, String model) {}

  /** One ListProvisionedModelThroughputs query; creation-time bounds in milliseconds after T0. */
  record Filter(
      Optional<Integer> afterMillis,
      Optional<Integer> beforeMillis,
      Optional<ProvisionedModelStatus> status,
      Optional<String> modelArn,
      Optional<String> nameContains,
      boolean ascending) {

    Query query() {
      return Query.list()
          .after(afterMillis.map(T0::plusMillis).orElse(null))
          .before(beforeMillis.map(T0::plusMillis).orElse(null))
          .status(status.map(Enum::name).orElse(null))
          .model(modelArn.orElse(null))
          .nameContains(nameContains.orElse(null))
          .order(ascending ? "Ascending" : "Descending");
    }

    boolean admits(ProvisionedThroughput pt) {
      Instant created = pt.creationTime();
      return afterMillis.map(ms -> created.isAfter(T0.plusMillis(ms))).orElse(true)
          && beforeMillis.map(ms -> created.isBefore(T0.plusMillis(ms))).orElse(true)
          && status.map(s -> s == pt.status()).orElse(true)
          && modelArn.map(a -> a.equals(pt.modelArn().value())).orElse(true)
          && nameContains.map(n -> pt.provisionedModelName().value().contains(n)).orElse(true);
    }
  }

  @Provide
  Arbitrary<List<Member>> fleets() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(WORDS),
            Arbitraries.of(ProvisionedModelStatus.class),
            Arbitraries.of(MODELS))
        .as(Member::new)
        .list()
        .ofMaxSize(24);
  }

  @Provide
  Arbitrary<Filter> filters() {
    return Combinators.combine(
            Arbitraries.integers().between(-1, 50).optional(0.3),
            Arbitraries.integers().between(-1, 50).optional(0.3),
            Arbitraries.of(ProvisionedModelStatus.class).optional(0.3),
            Arbitraries.of(MODEL_ARNS).optional(0.25),
            Arbitraries.of(FRAGMENTS).optional(0.3),
            Arbitraries.of(true, false))
        .as(Filter::new);
  }

  @Property(tries = 150)
  void the_pages_together_are_the_filtered_sorted_fleet_without_duplicates_or_gaps(
      @ForAll("fleets") List<Member> fleet,
      @ForAll("filters") Filter filter,
      @ForAll @IntRange(min = 1, max = 26) int pageSize) {
    TestClock clock = TestClock.at(T0);
    StrataService service =
        strataOn(clock).transitions(StatusTransitionPolicy.manual()).build().service();
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < fleet.size(); i++) {
      Member m = fleet.get(i);
      clock.advance(Duration.ofMillis(m.gapMillis()));
      arns.add(provision(service, i + "-" + m.word(), m).value());
    }

    Comparator<ProvisionedThroughput> creationOrder =
        Comparator.comparing(ProvisionedThroughput::creationTime)
            .thenComparing(pt -> pt.id().value());
    List<String> expected =
        arns.stream()
            .map(arn -> ok(get(service, arn)))
            .filter(filter::admits)
            .sorted(filter.ascending() ? creationOrder : creationOrder.reversed())
            .map(pt -> pt.provisionedModelArn().value())
            .collect(Collectors.toList());

    List<String> paged =
        allPages(service, filter.query(), pageSize, fleet.size() + 1, pages -> {}).stream()
            .map(pt -> pt.provisionedModelArn().value())
            .collect(Collectors.toList());

    assertEquals(expected, paged);
    assertEquals(paged.size(), paged.stream().distinct().count());
  }

  /** Creates {@code m} under a manual policy and drives it to its status. */
  private static dev.strata.domain.ProvisionedModelArn provision(
      StrataService service, String name, Member m) {
    dev.strata.domain.ProvisionedModelArn arn = create(service, name, m.model());
    switch (m.status()) {
      case InService -> ok(service.completeTransition(name));
      case Failed -> ok(service.failTransition(name, "simulated"));
      case Updating -> {
        ok(service.completeTransition(name));
        boolean custom = m.model().equals(SeedModels.TITAN_SUPPORT_BOT);
        ok(
            service.updateProvisionedModelThroughput(
                new UpdateProvisionedModelThroughputCommand(
                    name, custom ? null : name + "u", custom ? SeedModels.TITAN_SUPPORT_BOT_V2 : null)));
      }
      case Creating -> {}
    }
    return arn;
  }
}
