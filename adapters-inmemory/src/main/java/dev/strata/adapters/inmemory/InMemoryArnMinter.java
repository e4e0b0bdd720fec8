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

  /** How many ids {@link #random} has drawn; guarded by it. */
  private long minted;

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
    String id;
    synchronized (random) {
      id = draw();
    }
    return scope.provisionedModelArn(ProvisionedModelId.of(id));
  }

  /** How many ids this minter has handed out or skipped: its position in the seed's sequence. */
  public long idsMinted() {
    synchronized (random) {
      return minted;
    }
  }

  /**
   * Moves on to position {@code count} of the seed's sequence if it is not there yet, so the next
   * id is the one a minter of the same seed mints after {@code count} ids; never moves back.
   */
  public void mintedAtLeast(long count) {
    synchronized (random) {
      while (minted < count) {
        draw();
      }
    }
  }

  private String draw() {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < ID_LENGTH; i++) {
      id[i] = ProvisionedModelId.ALPHABET.charAt(random.nextInt(ProvisionedModelId.ALPHABET.length()));
    }
    minted++;
    return new String(id);
  }
}
