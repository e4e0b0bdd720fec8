package dev.strata.spring;

import dev.strata.domain.BedrockError;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code strata} in Actuator's health: up when the store answers a one-item list of provisioned
 * throughputs, down with the Bedrock error code and message when it does not.
 */
public class StrataHealthIndicator extends AbstractHealthIndicator {
  private final Strata strata;

  public StrataHealthIndicator(Strata strata) {
    super("Strata health check failed");
    this.strata = strata;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Either<BedrockError, ?> answer =
        strata.listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all().withMaxResults(1));
    if (answer.isLeft()) {
      builder.down().withDetail("error", answer.getLeft().errorCode() + ": " + answer.getLeft().message());
    } else {
      builder.up();
    }
  }
}
