package dev.strata.composition;

/** A state file that cannot be read, understood, restored or written; the message names the file. */
public final class StateFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
