package dev.strata.ports.driving;

import java.util.Map;
import java.util.Objects;

/**
 * What runs: Strata's version and the adapter chosen for each driven port ({@code catalog}, {@code
 * quotas}, {@code arns}, {@code store}), e.g. {@code inmemory}, {@code sqlite}, {@code aws}.
 */
public record Health(String version, Map<String, String> adapters) {
  public Health {
    Objects.requireNonNull(version, "version");
    adapters = Map.copyOf(adapters);
  }
}
