package dev.strata.app.cli;

/**
 * The command could not start for a reason outside its command line, e.g. the address to listen on
 * is taken. The message is one line that names the cause and the fix; the command ends with
 * {@link StrataCli#ADAPTERS_FAILED}, as the AWS CLI ends on any failure that is not the service's.
 */
final class StartFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StartFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
