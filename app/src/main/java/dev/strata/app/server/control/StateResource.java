package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.wiring.StateFile;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import java.util.List;
import java.util.Set;

/**
 * {@code /_strata/state}: the whole state as the JSON document {@code strata export --to} writes
 * ({@link StateFile}). {@code GET} answers it; {@code POST} with such a document replaces
 * everything held by it, all or nothing (a document that is malformed or clashes is a 400 naming
 * the member or record, and changes nothing), and answers {@code {"removed":N,"imported":M,
 * "idsMinted":K}}. Both reach every account: an admin only.
 */
final class StateResource implements ControlResource {
  private final StateControl state;

  StateResource(StateControl state) {
    this.state = state;
  }

  @Override
  public String path() {
    return "state";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        ControlOperation.get(
            "StrataExportState", Reach.Rule.everything(), request -> state.export().map(StateFile::toJson)),
        new ControlOperation(
            "POST",
            "StrataImportState",
            Set.of("version", "idsMinted", "provisionedThroughputs"),
            Reach.Rule.everything(),
            this::replace));
  }

  private Either<BedrockError, ObjectNode> replace(ControlRequest request) {
    return StateFile.fromJson(request.body())
        .<BedrockError>mapLeft(
            problem -> new BedrockError.ValidationError(new ValidationFact.NotAStateDocument(problem)))
        .flatMap(state::replace)
        .map(
            replaced ->
                JsonNodeFactory.instance
                    .objectNode()
                    .put("removed", replaced.removed())
                    .put("imported", replaced.imported())
                    .put("idsMinted", replaced.idsMinted()));
  }
}
