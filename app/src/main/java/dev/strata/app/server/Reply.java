package dev.strata.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;
import java.util.Map;

/**
 * One response before it is written: status, JSON body, and the {@code x-amzn-ErrorType} of an
 * error ({@code null} on success).
 *
 * @param closeConnection whether the connection must not be reused (the body was left unread, or
 *     the server is overloaded)
 */
record Reply(int status, String errorType, ObjectNode body, boolean closeConnection) {

  /** The status of every Bedrock error shape (service-2.json {@code error.httpStatusCode}). */
  static final Map<String, Integer> ERROR_STATUS =
      Map.of(
          "ValidationException", 400,
          "ConflictException", 400,
          "ServiceQuotaExceededException", 400,
          "TooManyTagsException", 400,
          "AccessDeniedException", 403,
          "ResourceNotFoundException", 404,
          "ThrottlingException", 429,
          "InternalServerException", 500);

  static final String INTERNAL_ERROR_MESSAGE =
      "The request could not be processed because of an internal error.";

  static Reply ok(ObjectNode body) {
    return new Reply(200, null, body, false);
  }

  static Reply created(ObjectNode body) {
    return new Reply(201, null, body, false);
  }

  /** A failure of Strata, answered as the Bedrock error shape its {@code errorCode()} names. */
  static Reply error(BedrockError error) {
    ObjectNode body = WireShapes.object().put("message", error.message());
    if (error instanceof BedrockError.TooManyTags) {
      ((BedrockError.TooManyTags) error).resourceName().ifPresent(r -> body.put("resourceName", r));
    }
    int status = ERROR_STATUS.getOrDefault(error.errorCode(), 500);
    return new Reply(status, error.errorCode(), body, false);
  }

  /** A request refused by the HTTP layer. */
  static Reply error(WireFailure failure) {
    return new Reply(
        failure.status(),
        failure.errorType(),
        WireShapes.object().put("message", failure.getMessage()),
        failure.closesConnection());
  }

  /** An unexpected exception: a generic 500 that says nothing about its cause. */
  static Reply internalError() {
    return new Reply(
        500,
        "InternalServerException",
        WireShapes.object().put("message", INTERNAL_ERROR_MESSAGE),
        false);
  }
}
