package dev.strata.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that runs one Bedrock operation: the global options, {@code --output}, the run. */
abstract class ServiceCommand implements Callable<Integer> {
  @ParentCommand private StrataCli global;

  @Spec private CommandSpec spec;

  @Mixin private Output.Option output;

  /** The operation with this command's options. */
  abstract ServiceCall<?> serviceCall();

  @Override
  public final Integer call() {
    return serviceCall().run(global, spec, output.output);
  }
}
