package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ArnMinter;
import io.vavr.control.Either;
import java.util.SplittableRandom;

/**
 * Mints ARNs from a seeded generator: the same seed yields the same ids in the same order, so tests
 * and recorded sessions are reproducible (D17). Not for production, where ids must be
 * unpredictable.
 */
public final class InMemoryArnMinter implements ArnMinter {
  private final FaultInjection faults = new FaultInjection();

  /** Injects failures into every call of this adapter; see {@link FaultInjection}. */
  public FaultInjection faults() {
    return faults;
  }

  private static final int ID_LENGTH = 12;
  private final ResourceScope home;
  private final SplittableRandom random;

  public InMemoryArnMinter(ResourceScope home, long seed) {
    this.home = home;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public Either<BedrockError, ResourceScope> homeScope() {
    return faults.guard(
        () -> {
          return Either.right(home);
        });
  }

  @Override
  public ProvisionedModelArn mint(ResourceScope scope) {
    char[] id = new char[ID_LENGTH];
    synchronized (random) {
      for (int i = 0; i < ID_LENGTH; i++) {
        id[i] = ProvisionedModelId.ALPHABET.charAt(random.nextInt(ProvisionedModelId.ALPHABET.length()));
      }
    }
    return scope.provisionedModelArn(ProvisionedModelId.of(new String(id)));
  }
}
