package dev.strata.adapters.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.application.ServiceClock;
import dev.strata.ports.application.StrataControlService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ServiceClockControl.ClockReading;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link InMemoryStrata#control()}: the service clock (D20), reset and health, from Java. */
class StrataControlTest {
  private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
  private static final ResourceScope OTHER = ResourceScope.of("aws", "eu-west-1", "999999999999");

  private final InMemoryStrata strata =
      InMemoryStrata.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).build();

  private static void create(Strata strata, String name, CommitmentDuration commitment) {
    strata
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", 1)
                .commitmentDuration(commitment)
                .build())
        .get();
  }

  private static String member(Either<BedrockError, ?> refused) {
    return ((BedrockError.ValidationError) refused.getLeft()).violations().head().path();
  }

  @Test
  void a_commitment_is_deletable_and_its_units_released_once_the_clock_passed_its_term() {
    create(strata.service(), "monthly", CommitmentDuration.OneMonth);
    DeleteProvisionedModelThroughputCommand delete = new DeleteProvisionedModelThroughputCommand("monthly");
    assertEquals("ConflictException", strata.service().deleteProvisionedModelThroughput(delete).getLeft().errorCode());

    assertEquals(
        Either.right(new ClockReading(START.plus(Duration.ofDays(32)), Duration.ofDays(32))),
        strata.control().clock().advance(Duration.ofDays(32)));

    assertTrue(strata.service().deleteProvisionedModelThroughput(delete).isRight());
    QuotaKey committed = QuotaKey.committed("amazon.nova-lite-v1:0:24k");
    assertEquals(Either.right(QuotaUsage.of(committed, 1_000, 0)), strata.usage(strata.home(), committed));
    create(strata.service(), "later", null);
    assertEquals(
        START.plus(Duration.ofDays(32)),
        strata.service()
            .getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("later"))
            .get()
            .creationTime());
  }

  @Test
  void the_clock_refuses_to_move_backwards_naming_the_member_and_stays_where_it_was() {
    ServiceClock clock = strata.control().clock();
    clock.set(START.plus(Duration.ofHours(2))).get();

    assertEquals("advance", member(clock.advance(Duration.ofSeconds(-1))));
    assertEquals("set", member(clock.set(START.plus(Duration.ofHours(1)))));
    assertEquals(Duration.ofHours(2), clock.read().get().offset());
  }

  @Test
  void a_reset_of_one_scope_keeps_the_others_and_the_clock_and_a_reset_of_everything_returns_to_real_time() {
    create(strata.service(), "home", null);
    create(strata.service().forScope(OTHER), "other", null);
    strata.control().clock().advance(Duration.ofDays(1)).get();

    assertEquals(Either.right(1), strata.control().reset(Optional.of(OTHER)));
    assertEquals(1, strata.repository().size(strata.home()));
    assertEquals(Duration.ofDays(1), strata.control().clock().read().get().offset());

    assertEquals(Either.right(1), strata.control().reset(Optional.empty()));
    assertEquals(0, strata.repository().size(strata.home()));
    assertEquals(Duration.ZERO, strata.control().clock().read().get().offset());
    assertEquals("inmemory", strata.control().health().adapters().get("store"));
  }

  @Test
  void a_reset_runs_every_registered_hook_with_its_scope_after_emptying_the_store() {
    InMemoryProvisionedThroughputs store = new InMemoryProvisionedThroughputs();
    List<Optional<ResourceScope>> seen = new ArrayList<>();
    StrataControlService control =
        StrataControlService.builder()
            .clock(new ServiceClock(Clock.fixed(START, ZoneOffset.UTC), new InMemoryClockOffset()))
            .store(store)
            .controls(InMemoryStrata.builder().build().service().controls())
            .state(new InMemoryHeldState(store, new InMemoryArnMinter(OTHER, 0)))
            .onReset(seen::add)
            .build();

    control.reset(Optional.of(OTHER)).get();
    control.reset(Optional.empty()).get();

    assertEquals(List.of(Optional.of(OTHER), Optional.empty()), seen);
  }
}
