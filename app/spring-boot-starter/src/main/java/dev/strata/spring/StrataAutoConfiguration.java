package dev.strata.spring;

import dev.strata.composition.WiredStrata;
import dev.strata.ports.driving.Strata;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link Strata} bean with the adapters the {@code strata.*} properties choose, opened at start-up
 * (a bad property fails it, and {@link StrataPropertiesFailureAnalyzer} names the property) and
 * closed with the context. Backs off when the application defines its own {@link Strata}; with
 * Actuator, adds the {@code strata} health indicator.
 */
@AutoConfiguration
@EnableConfigurationProperties(StrataProperties.class)
public class StrataAutoConfiguration {
  /** The wired Strata and the resources (AWS clients, the state file) it holds. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean({Strata.class, WiredStrata.class})
  public WiredStrata wiredStrata(StrataProperties properties) {
    return properties.settings().open();
  }

  @Bean
  @ConditionalOnMissingBean(Strata.class)
  @ConditionalOnBean(WiredStrata.class)
  public Strata strata(WiredStrata wired) {
    return wired.strata();
  }

  /** The health indicator, where Actuator is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class StrataHealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "strataHealthIndicator")
    StrataHealthIndicator strataHealthIndicator(Strata strata) {
      return new StrataHealthIndicator(strata);
    }
  }
}
