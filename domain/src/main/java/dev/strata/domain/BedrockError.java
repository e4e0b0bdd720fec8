package dev.strata.domain;

import io.vavr.collection.Seq;
import java.util.Optional;

/**
 * Every expected failure in Strata, one case per Bedrock error shape.
 *
 * <p>The mapping is one-to-one: {@link #errorCode()} is the shape name that Bedrock puts in
 * {@code x-amzn-ErrorType}, and {@link #message()} is the text its SDKs show. Ports and the
 * application service return these as the left side of an {@link io.vavr.control.Either}; nothing
 * here is thrown.
 */
public sealed interface BedrockError {

  /** The Bedrock error shape name, e.g. {@code ValidationException}. */
  String errorCode();

  /** The human-readable message, in the form AWS uses for this shape. */
  String message();

  /**
   * Input breaks a modelled constraint or a rule that depends on state (HTTP 400). Shape
   * violations are rendered exactly as AWS does: {@code N validation errors detected: Value 'x' at
   * 'field' failed to satisfy constraint: ...}.
   */
  record ValidationError(String message) implements BedrockError {
    public static ValidationError of(Seq<FieldViolation> violations) {
      return new ValidationError(FieldViolation.render(violations));
    }

    @Override
    public String errorCode() {
      return "ValidationException";
    }
  }

  /** The named resource does not exist for this account and region (HTTP 404). */
  record ResourceNotFound(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "ResourceNotFoundException";
    }
  }

  /** The caller may not perform the operation (HTTP 403). */
  record AccessDenied(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "AccessDeniedException";
    }
  }

  /** The resource's state forbids the operation, e.g. deleting inside a commitment term (HTTP 400). */
  record Conflict(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "ConflictException";
    }
  }

  /** The request would take a model-unit quota past its limit; nothing was reserved (HTTP 400). */
  record ServiceQuotaExceeded(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "ServiceQuotaExceededException";
    }
  }

  /**
   * The resource would carry more than {@link Tags#MAX_PER_RESOURCE} tags (HTTP 400); it is left
   * unchanged. {@code resourceName} is the resource's ARN where one exists.
   */
  record TooManyTags(String message, Optional<String> resourceName) implements BedrockError {
    @Override
    public String errorCode() {
      return "TooManyTagsException";
    }
  }

  /** The caller sent requests faster than allowed (HTTP 429); SDKs retry it. */
  record Throttling(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "ThrottlingException";
    }
  }

  /** A dependency failed or timed out (HTTP 500); SDKs retry it. The request had no effect. */
  record InternalServerError(String message) implements BedrockError {
    @Override
    public String errorCode() {
      return "InternalServerException";
    }
  }
}
