package dev.strata.spring;

import dev.strata.composition.Wiring;
import dev.strata.composition.WiringException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped because the adapters the {@code strata.*} properties choose could not start:
 * the DynamoDB table could not be described or created, or an {@code aws} adapter was chosen
 * without the AWS adapters on the class path. The report says which, as the CLI's exit-255 line does.
 */
public class StrataWiringFailureAnalyzer extends AbstractFailureAnalyzer<WiringException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WiringException cause) {
    return new FailureAnalysis(
        "Strata could not start its adapters: " + cause.getMessage(),
        "Check that the AWS services the strata.* properties name (strata.endpoint.*, strata.aws.region,"
            + " strata.table) are reachable with the application's credentials, or choose inmemory"
            + " adapters for this profile; an aws adapter needs the dependency "
            + Wiring.AWS_ARTIFACT
            + ".",
        cause);
  }
}
