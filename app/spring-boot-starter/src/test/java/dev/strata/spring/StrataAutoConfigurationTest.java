package dev.strata.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.composition.WiredStrata;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's conditions: back-off, the health indicator, the properties' metadata. */
class StrataAutoConfigurationTest {
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(StrataAutoConfiguration.class)
  static class Starter {}

  /** A context of {@link Starter} and {@code configurations}, its classes loaded by {@code loader}. */
  private static AnnotationConfigApplicationContext context(ClassLoader loader, Class<?>... configurations) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.setClassLoader(loader);
    context.register(Starter.class);
    for (Class<?> configuration : configurations) {
      context.register(configuration);
    }
    context.refresh();
    return context;
  }

  private static AnnotationConfigApplicationContext context(Class<?>... configurations) {
    return context(StrataAutoConfigurationTest.class.getClassLoader(), configurations);
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnStrata {
    static final Strata STRATA = InMemoryStrata.create();

    @Bean
    Strata strata() {
      return STRATA;
    }
  }

  @Test
  void it_backs_off_when_the_application_defines_its_own_strata() {
    try (AnnotationConfigApplicationContext context = context(OwnStrata.class)) {
      assertSame(OwnStrata.STRATA, context.getBean(Strata.class));
      assertFalse(context.containsBean("wiredStrata"));
    }
  }

  @Test
  void without_properties_it_exposes_an_in_memory_strata_and_a_health_indicator() {
    try (AnnotationConfigApplicationContext context = context()) {
      assertTrue(context.getBean(Strata.class).scope().isRight());
      assertEquals(1, context.getBeansOfType(WiredStrata.class).size());
      assertEquals(1, context.getBeansOfType(HealthIndicator.class).size());
    }
  }

  @Test
  void without_actuator_there_is_no_health_indicator() {
    try (AnnotationConfigApplicationContext context =
        context(new FilteredClassLoader("org.springframework.boot.actuate"))) {
      assertEquals(1, context.getBeansOfType(Strata.class).size());
      assertFalse(context.containsBean("strataHealthIndicator"));
    }
  }

  @Test
  void the_properties_metadata_describes_strata_store_and_its_values_for_ides() throws IOException {
    String generated = resource("META-INF/spring-configuration-metadata.json");
    String hints = resource("META-INF/additional-spring-configuration-metadata.json");

    assertTrue(generated.contains("\"name\": \"strata.store\""), generated);
    assertTrue(generated.contains("Where provisioned throughputs and quota usage live"), generated);
    assertTrue(generated.contains("\"name\": \"strata.aws.region\""), generated);
    assertTrue(hints.contains("{ \"name\": \"strata.store\", \"values\": [ { \"value\": \"inmemory\" }, { \"value\": \"aws\" } ] }"), hints);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StrataAutoConfigurationTest.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, name + " is on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
