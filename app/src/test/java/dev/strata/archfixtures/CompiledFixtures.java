package dev.strata.archfixtures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixture classes that use libraries app's tests don't have on their class path (the AWS SDK,
 * Hibernate Validator, Undertow, Jetty, Netty, the Immutables annotations), as sources compiled at
 * test time together with small stand-ins for those libraries. The stand-ins only give the
 * fixtures a dependency on the right package name: they are compiled, never imported or loaded,
 * and never shadow a real library on the class path.
 */
public final class CompiledFixtures {
  private CompiledFixtures() {}

  /** Sources by binary class name. */
  public static Map<String, String> sources() {
    Map<String, String> s = new LinkedHashMap<>();
    libraryStandIns(s);
    good(s);
    portsTech(s);
    sdkLeak(s);
    mutableDomain(s);
    return s;
  }

  private static void libraryStandIns(Map<String, String> s) {
    s.put("software.amazon.awssdk.services.bedrock.BedrockClient", """
        package software.amazon.awssdk.services.bedrock;
        public interface BedrockClient {
          String getFoundationModel(String modelId);
        }
        """);
    s.put("org.hibernate.validator.HibernateValidator", """
        package org.hibernate.validator;
        public final class HibernateValidator {}
        """);
    s.put("io.undertow.Undertow", """
        package io.undertow;
        public final class Undertow {
          public void start() {}
        }
        """);
    s.put("org.eclipse.jetty.server.Server", """
        package org.eclipse.jetty.server;
        public class Server {
          public void start() {}
        }
        """);
    s.put("io.netty.channel.Channel", """
        package io.netty.channel;
        public interface Channel {
          void close();
        }
        """);
    s.put("org.immutables.value.Generated", """
        package org.immutables.value;
        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
        public @interface Generated {
          String from() default "";
          String generator() default "";
        }
        """);
    s.put("org.immutables.value.Value", """
        package org.immutables.value;
        public @interface Value {
          @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
          @interface Immutable {}
        }
        """);
  }

  /** The parts of the good fixture that need the AWS SDK or the Immutables annotations. */
  private static void good(Map<String, String> s) {
    s.put("dev.strata.archfixtures.good.adapters.aws.BedrockModelCatalog", """
        package dev.strata.archfixtures.good.adapters.aws;

        import dev.strata.archfixtures.good.domain.Quota;
        import dev.strata.archfixtures.good.ports.driven.ModelCatalog;
        import java.time.Instant;
        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** The AWS adapters are where the SDK belongs. */
        public final class BedrockModelCatalog implements ModelCatalog {
          private final BedrockClient bedrock;

          public BedrockModelCatalog(BedrockClient bedrock) {
            this.bedrock = bedrock;
          }

          /** The adapters build their own SDK clients, so wiring never sees the SDK. */
          public static BedrockModelCatalog forRegion(String region) {
            return new BedrockModelCatalog(modelId -> region + "/" + modelId);
          }

          @Override
          public Lookup find(String model) {
            String found = bedrock.getFoundationModel(model);
            return found == null
                ? new Lookup.Missing(model)
                : new Lookup.Found(new Quota(found, 1, Instant.now()));
          }
        }
        """);
    s.put("dev.strata.archfixtures.good.app.wiring.AwsWiring", """
        package dev.strata.archfixtures.good.app.wiring;

        import dev.strata.archfixtures.good.adapters.aws.BedrockModelCatalog;
        import dev.strata.archfixtures.good.ports.application.QuotaService;
        import dev.strata.archfixtures.good.ports.driving.ReserveQuota;
        import java.time.Clock;

        /** The composition root wires the AWS adapters too, without touching the SDK. */
        public final class AwsWiring {
          private AwsWiring() {}

          public static ReserveQuota aws(String region) {
            return new QuotaService(BedrockModelCatalog.forRegion(region), Clock.systemUTC());
          }
        }
        """);
    s.put("dev.strata.archfixtures.good.domain.Widget", """
        package dev.strata.archfixtures.good.domain;

        import org.immutables.value.Value;

        @Value.Immutable
        public abstract class Widget {
          public abstract String name();
        }
        """);
    s.put("dev.strata.archfixtures.good.domain.ImmutableWidget", """
        package dev.strata.archfixtures.good.domain;

        import org.immutables.value.Generated;

        /** What Immutables generates: a lazily cached hash and a builder, both mutable. */
        @Generated(from = "Widget", generator = "Immutables")
        final class ImmutableWidget extends Widget {
          private final String name;
          private transient int hashCode;

          private ImmutableWidget(String name) {
            this.name = name;
          }

          @Override
          public String name() {
            return name;
          }

          @Override
          public int hashCode() {
            int h = hashCode;
            if (h == 0) {
              h = name.hashCode();
              hashCode = h;
            }
            return h;
          }

          @Override
          public boolean equals(Object other) {
            return other instanceof ImmutableWidget && ((ImmutableWidget) other).name.equals(name);
          }

          @Generated(from = "Widget", generator = "Immutables")
          static final class Builder {
            private String name;

            Builder name(String name) {
              this.name = name;
              return this;
            }

            ImmutableWidget build() {
              return new ImmutableWidget(name);
            }
          }
        }
        """);
  }

  /** Ports using banned technology; the Jackson and JDK HTTP server cases are plain sources. */
  private static void portsTech(Map<String, String> s) {
    s.put("dev.strata.archfixtures.portstech.ports.validation.HibernateBackedValidator", """
        package dev.strata.archfixtures.portstech.ports.validation;

        import org.hibernate.validator.HibernateValidator;

        /** Violation: ports compile against the Jakarta API, never its provider. */
        public final class HibernateBackedValidator {
          public Class<?> provider() {
            return HibernateValidator.class;
          }
        }
        """);
    s.put("dev.strata.archfixtures.portstech.ports.driven.SdkCatalog", """
        package dev.strata.archfixtures.portstech.ports.driven;

        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** Violation: an SDK type in a driven port's signature. */
        public interface SdkCatalog {
          BedrockClient client();
        }
        """);
    s.put("dev.strata.archfixtures.portstech.ports.application.UndertowEndpoint", """
        package dev.strata.archfixtures.portstech.ports.application;

        import io.undertow.Undertow;

        /** Violation. */
        public final class UndertowEndpoint {
          public void start(Undertow server) {
            server.start();
          }
        }
        """);
    s.put("dev.strata.archfixtures.portstech.ports.application.JettyEndpoint", """
        package dev.strata.archfixtures.portstech.ports.application;

        import org.eclipse.jetty.server.Server;

        /** Violation. */
        public final class JettyEndpoint {
          public void start(Server server) {
            server.start();
          }
        }
        """);
    s.put("dev.strata.archfixtures.portstech.ports.application.NettyEndpoint", """
        package dev.strata.archfixtures.portstech.ports.application;

        import io.netty.channel.Channel;

        /** Violation. */
        public final class NettyEndpoint {
          public void stop(Channel channel) {
            channel.close();
          }
        }
        """);
    s.put("dev.strata.archfixtures.portstech.adapters.aws.SdkCatalogAdapter", """
        package dev.strata.archfixtures.portstech.adapters.aws;

        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** Kept by the ports rule: adapters are not ports. */
        public final class SdkCatalogAdapter {
          public String find(BedrockClient bedrock, String id) {
            return bedrock.getFoundationModel(id);
          }
        }
        """);
  }

  private static void sdkLeak(Map<String, String> s) {
    s.put("dev.strata.archfixtures.sdkleak.app.cli.ListsModelsWithTheSdk", """
        package dev.strata.archfixtures.sdkleak.app.cli;

        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** Violation: the CLI calls Bedrock itself instead of going through a port. */
        public final class ListsModelsWithTheSdk {
          public String run(BedrockClient bedrock) {
            return bedrock.getFoundationModel("amazon.nova-lite-v1:0");
          }
        }
        """);
    s.put("dev.strata.archfixtures.sdkleak.adapters.inmemory.InMemoryUsesTheSdk", """
        package dev.strata.archfixtures.sdkleak.adapters.inmemory;

        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** Violation: the in-memory adapters must work without AWS. */
        public final class InMemoryUsesTheSdk {
          public String seed(BedrockClient bedrock) {
            return bedrock.getFoundationModel("anthropic.claude-v2:1");
          }
        }
        """);
    s.put("dev.strata.archfixtures.sdkleak.adapters.aws.BedrockCatalog", """
        package dev.strata.archfixtures.sdkleak.adapters.aws;

        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /** Kept. */
        public final class BedrockCatalog {
          private final BedrockClient bedrock;

          public BedrockCatalog(BedrockClient bedrock) {
            this.bedrock = bedrock;
          }

          public String find(String id) {
            return bedrock.getFoundationModel(id);
          }
        }
        """);
    s.put("dev.strata.archfixtures.sdkleak.app.wiring.AwsWiring", """
        package dev.strata.archfixtures.sdkleak.app.wiring;

        import dev.strata.archfixtures.sdkleak.adapters.aws.BedrockCatalog;
        import software.amazon.awssdk.services.bedrock.BedrockClient;

        /**
         * Violation too: the composition root may name the AWS adapters, but building their SDK
         * clients is the adapters' job.
         */
        public final class AwsWiring {
          private AwsWiring() {}

          public static BedrockCatalog catalog(BedrockClient bedrock) {
            return new BedrockCatalog(bedrock);
          }
        }
        """);
  }

  private static void mutableDomain(Map<String, String> s) {
    s.put("dev.strata.archfixtures.mutabledomain.domain.ImmutableMoneyView", """
        package dev.strata.archfixtures.mutabledomain.domain;

        import org.immutables.value.Generated;

        /** Kept: generated by Immutables, which may cache lazily. */
        @Generated(from = "MoneyView", generator = "Immutables")
        final class ImmutableMoneyView {
          private transient int hashCode;

          @Override
          public int hashCode() {
            if (hashCode == 0) {
              hashCode = 31;
            }
            return hashCode;
          }
        }
        """);
  }
}
