package dev.strata.spring;

import dev.strata.composition.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a bad {@code strata.*} property: the report names the property, what is
 * wrong with its value (in the words the CLI uses for the same key) and what to do.
 */
public class StrataPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    String property = StrataProperties.PREFIX + "." + cause.key();
    return new FailureAnalysis(
        "Strata could not start: the property " + property + " is invalid: " + cause.getMessage(),
        "Correct " + property + " in the application's properties or in the profile's"
            + " application-<profile>.yml (strata.store: inmemory or aws, and so on).",
        cause);
  }
}
