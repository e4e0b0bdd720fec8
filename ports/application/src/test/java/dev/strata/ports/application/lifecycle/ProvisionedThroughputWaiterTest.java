package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.application.ProvisionedThroughputWaiter;
import dev.strata.ports.application.ProvisionedThroughputWaiter.Outcome;
import dev.strata.ports.driving.GetProvisionedModelThroughput;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvisionedThroughputWaiterTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  private final TestClock clock = TestClock.at(T0);
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final AtomicInteger polls = new AtomicInteger();
  private final ExecutorService threads = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop_threads() {
    threads.shutdownNow();
  }

  private StrataService on(StatusTransitionPolicy policy) {
    return strataOn(clock).transitions(policy).build().service();
  }

  /** The service's Get, counting every poll. */
  private GetProvisionedModelThroughput counted(StrataService service) {
    return command -> {
      polls.incrementAndGet();
      return service.getProvisionedModelThroughput(command);
    };
  }

  private ProvisionedThroughputWaiter waiter(StrataService service) {
    return new ProvisionedThroughputWaiter(counted(service), clock, pauses::add);
  }

  @Test
  void the_waiter_settles_on_in_service_after_the_reads_the_policy_asks_for() {
    StrataService service = on(StatusTransitionPolicy.afterReads(3));
    create(service, "warming", NOVA_MICRO);

    Outcome outcome = ok(waiter(service).awaitSettled("warming", TIMEOUT, INTERVAL));

    assertInstanceOf(Outcome.Settled.class, outcome);
    assertEquals(ProvisionedModelStatus.InService, outcome.last().status());
    assertEquals(4, polls.get());
    assertEquals(Collections.nCopies(3, INTERVAL), pauses);
  }

  @Test
  void the_waiter_settles_on_failed_with_the_failure_message() {
    StrataService service =
        on(StatusTransitionPolicy.afterReads(1).failing(pt -> true, "no capacity"));
    create(service, "failing", NOVA_MICRO);

    Outcome outcome = ok(waiter(service).awaitSettled("failing", TIMEOUT, INTERVAL));

    assertInstanceOf(Outcome.Settled.class, outcome);
    assertEquals(ProvisionedModelStatus.Failed, outcome.last().status());
    assertEquals(Optional.of("no capacity"), outcome.last().failureMessage());
    assertEquals(2, polls.get());
  }

  @Test
  void the_waiter_times_out_on_a_transition_nobody_completes() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "stuck", NOVA_MICRO);
    TestClock ticking = TestClock.ticking(T0, Duration.ofSeconds(1));
    ProvisionedThroughputWaiter waiter =
        new ProvisionedThroughputWaiter(counted(service), ticking, pauses::add);

    Outcome outcome = ok(waiter.awaitSettled("stuck", Duration.ofSeconds(10), Duration.ofSeconds(1)));

    assertInstanceOf(Outcome.TimedOut.class, outcome);
    assertEquals(ProvisionedModelStatus.Creating, outcome.last().status());
    assertEquals(10, polls.get());
    assertEquals(Collections.nCopies(9, Duration.ofSeconds(1)), pauses);
  }

  @Test
  void the_last_pause_is_shortened_to_the_time_left() {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "stuck", NOVA_MICRO);
    TestClock ticking = TestClock.ticking(T0, Duration.ofSeconds(4));
    ProvisionedThroughputWaiter waiter =
        new ProvisionedThroughputWaiter(counted(service), ticking, pauses::add);

    Outcome outcome = ok(waiter.awaitSettled("stuck", Duration.ofSeconds(10), Duration.ofSeconds(5)));

    assertInstanceOf(Outcome.TimedOut.class, outcome);
    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(2)), pauses);
  }

  @Test
  void the_waiter_reports_a_provisioned_throughput_that_does_not_exist() {
    StrataService service = on(StatusTransitionPolicy.manual());

    BedrockError error = failure(waiter(service).awaitSettled("absent", TIMEOUT, INTERVAL));

    assertEquals(
        new ResourceNotFound("Provisioned throughput 'absent' was not found in this account and region."),
        error);
  }

  @Test
  void the_waiter_settles_when_another_thread_completes_the_transition() throws Exception {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "handoff", NOVA_MICRO);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch completed = new CountDownLatch(1);
    ProvisionedThroughputWaiter waiter =
        new ProvisionedThroughputWaiter(
            counted(service),
            clock,
            pause -> {
              waiting.countDown();
              assertTrue(completed.await(5, TimeUnit.SECONDS), "the transition was not completed");
            });

    Future<Either<BedrockError, Outcome>> waited =
        threads.submit(() -> waiter.awaitSettled("handoff", TIMEOUT, INTERVAL));
    assertTrue(waiting.await(5, TimeUnit.SECONDS), "the waiter never paused");
    ok(service.completeTransition("handoff"));
    completed.countDown();

    Outcome outcome = ok(waited.get(5, TimeUnit.SECONDS));
    assertInstanceOf(Outcome.Settled.class, outcome);
    assertEquals(ProvisionedModelStatus.InService, outcome.last().status());
    assertEquals(2, polls.get());
  }

  @Test
  void an_interrupted_waiter_answers_timed_out_with_the_last_state() throws Exception {
    StrataService service = on(StatusTransitionPolicy.manual());
    create(service, "interrupted", NOVA_MICRO);
    ProvisionedThroughputWaiter waiter =
        new ProvisionedThroughputWaiter(
            counted(service),
            clock,
            pause -> {
              throw new InterruptedException("stop");
            });

    Outcome outcome = ok(waiter.awaitSettled("interrupted", TIMEOUT, INTERVAL));

    assertInstanceOf(Outcome.TimedOut.class, outcome);
    assertEquals(ProvisionedModelStatus.Creating, outcome.last().status());
    assertTrue(Thread.interrupted(), "the interrupt is restored");
  }
}
