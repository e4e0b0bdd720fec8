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
 * {@code strata import --from FILE --state PATH}: the provisioned throughputs and the minter's
 * position of a JSON state document (written by {@code export}, or by Strata before its state file
 * was SQLite) added to the state file. Prints one line saying what it imported.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import a JSON state document (from export, or an earlier Strata) into the --state file.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand private StrataCli global;

  @Spec private CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The JSON state document.")
  private Path from;

  @Override
  public Integer call() {
    return global.onStateFile(spec, "import", state -> StateDocuments.importDocument(from, state));
  }
}
