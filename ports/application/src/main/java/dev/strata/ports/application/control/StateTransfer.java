package dev.strata.ports.application.control;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one {@link StateControl}: exports what the {@link HeldState} holds, and imports a document
 * into it once it is known to fit, so that an import that would clash changes nothing.
 */
public final class StateTransfer implements StateControl {
  /**
   * The highest minter position an import accepts: far more ids than any test mints, and few
   * enough for a seeded minter to draw its way there in well under a second.
   */
  public static final long MAX_IDS_MINTED = 10_000_000L;

  private final HeldState held;

  public StateTransfer(HeldState held) {
    this.held = Objects.requireNonNull(held, "held");
  }

  @Override
  public Either<BedrockError, SavedState> export() {
    return held.read();
  }

  @Override
  public Either<BedrockError, Replaced> replace(SavedState state) {
    return clash(state)
        .<Either<BedrockError, Replaced>>map(
            problem -> Either.left(new BedrockError.ValidationError(new ValidationFact.NotAStateDocument(problem))))
        .orElseGet(() -> held.replace(state));
  }

  /**
   * Why {@code state} cannot be held as it is, naming the JSON paths at fault: a minter position
   * above {@link #MAX_IDS_MINTED}, an ARN twice, or a name or token twice in one scope; empty when
   * it can. {@code strata import} asks it too before adding a document to a state file.
   */
  public static Optional<String> clash(SavedState state) {
    if (state.idsMinted() > MAX_IDS_MINTED) {
      return Optional.of("$.idsMinted " + state.idsMinted() + " is more than " + MAX_IDS_MINTED);
    }
    Map<ProvisionedModelArn, Integer> arns = new HashMap<>();
    Map<Map.Entry<ResourceScope, ProvisionedModelName>, Integer> names = new HashMap<>();
    Map<Map.Entry<ResourceScope, ClientRequestToken>, Integer> tokens = new HashMap<>();
    List<ProvisionedThroughput> pts = state.provisionedThroughputs();
    for (int i = 0; i < pts.size(); i++) {
      ProvisionedThroughput pt = pts.get(i);
      Integer other = arns.putIfAbsent(pt.provisionedModelArn(), i);
      if (other != null) {
        return Optional.of(same(i, "provisionedModelArn", pt.provisionedModelArn(), other));
      }
      other = names.putIfAbsent(Map.entry(pt.scope(), pt.provisionedModelName()), i);
      if (other != null) {
        return Optional.of(same(i, "provisionedModelName", pt.provisionedModelName(), other) + " in " + pt.scope());
      }
      if (pt.clientRequestToken().isPresent()) {
        other = tokens.putIfAbsent(Map.entry(pt.scope(), pt.clientRequestToken().get()), i);
        if (other != null) {
          return Optional.of(
              same(i, "clientRequestToken", pt.clientRequestToken().get(), other) + " in " + pt.scope());
        }
      }
    }
    return Optional.empty();
  }

  private static String same(int index, String member, Object value, int other) {
    return "$.provisionedThroughputs[" + index + "]." + member + " '" + value + "' is also that of"
        + " $.provisionedThroughputs[" + other + "]";
  }
}
