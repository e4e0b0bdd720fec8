package dev.strata.app.server;

/**
 * A request the HTTP layer refuses before it reaches Strata: an unknown operation, a body that is
 * not the JSON the operation's input shape needs, a body too large, a caller that does not
 * authenticate, an account over its throttle, or a server too busy.
 *
 * @param reason why, which fixes the wire status
 * @param errorType the {@code x-amzn-ErrorType} to answer with
 * @param message the {@code message} member of the error body
 */
record WireRefusal(Reason reason, String errorType, String message) implements Refusal {

  /** The refusals of the HTTP layer, each with its own status. */
  enum Reason {
    MALFORMED_BODY,
    UNREADABLE_BODY,
    UNAUTHENTICATED,
    UNKNOWN_OPERATION,
    BODY_TOO_LARGE,
    THROTTLED,
    OVERLOADED
  }

  /** 400 {@code SerializationException}: the body is not JSON, or a member has the wrong type. */
  static WireRefusal serialization(String message) {
    return new WireRefusal(Reason.MALFORMED_BODY, "SerializationException", message);
  }

  /**
   * 400 {@code SerializationException}: {@code subject} (the body, a label, a query parameter) is
   * not UTF-8 (RFC 3629); {@code sequence} is the first ill-formed byte sequence, in hex, and
   * {@code at} where it starts.
   */
  static WireRefusal notUtf8(String subject, String sequence, String at) {
    return serialization(
        subject + " is not valid UTF-8 (RFC 3629): ill-formed byte sequence " + sequence + " at "
            + at + ".");
  }

  /**
   * 400 {@code SerializationException} on a connection that is then closed: the body's framing
   * broke while it was read ({@code reason}, e.g. the JDK server's {@code invalid chunk length}),
   * so where the next request would start is unknown.
   */
  static WireRefusal unreadableBody(String reason) {
    return new WireRefusal(
        Reason.UNREADABLE_BODY,
        "SerializationException",
        "The request body could not be read: its framing is malformed (" + reason + ").");
  }

  /** 403 with {@code errorType}: the caller did not authenticate. */
  static WireRefusal unauthenticated(String errorType, String message) {
    return new WireRefusal(Reason.UNAUTHENTICATED, errorType, message);
  }

  /** 404 {@code UnknownOperationException}: no operation has this method and path. */
  static WireRefusal unknownOperation(String method, String rawPath) {
    return new WireRefusal(
        Reason.UNKNOWN_OPERATION,
        "UnknownOperationException",
        "No operation matches " + method + " " + rawPath + ".");
  }

  /** 413 {@code RequestEntityTooLargeException}: the body exceeds {@code limit} bytes. */
  static WireRefusal tooLarge(int limit) {
    return new WireRefusal(
        Reason.BODY_TOO_LARGE,
        "RequestEntityTooLargeException",
        "The request body exceeds the limit of " + limit + " bytes.");
  }

  /** 429 {@code ThrottlingException}: the caller's account is over its {@link AccountThrottle}. */
  static WireRefusal throttled() {
    return new WireRefusal(Reason.THROTTLED, AccountThrottle.ERROR_TYPE, AccountThrottle.MESSAGE);
  }

  /**
   * 503 {@code ServiceUnavailableException}: every thread is busy and the queue is full. The AWS
   * SDKs retry it with backoff.
   */
  static WireRefusal overloaded() {
    return new WireRefusal(
        Reason.OVERLOADED,
        "ServiceUnavailableException",
        "The service is handling too many requests. Retry the request later.");
  }

  int status() {
    return switch (reason) {
      case MALFORMED_BODY, UNREADABLE_BODY -> 400;
      case UNAUTHENTICATED -> 403;
      case UNKNOWN_OPERATION -> 404;
      case BODY_TOO_LARGE -> 413;
      case THROTTLED -> AccountThrottle.STATUS;
      case OVERLOADED -> 503;
    };
  }

  /** Whether the connection must not be reused: its body was left unread, or the server is busy. */
  boolean closesConnection() {
    return switch (reason) {
      case BODY_TOO_LARGE, OVERLOADED, UNREADABLE_BODY -> true;
      case MALFORMED_BODY, UNAUTHENTICATED, UNKNOWN_OPERATION, THROTTLED -> false;
    };
  }

  @Override
  public Reply reply() {
    return new Reply(
        status(), errorType, WireShapes.object().put("message", message), closesConnection());
  }
}
