/**
 * Strata's pure core: Bedrock provisioned-throughput value objects, the {@link
 * dev.strata.domain.ProvisionedThroughput} aggregate and the rules of commitment, tags, quota and
 * naming, as functions.
 *
 * <p>Depends on {@code java..}, {@code io.vavr..} and the Immutables annotations only. No I/O, no
 * clock reads, no randomness. Expected outcomes are values ({@link io.vavr.control.Either},
 * {@link io.vavr.control.Validation}) whose failures are {@link dev.strata.domain.BedrockError}s;
 * an {@link dev.strata.domain.InvariantViolation} is always a bug.
 */
@StrataStyle
package dev.strata.domain;
