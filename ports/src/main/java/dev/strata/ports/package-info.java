/**
 * The hexagon's edge.
 *
 * <ul>
 *   <li>{@code driving}: what callers invoke, one interface per Bedrock operation, a command in and
 *       {@code Either<BedrockError, result>} out;
 *   <li>{@code driven}: what the core needs from the world (model catalog, model-unit limits, ARN
 *       minting, the store with its model-unit ledgers), each satisfied by an in-memory and an AWS
 *       adapter;
 *   <li>{@code validation}: the Jakarta constraints of the commands, built on the domain's
 *       constants, and their translation into AWS validation messages;
 *   <li>{@code edge}: what the HTTP edge, never the core, needs: SigV4 from an adapter, and the
 *       strict UTF-8 and the one percent-decoding of URI labels and query components that the
 *       server and the SigV4 adapter share;
 *   <li>{@code application} (module ports/application): the use cases that implement the driving
 *       ports on the driven ones.
 * </ul>
 *
 * <p>Depends on the domain, vavr and {@code jakarta.validation} only.
 */
package dev.strata.ports;
