/**
 * The hexagon's edge.
 *
 * <ul>
 *   <li>{@code driving}: what callers invoke, one interface per Bedrock operation, a command in and
 *       {@code Either<BedrockError, result>} out;
 *   <li>{@code driven}: what the core needs from the world (model catalog, model-unit quotas, ARN
 *       minting, storage), each satisfied by an in-memory and an AWS adapter;
 *   <li>{@code validation}: the Jakarta constraints of the commands, built on the domain's
 *       constants, and their translation into AWS validation messages;
 *   <li>{@code application}: the service that implements the driving ports on the driven ones.
 * </ul>
 *
 * <p>Depends on the domain, vavr and {@code jakarta.validation} only.
 */
package dev.strata.ports;
