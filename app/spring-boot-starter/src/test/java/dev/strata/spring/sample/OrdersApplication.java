package dev.strata.spring.sample;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A Spring Boot service that embeds Strata: the README's example, run by the starter's tests. */
// --- README: Spring Boot ---
@SpringBootApplication
public class OrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);   // e.g. --spring.profiles.active=prod
  }

  @Service
  public static class Capacity {
    private final Strata strata;   // the starter's bean, on the adapters of the active profile

    public Capacity(Strata strata) {
      this.strata = strata;
    }

    public Either<BedrockError, ProvisionedModelArn> reserve(String name, int modelUnits) {
      return strata.createProvisionedModelThroughput(
          CreateProvisionedModelThroughputCommand.builder(name, "amazon.nova-lite-v1:0:24k", modelUnits).build());
    }
  }
}
// --- end ---
