package dev.strata.app.cli;

import dev.strata.app.wiring.StateDocuments;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code strata export --to FILE --state PATH}: everything the state file holds, as a new JSON state
 * document (the format {@code import} reads). Prints one line saying what it exported.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the --state file to a new JSON state document.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand private StrataCli global;

  @Spec private CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "The JSON file to write; must not exist.")
  private Path to;

  @Override
  public Integer call() {
    return global.onStateFile(spec, "export", state -> StateDocuments.exportDocument(state, to));
  }
}
