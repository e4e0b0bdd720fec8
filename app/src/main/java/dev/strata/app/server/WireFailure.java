package dev.strata.app.server;

/**
 * A request the HTTP layer refuses before it reaches Strata: an unknown operation, a body that is
 * not the JSON the operation's input shape needs, a body too large, or a server too busy. Carries
 * the wire status and the {@code x-amzn-ErrorType} to answer with.
 */
final class WireFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorType;
  private final boolean closesConnection;

  WireFailure(int status, String errorType, String message) {
    this(status, errorType, message, status == 413 || status == 503);
  }

  private WireFailure(int status, String errorType, String message, boolean closesConnection) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
    this.closesConnection = closesConnection;
  }

  /** 400 {@code SerializationException}: the body is not JSON, or a member has the wrong type. */
  static WireFailure serialization(String message) {
    return new WireFailure(400, "SerializationException", message);
  }

  /**
   * 400 {@code SerializationException}: {@code subject} (the body, a label, a query parameter) is
   * not UTF-8 (RFC 3629); {@code sequence} is the first ill-formed byte sequence, in hex, and
   * {@code at} where it starts.
   */
  static WireFailure notUtf8(String subject, String sequence, String at) {
    return serialization(
        subject + " is not valid UTF-8 (RFC 3629): ill-formed byte sequence " + sequence + " at "
            + at + ".");
  }

  /**
   * 400 {@code SerializationException} on a connection that is then closed: the body's framing
   * broke while it was read ({@code reason}, e.g. the JDK server's {@code invalid chunk length}),
   * so where the next request would start is unknown.
   */
  static WireFailure unreadableBody(String reason) {
    return new WireFailure(
        400,
        "SerializationException",
        "The request body could not be read: its framing is malformed (" + reason + ").",
        true);
  }

  /** 404 {@code UnknownOperationException}: no operation has this method and path. */
  static WireFailure unknownOperation(String method, String rawPath) {
    return new WireFailure(
        404, "UnknownOperationException", "No operation matches " + method + " " + rawPath + ".");
  }

  /** 413 {@code RequestEntityTooLargeException}: the body exceeds {@code limit} bytes. */
  static WireFailure tooLarge(int limit) {
    return new WireFailure(
        413,
        "RequestEntityTooLargeException",
        "The request body exceeds the limit of " + limit + " bytes.");
  }

  /** 429 {@code ThrottlingException}: the caller's account is over its {@link AccountThrottle}. */
  static WireFailure throttled() {
    return new WireFailure(AccountThrottle.STATUS, AccountThrottle.ERROR_TYPE, AccountThrottle.MESSAGE);
  }

  /**
   * 503 {@code ServiceUnavailableException}: every thread is busy and the queue is full. The AWS
   * SDKs retry it with backoff.
   */
  static WireFailure overloaded() {
    return new WireFailure(
        503,
        "ServiceUnavailableException",
        "The service is handling too many requests. Retry the request later.");
  }

  int status() {
    return status;
  }

  String errorType() {
    return errorType;
  }

  /** Whether the connection must be closed after the answer: the body was not read to its end. */
  boolean closesConnection() {
    return closesConnection;
  }
}
