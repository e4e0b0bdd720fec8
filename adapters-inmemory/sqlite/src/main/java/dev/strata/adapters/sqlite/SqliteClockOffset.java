package dev.strata.adapters.sqlite;

import dev.strata.domain.BedrockError;
import dev.strata.ports.driven.ClockOffset;
import io.vavr.control.Either;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * The service clock's offset (D20) in the state file ({@code meta.clock_offset_ms}), so that every
 * process on the file reads the same service time and a restart keeps it. Millisecond precision.
 */
public final class SqliteClockOffset implements ClockOffset {
  private static final String KEY = "clock_offset_ms";

  private final SqliteStateFile file;

  public SqliteClockOffset(SqliteStateFile file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public Either<BedrockError, Duration> read() {
    return attempt(() -> file.read(c -> SqliteStateFile.meta(c, KEY)));
  }

  @Override
  public Either<BedrockError, Duration> raise(Duration offset) {
    return attempt(
        () ->
            file.write(
                c -> {
                  long raised = Math.max(SqliteStateFile.meta(c, KEY), offset.toMillis());
                  SqliteStateFile.setMeta(c, KEY, raised);
                  return raised;
                }));
  }

  @Override
  public Either<BedrockError, Duration> clear() {
    return attempt(
        () ->
            file.write(
                c -> {
                  SqliteStateFile.setMeta(c, KEY, 0);
                  return 0L;
                }));
  }

  /** The offset in milliseconds {@code work} answers, or the file's failure. */
  private Either<BedrockError, Duration> attempt(Millis work) {
    try {
      return Either.right(Duration.ofMillis(work.get()));
    } catch (SQLException e) {
      return Either.left(
          new BedrockError.InternalServerError(
              "The state file " + file.file() + " failed: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")));
    }
  }

  @FunctionalInterface
  private interface Millis {
    long get() throws SQLException;
  }
}
