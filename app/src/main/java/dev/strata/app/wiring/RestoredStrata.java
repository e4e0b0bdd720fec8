package dev.strata.app.wiring;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.Strata;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A Strata started from a {@link SavedState}, and the state it holds now. */
public final class RestoredStrata {
  /** Oldest first; the ARN breaks ties, so that the same state always saves the same way. */
  private static final Comparator<ProvisionedThroughput> ORDER =
      Comparator.comparing(ProvisionedThroughput::creationTime)
          .thenComparing(pt -> pt.provisionedModelArn().value());

  private final InMemoryStrata inMemory;
  private final SavedState restored;
  private final Set<ProvisionedModelArn> restoredArns;

  RestoredStrata(InMemoryStrata inMemory, SavedState restored) {
    this.inMemory = inMemory;
    this.restored = restored;
    this.restoredArns =
        restored.provisionedThroughputs().stream()
            .map(ProvisionedThroughput::provisionedModelArn)
            .collect(Collectors.toUnmodifiableSet());
  }

  public Strata strata() {
    return inMemory.service();
  }

  /**
   * Everything held now. Each provisioned throughput that was not restored took one minted id; a
   * Create that minted an id and then failed (a name or token race, which one CLI invocation cannot
   * have) is not counted.
   */
  public SavedState snapshot() {
    List<ProvisionedThroughput> now = inMemory.snapshot().sorted(ORDER).toJavaList();
    long minted = now.stream().filter(pt -> !restoredArns.contains(pt.provisionedModelArn())).count();
    return new SavedState(restored.idsMinted() + minted, now);
  }
}
