package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;
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

  /** The Bedrock error shape of this case; one case per shape. */
  Shape shape();

  /** The Bedrock error shape name, e.g. {@code ValidationException}. */
  default String errorCode() {
    return shape().name();
  }

  /** The human-readable message, in the form AWS uses for this shape. */
  String message();

  /**
   * Input breaks a modelled constraint or a rule that depends on state (HTTP 400). Shape
   * violations are rendered exactly as AWS does: {@code N validation errors detected: Value 'x' at
   * 'field' failed to satisfy constraint: ...}.
   */
  record ValidationError(ValidationFact fact) implements BedrockError {
    public ValidationError {
      Objects.requireNonNull(fact, "fact");
    }

    /** The refusal of members that break constraints of the input shape (never empty). */
    public static ValidationError of(Seq<FieldViolation> violations) {
      return new ValidationError(new ValidationFact.InvalidMembers(violations));
    }

    /** The members that break a constraint of the input shape; empty for a rule's refusal. */
    public Seq<FieldViolation> violations() {
      return fact instanceof ValidationFact.InvalidMembers invalid
          ? invalid.violations()
          : List.empty();
    }

    @Override
    public String message() {
      return fact.render();
    }

    @Override
    public Shape shape() {
      return Shape.ValidationException;
    }
  }

  /** The named resource does not exist for this account and region (HTTP 404). */
  record ResourceNotFound(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.ResourceNotFoundException;
    }
  }

  /** The caller may not perform the operation (HTTP 403). */
  record AccessDenied(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.AccessDeniedException;
    }
  }

  /** The resource's state forbids the operation, e.g. deleting inside a commitment term (HTTP 400). */
  record Conflict(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.ConflictException;
    }
  }

  /** The request would take a model-unit quota past its limit; nothing was reserved (HTTP 400). */
  record ServiceQuotaExceeded(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.ServiceQuotaExceededException;
    }
  }

  /**
   * The resource would carry more than {@link Tags#MAX_PER_RESOURCE} tags (HTTP 400); it is left
   * unchanged. {@code resourceName} is the resource's ARN where one exists.
   */
  record TooManyTags(String message, Optional<String> resourceName) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.TooManyTagsException;
    }
  }

  /** The caller sent requests faster than allowed (HTTP 429); SDKs retry it. */
  record Throttling(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.ThrottlingException;
    }
  }

  /** A dependency failed or timed out (HTTP 500); SDKs retry it. The request had no effect. */
  record InternalServerError(String message) implements BedrockError {
    @Override
    public Shape shape() {
      return Shape.InternalServerException;
    }
  }

  /** The error shapes of Bedrock's service model that Strata answers with, named as on the wire. */
  enum Shape {
    ValidationException,
    ConflictException,
    ServiceQuotaExceededException,
    TooManyTagsException,
    AccessDeniedException,
    ResourceNotFoundException,
    ThrottlingException,
    InternalServerException
  }
}
