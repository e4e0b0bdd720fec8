package dev.strata.ports.driving;

import dev.strata.domain.ProvisionedThroughput;
import java.util.List;

/**
 * What a Strata holds between two processes: its provisioned throughputs, every attribute, and how
 * many provisioned model ids its ARN minter has handed out, so that a Strata it is imported into
 * mints the ids the same seed would have minted next in one long-running process (D17). The
 * content of a JSON state document, which {@code export} writes and {@code import} reads, and of
 * {@link StateControl}.
 *
 * @param idsMinted how many ids the seeded minter has minted so far
 * @param provisionedThroughputs the provisioned throughputs of every scope, oldest first
 */
public record SavedState(long idsMinted, List<ProvisionedThroughput> provisionedThroughputs) {
  private static final SavedState EMPTY = new SavedState(0, List.of());

  public SavedState {
    if (idsMinted < 0) {
      throw new IllegalArgumentException("idsMinted is at least 0: " + idsMinted);
    }
    provisionedThroughputs = List.copyOf(provisionedThroughputs);
  }

  /** A Strata that has never held anything. */
  public static SavedState empty() {
    return EMPTY;
  }
}
