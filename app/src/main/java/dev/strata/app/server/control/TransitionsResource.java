package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /_strata/transitions}: finishes the pending {@code Creating} or {@code Updating}
 * transition of a provisioned throughput of the caller's account, as {@link
 * dev.strata.ports.driving.StatusTransitions} does: {@code {"provisionedModelId":"name-or-arn",
 * "outcome":"InService"}}, or {@code "outcome":"Failed"} with a {@code failureMessage}. Answers the
 * provisioned throughput as GetProvisionedModelThroughput shows it; nothing pending is a 400
 * {@code ValidationException}, an unknown one a 404.
 */
final class TransitionsResource implements ControlResource {
  private static final String IN_SERVICE = "InService";
  private static final String FAILED = "Failed";

  @Override
  public String path() {
    return "transitions";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        new ControlOperation(
            "POST",
            "StrataFinishTransition",
            Set.of("provisionedModelId", "outcome", "failureMessage"),
            Reach.Rule.callersAccount(),
            this::finish));
  }

  private Either<BedrockError, ObjectNode> finish(ControlRequest request) {
    return request
        .requiredString("provisionedModelId")
        .flatMap(
            id ->
                request
                    .requiredString("outcome")
                    .flatMap(
                        outcome ->
                            request
                                .string("failureMessage")
                                .flatMap(message -> finish(request.exchange().acting(), id, outcome, message))))
        .map(WireShapes::provisionedModelDetails);
  }

  private static Either<BedrockError, ProvisionedThroughput> finish(
      Strata acting, String id, String outcome, Optional<String> failureMessage) {
    if (outcome.equals(IN_SERVICE)) {
      return failureMessage.isPresent()
          ? Either.left(
              ControlRequest.invalid(
                  "failureMessage", failureMessage.get(), "Member must be absent unless outcome is Failed"))
          : acting.completeTransition(id);
    }
    if (outcome.equals(FAILED)) {
      return failureMessage.isPresent()
          ? acting.failTransition(id, failureMessage.get())
          : Either.left(ControlRequest.invalid("failureMessage", null, "Member must not be null when outcome is Failed"));
    }
    return Either.left(
        ControlRequest.invalid("outcome", outcome, "Member must satisfy enum value set: [InService, Failed]"));
  }
}
