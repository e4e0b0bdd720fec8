package dev.strata.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.BedrockError;

/**
 * One response before it is written: status, JSON body, and the {@code x-amzn-ErrorType} of an
 * error ({@code null} on success).
 *
 * @param closeConnection whether the connection must not be reused (the body was left unread, or
 *     the server is overloaded)
 */
record Reply(int status, String errorType, ObjectNode body, boolean closeConnection) {

  /** The status of each Bedrock error shape (service-2.json {@code error.httpStatusCode}). */
  static int status(BedrockError.Shape shape) {
    return switch (shape) {
      case ValidationException,
          ConflictException,
          ServiceQuotaExceededException,
          TooManyTagsException -> 400;
      case AccessDeniedException -> 403;
      case ResourceNotFoundException -> 404;
      case ThrottlingException -> 429;
      case InternalServerException -> 500;
    };
  }

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
    if (error instanceof BedrockError.TooManyTags tooMany) {
      tooMany.resourceName().ifPresent(r -> body.put("resourceName", r));
    }
    return new Reply(status(error.shape()), error.errorCode(), body, false);
  }
}
