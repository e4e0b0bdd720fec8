package dev.strata.adapters.sqlite;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ArnMinter;
import io.vavr.control.Either;
import java.sql.SQLException;

/**
 * A seeded minter whose position is kept in a {@link SqliteStateFile}: each mint claims the next
 * position in the file ({@code ids_minted}) and answers the id the seeded minter hands out at that
 * position. So every process on the file mints the ids one long-lived process would have minted
 * (D17), none of them twice, and a restarted process never mints an id it minted before. When the
 * claim fails (the file locked beyond its busy timeout), the next id of this process's own sequence
 * is answered; should it be taken, the store says so and Create mints again.
 */
public final class SqliteArnMinter implements ArnMinter {
  private final SqliteStateFile file;
  private final ArnMinter seeded;

  /** How many ids {@link #seeded} has handed out in this process. */
  private long consumed;

  /**
   * @param seeded a minter that hands out one fixed sequence of ids, starting at its first, which
   *     this minter owns from now on
   */
  public SqliteArnMinter(SqliteStateFile file, ArnMinter seeded) {
    this.file = file;
    this.seeded = seeded;
  }

  @Override
  public Either<BedrockError, ResourceScope> homeScope() {
    return seeded.homeScope();
  }

  @Override
  public synchronized ProvisionedModelArn mint(ResourceScope scope) {
    long position;
    try {
      position = file.claimIdPosition();
    } catch (SQLException e) {
      position = consumed;
    }
    while (consumed < position) {
      seeded.mint(scope);
      consumed++;
    }
    consumed++;
    return seeded.mint(scope);
  }
}
