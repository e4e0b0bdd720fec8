package dev.strata.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.composition.AdapterSettings;
import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.StrataConfiguration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import dev.strata.spring.sample.OrdersApplication;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The test application run with profile {@code test}, and what the other profiles' files say: the
 * {@code strata.*} properties of the active profile choose the adapters of the Strata bean.
 */
class TestProfileTest {
  private static ConfigurableApplicationContext run(String profile, String... args) {
    return new SpringApplicationBuilder(OrdersApplication.class).profiles(profile).run(args);
  }

  @Test
  void profile_test_gets_an_in_memory_strata_and_buys_a_provisioned_throughput_through_it() {
    try (ConfigurableApplicationContext context = run("test")) {
      ProvisionedModelArn arn =
          context.getBean(OrdersApplication.Capacity.class).reserve("chat", 2).getOrElseThrow(e -> new AssertionError(e.message()));

      Strata strata = context.getBean(Strata.class);
      assertEquals(
          ProvisionedModelStatus.InService,
          strata.getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand(arn.value())).get().status());
      assertEquals(Adapter.INMEMORY, context.getBean(StrataProperties.class).settings().configuration().adapters().store());
      assertEquals(
          "ServiceQuotaExceededException",
          context.getBean(OrdersApplication.Capacity.class).reserve("batch", 3).getLeft().errorCode(),
          "application-test.yml sets L-FE44174A to 4 model units");
      assertEquals(Status.UP, context.getBean(StrataHealthIndicator.class).health().getStatus());
    }
  }

  @Test
  void a_typo_in_strata_store_fails_start_up_with_the_failure_analyzers_message() {
    RecordingFailureAnalysisReporter.drain();

    assertThrows(Exception.class, () -> run("test", "--strata.store=dynamo"));

    List<FailureAnalysis> reported = RecordingFailureAnalysisReporter.drain();
    assertEquals(1, reported.size(), reported::toString);
    assertEquals(
        "Strata could not start: the property strata.store is invalid: store: unknown adapter"
            + " 'dynamo'; expected inmemory or aws (from strata.store)",
        reported.get(0).getDescription());
    assertTrue(reported.get(0).getAction().startsWith("Correct strata.store in"), reported.get(0)::getAction);
  }

  @Test
  void profile_prod_chooses_the_aws_adapter_of_every_port_in_us_west_2() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application-prod.yml", new ClassPathResource("application-prod.yml"))
        .forEach(environment.getPropertySources()::addFirst);

    StrataConfiguration prod =
        Binder.get(environment).bindOrCreate(StrataProperties.PREFIX, StrataProperties.class).settings().configuration();

    AdapterSettings adapters = prod.adapters();
    assertEquals(List.of(Adapter.AWS, Adapter.AWS, Adapter.AWS, Adapter.AWS),
        List.of(adapters.catalog(), adapters.quotas(), adapters.arns(), adapters.store()));
    assertEquals("us-west-2", prod.awsRegion());
    assertEquals("strata-prod", adapters.tableName());
  }
}
