package dev.strata.ports.application.control;

import dev.strata.ports.driving.CustomModelControl;
import dev.strata.ports.driving.QuotaControl;

/**
 * What a test may change in a running Strata besides its Bedrock operations: faults, quota limits
 * and custom models. One set per Strata, shared by every scope's view of it.
 */
public record Controls(Faults faults, QuotaControl quotas, CustomModelControl customModels) {}
