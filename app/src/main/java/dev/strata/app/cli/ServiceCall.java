package dev.strata.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.composition.StateFileException;
import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One service command from start to finish: the operation on the Strata the global options
 * describe (with the state file, if any, loaded before and saved after), then its response in the
 * chosen output format, or its error as the AWS CLI reports it.
 *
 * @param <T> what the port answers
 */
final class ServiceCall<T> {
  private final String operation;
  private final Function<Strata, Either<BedrockError, T>> call;
  private final Function<T, ObjectNode> response;
  private final Function<ObjectNode, List<String>> text;

  /**
   * @param operation the operation's name in error messages, e.g. {@code GetProvisionedModelThroughput}
   * @param call the operation on the port
   * @param response the response shape, as the HTTP endpoint renders it
   * @param text the text form of that response, one string per line
   */
  ServiceCall(
      String operation,
      Function<Strata, Either<BedrockError, T>> call,
      Function<T, ObjectNode> response,
      Function<ObjectNode, List<String>> text) {
    this.operation = operation;
    this.call = call;
    this.response = response;
    this.text = text;
  }

  /** A call whose response has no members: nothing is printed in either format (as the AWS CLI). */
  static <T> ServiceCall<T> withEmptyResponse(
      String operation, Function<Strata, Either<BedrockError, T>> call) {
    return new ServiceCall<>(operation, call, answer -> WireShapes.object(), response -> List.of());
  }

  /** Runs the call for the command {@code spec} with {@code global}'s options; the exit code. */
  int run(StrataCli global, CommandSpec spec, Output output) {
    PrintWriter err = spec.commandLine().getErr();
    Either<BedrockError, T> result;
    try {
      result = global.onStrata(call);
    } catch (StateFileException e) {
      err.println(e.getMessage());
      err.flush();
      return StrataCli.USAGE_ERROR;
    }
    if (result.isLeft()) {
      return serviceError(err, result.getLeft());
    }
    output.print(spec.commandLine().getOut(), response.apply(result.get()), text);
    return 0;
  }

  /** Reports {@code error} as the AWS CLI does; the AWS CLI's exit code for it. */
  private int serviceError(PrintWriter err, BedrockError error) {
    err.println(
        "An error occurred ("
            + error.errorCode()
            + ") when calling the "
            + operation
            + " operation: "
            + error.message());
    err.flush();
    return StrataCli.SERVICE_ERROR;
  }
}
