package dev.strata.ports.driving;

/**
 * A fault to arm, its members as they arrived (any may be null); {@link FaultControl#arm} checks them.
 *
 * @param operation a Bedrock operation name, or {@code *} for every operation
 * @param error the error shape to answer with, e.g. {@code ThrottlingException}
 * @param count how many matching calls fail, in arrival order, 1 to 1000000000; exclusive with
 *     {@code probability}
 * @param probability the chance, above 0 and at most 1, that each matching call fails
 * @param latencyMs how long a faulted call waits before it answers, 0 to 60000
 * @param account the only account whose calls fail; every account when null
 */
public record FaultRequest(
    String operation,
    String error,
    Long count,
    Double probability,
    Long latencyMs,
    String account) {}
