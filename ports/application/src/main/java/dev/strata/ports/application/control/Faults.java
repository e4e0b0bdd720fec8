package dev.strata.ports.application.control;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.Shape;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.MemberConstraint;
import dev.strata.domain.ValidationFact;
import io.vavr.collection.List;
import dev.strata.ports.driving.ArmedFault;
import dev.strata.ports.driving.FaultControl;
import dev.strata.ports.driving.FaultRequest;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The faults armed against one Strata (D21): the next matching calls answer an error that Bedrock
 * models for their operation, and change nothing. Faults are tried in the order they were armed;
 * the first that matches a call decides it. A count fault strikes that many matching calls in
 * arrival order, then disarms. A probability fault draws from a source seeded at construction and
 * again when every fault is cleared, so the same calls after the same arming fail the same way.
 * Thread-safe.
 */
public final class Faults implements FaultControl {
  static final long MAX_LATENCY_MS = 60_000;
  static final long MAX_COUNT = 1_000_000_000;

  private final long seed;
  private final java.util.List<ArmedFault> armed = new ArrayList<>();
  private long draws;

  public Faults(long seed) {
    this.seed = seed;
    this.draws = seed;
  }

  /** What a struck call answers, after waiting {@code latencyMs}. */
  public record Strike(BedrockError error, long latencyMs) {
    /** Waits {@code latencyMs} (less when interrupted, keeping the interrupt); answers the error. */
    public <R> Either<BedrockError, R> answer() {
      if (latencyMs > 0) {
        try {
          Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Either.left(error);
    }
  }

  @Override
  public Either<BedrockError, ArmedFault> arm(FaultRequest request) {
    if (request == null) {
      return Either.left(new BedrockError.ValidationError(new ValidationFact.MissingRequest()));
    }
    List<FieldViolation> violations = violations(request);
    if (!violations.isEmpty()) {
      return Either.left(BedrockError.ValidationError.of(violations));
    }
    ArmedFault fault =
        new ArmedFault(
            request.operation(),
            Shape.valueOf(request.error()),
            request.count() == null
                ? OptionalInt.empty()
                : OptionalInt.of(request.count().intValue()),
            request.probability() == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(request.probability()),
            request.latencyMs() == null ? 0 : request.latencyMs(),
            Optional.ofNullable(request.account()).map(AccountId::of));
    synchronized (this) {
      armed.add(fault);
    }
    return Either.right(fault);
  }

  private static List<FieldViolation> violations(FaultRequest r) {
    java.util.List<FieldViolation> found = new ArrayList<>();
    Optional<Set<Shape>> modelled = modelledFor(r.operation());
    if (modelled.isEmpty()) {
      found.add(
          new FieldViolation(
              "operation",
              r.operation(),
              "Member must be * or one of " + String.join(", ", ModelledErrors.operations())));
    } else if (Arrays.stream(Shape.values())
        .noneMatch(s -> s.name().equals(r.error()) && modelled.get().contains(s))) {
      String listed = List.ofAll(modelled.get()).map(Shape::name).sorted().mkString(", ");
      found.add(
          new FieldViolation(
              "error", r.error(), "Member must be an error Bedrock models for " + r.operation() + ": " + listed));
    }
    if ((r.count() == null) == (r.probability() == null)) {
      found.add(new FieldViolation("count", r.count(), "Exactly one of count and probability must be given"));
    } else if (r.count() != null && (r.count() < 1 || r.count() > MAX_COUNT)) {
      found.add(new FieldViolation("count", r.count(), "Member must be between 1 and " + MAX_COUNT));
    } else if (r.probability() != null && !(r.probability() > 0 && r.probability() <= 1)) {
      found.add(new FieldViolation("probability", r.probability(), "Member must be above 0 and at most 1"));
    }
    if (r.latencyMs() != null && (r.latencyMs() < 0 || r.latencyMs() > MAX_LATENCY_MS)) {
      found.add(new FieldViolation("latencyMs", r.latencyMs(), "Member must be between 0 and " + MAX_LATENCY_MS));
    }
    if (r.account() != null && AccountId.parse(r.account()).isInvalid()) {
      found.add(new FieldViolation("account", r.account(), MemberConstraint.pattern(AccountId.PATTERN)));
    }
    return List.ofAll(found);
  }

  /** The errors a fault on {@code operation} may inject; for {@code *}, those of every operation. */
  private static Optional<Set<Shape>> modelledFor(String operation) {
    if (EVERY_OPERATION.equals(operation)) {
      java.util.EnumSet<Shape> common = java.util.EnumSet.allOf(Shape.class);
      ModelledErrors.operations()
          .forEach(op -> common.retainAll(ModelledErrors.of(op).orElseThrow()));
      return Optional.of(common);
    }
    return operation == null ? Optional.empty() : ModelledErrors.of(operation);
  }

  @Override
  public synchronized java.util.List<ArmedFault> armed(Optional<AccountId> account) {
    return armed.stream()
        .filter(f -> account.isEmpty() || f.account().isEmpty() || f.account().equals(account))
        .toList();
  }

  @Override
  public synchronized int clear(Optional<AccountId> account) {
    if (account.isEmpty()) {
      draws = seed;
    }
    int before = armed.size();
    armed.removeIf(f -> account.isEmpty() || f.account().equals(account));
    return before - armed.size();
  }

  /**
   * Whether a call of {@code operation} by {@code caller} fails, and how: the first armed fault
   * that matches decides, consuming one of its count or drawing once.
   */
  public synchronized Optional<Strike> strike(String operation, AccountId caller) {
    for (int i = 0; i < armed.size(); i++) {
      ArmedFault fault = armed.get(i);
      if (!fault.matches(operation, caller)) {
        continue;
      }
      if (fault.remaining().isPresent()) {
        int left = fault.remaining().getAsInt() - 1;
        if (left == 0) {
          armed.remove(i);
        } else {
          armed.set(i, withRemaining(fault, left));
        }
      } else if (nextDraw() >= fault.probability().orElseThrow()) {
        return Optional.empty();
      }
      return Optional.of(new Strike(injected(fault.error(), operation), fault.latencyMs()));
    }
    return Optional.empty();
  }

  private static ArmedFault withRemaining(ArmedFault f, int left) {
    return new ArmedFault(
        f.operation(), f.error(), OptionalInt.of(left), f.probability(), f.latencyMs(), f.account());
  }

  /** A uniform draw in [0, 1) from SplitMix64 over the seeded state. */
  private double nextDraw() {
    draws += 0x9E3779B97F4A7C15L;
    long z = draws;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  /** The error a fault of {@code shape} answers for {@code operation}. */
  static BedrockError injected(Shape shape, String operation) {
    String message = "Injected fault: " + shape + " armed for " + operation + ".";
    return switch (shape) {
      case ValidationException ->
          new BedrockError.ValidationError(new ValidationFact.InjectedFault(operation));
      case ConflictException -> new BedrockError.Conflict(message);
      case ServiceQuotaExceededException -> new BedrockError.ServiceQuotaExceeded(message);
      case TooManyTagsException -> new BedrockError.TooManyTags(message, Optional.empty());
      case AccessDeniedException -> new BedrockError.AccessDenied(message);
      case ResourceNotFoundException -> new BedrockError.ResourceNotFound(message);
      case ThrottlingException -> new BedrockError.Throttling(message);
      case InternalServerException -> new BedrockError.InternalServerError(message);
    };
  }
}
