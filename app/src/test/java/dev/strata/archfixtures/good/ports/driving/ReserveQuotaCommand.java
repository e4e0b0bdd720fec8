package dev.strata.archfixtures.good.ports.driving;

import jakarta.validation.constraints.NotNull;

public record ReserveQuotaCommand(@NotNull String model, long units) {}
