package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import io.vavr.CheckedFunction0;
import io.vavr.control.Either;
import io.vavr.control.Try;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Where SDK exceptions stop: runs a call to an AWS dependency and turns whatever it throws into a
 * port failure naming that dependency. By the time an exception reaches here the SDK's retry
 * strategy has already retried throttling, 5xx and timeouts.
 *
 * <ul>
 *   <li>throttling (429 or a throttling error code) becomes {@link BedrockError.Throttling};
 *   <li>403 or an {@code AccessDenied...} code becomes {@link BedrockError.AccessDenied};
 *   <li>timeouts, 5xx, any other error, and answers Strata cannot read become {@link
 *       BedrockError.InternalServerError}.
 * </ul>
 *
 * <p>"Not found" is not a failure of a lookup: callers catch their service's not-found exception
 * inside the call and answer none.
 */
final class AwsFailures {
  private AwsFailures() {}

  /**
   * {@code call}'s result, or the failure it threw; {@code dependency} names it, e.g. {@code
   * Bedrock GetFoundationModel}.
   */
  static <T> Either<BedrockError, T> call(String dependency, CheckedFunction0<T> call) {
    return Try.of(call).toEither().mapLeft(e -> failure(dependency, e));
  }

  /** The port failure for {@code e}, thrown by a call to {@code dependency}. */
  static BedrockError failure(String dependency, Throwable e) {
    if (e instanceof AwsServiceException service) {
      String detail = detail(service);
      if (service.isThrottlingException() || service.statusCode() == 429) {
        return new BedrockError.Throttling(dependency + " is throttling requests: " + detail);
      }
      if (service.statusCode() == 403 || detail.startsWith("AccessDenied")) {
        return new BedrockError.AccessDenied(dependency + " denied access: " + detail);
      }
      return new BedrockError.InternalServerError(dependency + " failed: " + detail);
    }
    if (timedOut(e)) {
      return new BedrockError.InternalServerError(dependency + " did not answer in time");
    }
    return new BedrockError.InternalServerError(
        dependency + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String detail(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message =
        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return (code == null ? "" : code + ": ") + message + " (HTTP " + e.statusCode() + ")";
  }
}
