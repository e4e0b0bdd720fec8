package dev.strata.adapters.sqlite;

/**
 * Why a state file could not be opened; {@link #message()} is one line naming the file.
 *
 * @param kind whether the file's content or its path is at fault
 * @param message what went wrong, naming the file
 */
public record OpenFailure(Kind kind, String message) {
  /** What is at fault. */
  public enum Kind {
    /** The file is not a Strata state database: not SQLite, corrupt, or an unknown schema version. */
    NOT_A_STATE_FILE,
    /** The path cannot hold the database: a directory, no permission, the disk full. */
    UNUSABLE_PATH
  }
}
