package dev.strata.app.server;

import java.time.Instant;
import java.util.Objects;

/**
 * One mutating call, as a CloudTrail-like trace records it.
 *
 * @param time when the server answered
 * @param requestId the {@code x-amzn-RequestId} the caller received
 * @param operation the Bedrock operation, e.g. {@code CreateProvisionedModelThroughput}
 * @param account the account it acted for; {@code null} when the caller was not authenticated
 * @param region the region it acted in; {@code null} when the caller was not authenticated
 * @param principal the access key id or API key name it was made with; {@code null} when none
 * @param sourceAddress the client's IP address
 * @param target what it named: the provisioned model's name or identifier, or a resource ARN;
 *     {@code null} when the request named nothing readable
 * @param resourceArn the provisioned model ARN a successful Create made; {@code null} otherwise
 * @param status the HTTP status answered
 * @param outcome {@code Success}, or the error type answered (e.g. {@code ValidationException})
 */
public record AuditEvent(
    Instant time,
    String requestId,
    String operation,
    String account,
    String region,
    String principal,
    String sourceAddress,
    String target,
    String resourceArn,
    int status,
    String outcome) {

  public static final String SUCCESS = "Success";

  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
  }
}
