/**
 * In-memory adapters: thread-safe, deterministic implementations of every driven port, a seeded
 * catalog of real Bedrock models that support provisioned throughput. {@code InMemoryStrata}
 * (artifact strata-embedded) wires them into a whole Strata in one line.
 *
 * <p>Depends on the ports and the domain only.
 */
package dev.strata.adapters.inmemory;
