package dev.strata.app.cli;

import dev.strata.composition.StateFileException;
import dev.strata.composition.WiringException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command that cannot run says so on stderr, in a few lines that fit on a screen and never
 * with a stack trace:
 *
 * <ul>
 *   <li>a usage error: its message and {@code Try 'strata serve --help' for more information.},
 *       exit {@link StrataCli#USAGE_ERROR};
 *   <li>a file named on the command line, in a variable or in the configuration file that cannot
 *       be read or written: its one-line message, exit {@link StrataCli#USAGE_ERROR};
 *   <li>a state file that is not one (not SQLite, corrupt, an unknown schema version, the old
 *       JSON format): its one-line message naming the file, exit {@link StrataCli#USAGE_ERROR};
 *   <li>adapters that cannot start, an address that cannot be listened on, or a state file's
 *       path that cannot hold it: its one-line message, exit {@link StrataCli#ADAPTERS_FAILED}.
 * </ul>
 */
final class ErrorReports implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(e, err) && !aboutAFile(e)) {
      err.println("Try '" + invoked(command) + " --help' for more information.");
    }
    err.flush();
    return StrataCli.USAGE_ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (!(e instanceof WiringException)
        && !(e instanceof StartFailure)
        && !(e instanceof StateFileException)) {
      throw e;
    }
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    err.flush();
    return e instanceof StateFileException ? StrataCli.USAGE_ERROR : StrataCli.ADAPTERS_FAILED;
  }

  /** The command the user ran: the innermost subcommand parsed, e.g. {@code strata get}. */
  private static String invoked(CommandLine command) {
    ParseResult parsed = command.getParseResult();
    while (parsed != null && parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return (parsed == null ? command.getCommandSpec() : parsed.commandSpec()).qualifiedName();
  }

  /** Whether {@code e} is a file that could not be read or written: --help would not help. */
  private static boolean aboutAFile(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
