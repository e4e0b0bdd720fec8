package dev.strata.ports.driving;

/**
 * A custom model to register, its members as they arrived (any may be null); {@link
 * CustomModelControl#register} checks them.
 *
 * @param modelName shape {@code CustomModelName}, unique in the account and region
 * @param baseModelIdentifier the id of a foundation model of the catalog
 * @param status {@code Active} (the default), {@code Creating} or {@code Failed}
 * @param account the owning account; the caller's when null
 * @param region the region; the caller's when null
 */
public record CustomModelRequest(
    String modelName, String baseModelIdentifier, String status, String account, String region) {}
