package dev.strata.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The rules of ARCHITECTURE.md ("Rules") and STYLE-ANCHORS §10, built for one root package, so
 * that the same definitions check production ({@code rules("dev.strata")}) and the deliberate
 * violations under {@code dev.strata.archfixtures.<case>} ({@code rules("dev.strata.archfixtures.<case>")}).
 *
 * <p>Every Strata package is named from the root, never as a bare {@code ..domain..} pattern, so
 * that a fixture can only be judged by its own rules. Each public field is one rule; {@link #all()}
 * lists them by field name, which is also the name of the test method that checks it.
 */
public final class StrataArchitecture {
  /** Third-party packages the domain may use besides {@code java..}. */
  private static final String[] DOMAIN_LIBRARIES = {"java..", "io.vavr..", "org.immutables.."};

  private static final String AWS_SDK = "software.amazon.awssdk..";

  /** Immutables marks every type it generates, nested builders included, with this annotation. */
  private static final String IMMUTABLES_GENERATED = "org.immutables.value.Generated";

  private final String domain;
  private final String ports;
  private final String drivenPorts;
  private final String edgePorts;
  private final String application;
  private final String adapters;
  private final String awsAdapters;
  private final String inMemoryAdapters;
  private final String sqliteAdapters;
  private final String wiring;
  private final String composition;
  private final String strata;

  public final ArchRule domain_depends_only_on_java_vavr_immutables_and_itself;
  public final ArchRule ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves;
  public final ArchRule ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server;
  public final ArchRule adapters_use_no_strata_code_but_ports_and_domain;
  public final ArchRule adapters_do_not_depend_on_each_other;
  public final ArchRule only_the_aws_adapters_use_the_aws_sdk;
  public final ArchRule only_the_composition_root_depends_on_adapters;
  public final ArchRule the_composition_module_names_no_cli_http_server_or_app_code;
  public final ArchRule only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module;
  public final ArchRule domain_and_ports_never_read_the_clock_or_draw_random_numbers;
  public final ArchRule packages_are_free_of_cycles;
  public final ArchRule driven_ports_are_interfaces;
  public final ArchRule in_memory_adapters_are_named_after_the_driven_port_they_implement;
  public final ArchRule sqlite_adapters_are_named_after_the_driven_port_they_implement;
  public final ArchRule domain_fields_are_final;
  public final ArchRule use_cases_live_in_the_application_layer;
  public final ArchRule the_core_never_depends_on_the_edge_ports;
  public final ArchRule port_interfaces_never_depend_on_the_application_layer;

  private StrataArchitecture(String root) {
    strata = root + "..";
    domain = root + ".domain..";
    ports = root + ".ports..";
    drivenPorts = root + ".ports.driven..";
    edgePorts = root + ".ports.edge..";
    application = root + ".ports.application..";
    adapters = root + ".adapters..";
    awsAdapters = root + ".adapters.aws..";
    inMemoryAdapters = root + ".adapters.inmemory..";
    sqliteAdapters = root + ".adapters.sqlite..";
    wiring = root + ".app.wiring..";
    composition = root + ".composition..";

    domain_depends_only_on_java_vavr_immutables_and_itself =
        classes()
            .that().resideInAPackage(domain)
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(DOMAIN_LIBRARIES, domain))
            .because("the domain is pure: no I/O, no framework, only the JDK, vavr and the"
                + " Immutables annotations, whose generated classes live in the domain package");

    ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves =
        classes()
            .that().resideInAPackage(ports)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(with(DOMAIN_LIBRARIES, domain, ports, "jakarta.validation.."))
            .because("ports are the hexagon's technology-free edge: a Java service embeds them"
                + " with one adapters module and nothing else dragged in");

    ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server =
        noClasses()
            .that().resideInAPackage(ports)
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.hibernate..",
                AWS_SDK,
                "com.fasterxml.jackson..",
                "com.sun.net.httpserver..",
                "io.undertow..",
                "org.eclipse.jetty..",
                "io.netty..")
            .because("ports compile against jakarta.validation-api only (Hibernate Validator is"
                + " its runtime provider); the SDK belongs to adapters-aws, JSON and HTTP to the app");

    adapters_use_no_strata_code_but_ports_and_domain =
        noClasses()
            .that().resideInAPackage(adapters)
            .should().dependOnClassesThat(
                resideInAPackage(strata).and(DescribedPredicate.not(resideInAnyPackage(domain, ports, adapters)))
                    .as("are Strata classes outside %s, %s and %s", domain, ports, adapters))
            .because("adapters implement ports on top of the domain; nothing depends on app");

    adapters_do_not_depend_on_each_other =
        slices()
            .matching(root + ".adapters.(*)..")
            .should().notDependOnEachOther()
            .because("adapters-inmemory and adapters-aws are alternatives, wired only by app");

    only_the_aws_adapters_use_the_aws_sdk =
        noClasses()
            .that().resideInAPackage(strata)
            .and().resideOutsideOfPackage(awsAdapters)
            .should().dependOnClassesThat().resideInAPackage(AWS_SDK)
            .because("the AWS SDK appears only in adapters-aws; everything else sees ports");

    only_the_composition_root_depends_on_adapters =
        noClasses()
            .that().resideInAPackage(strata)
            .and().resideOutsideOfPackages(adapters, wiring, composition)
            .should().dependOnClassesThat().resideInAPackage(adapters)
            .because("only the composition root (composition, and app.wiring for the endpoint's"
                + " signer and the state documents) names adapter classes; the CLI, the server"
                + " and the core see ports");

    the_composition_module_names_no_cli_http_server_or_app_code =
        noClasses()
            .that().resideInAPackage(composition)
            .should().dependOnClassesThat().resideInAnyPackage(
                root + ".app..",
                "picocli..",
                "com.sun.net.httpserver..",
                "io.undertow..",
                "org.eclipse.jetty..",
                "io.netty..")
            .because("strata-composition is what a Java service embeds: the CLI, serve and"
                + " their libraries stay in strata-app, which depends on it, never the reverse");

    only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module =
        noClasses()
            .that().resideInAPackage(composition)
            .and().doNotHaveSimpleName("AwsWiring")
            .should().dependOnClassesThat().resideInAPackage(awsAdapters)
            .because("the AWS adapters are an optional dependency of strata-composition: only"
                + " AwsWiring names them, and it is loaded once an aws adapter is chosen and the"
                + " adapters are found on the class path");

    domain_and_ports_never_read_the_clock_or_draw_random_numbers =
        noClasses()
            .that().resideInAnyPackage(domain, ports)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Math.class, "random")
            .orShould().dependOnClassesThat().belongToAnyOf(
                Random.class, SecureRandom.class, ThreadLocalRandom.class, SplittableRandom.class)
            .because("time comes from a java.time.Clock and identifiers from the ArnMinter port,"
                + " so the core is deterministic; adapters and app.wiring may read the world");

    packages_are_free_of_cycles =
        slices()
            .matching(root + ".(**)")
            .should().beFreeOfCycles()
            .because("a cycle between packages makes them one package in disguise");

    driven_ports_are_interfaces =
        classes()
            .that().resideInAPackage(drivenPorts)
            .and().areTopLevelClasses()
            .should().beInterfaces()
            .because("a driven port is what the core needs, stated as an interface for adapters"
                + " to implement; its nested outcome types are part of that contract");

    in_memory_adapters_are_named_after_the_driven_port_they_implement =
        classes()
            .that().resideInAPackage(inMemoryAdapters)
            .and().implement(drivenPort())
            .should(beNamedAfterADrivenPortTheyImplement("InMemory"))
            .because("adapters are named <Tech><Port>, so InMemoryModelCatalog implements"
                + " ModelCatalog and the port of any adapter can be read off its name");

    sqlite_adapters_are_named_after_the_driven_port_they_implement =
        classes()
            .that().resideInAPackage(sqliteAdapters)
            .and().implement(drivenPort())
            .should(beNamedAfterADrivenPortTheyImplement("Sqlite"))
            .because("adapters are named <Tech><Port>, so SqliteProvisionedThroughputs implements"
                + " ProvisionedThroughputs and the port of any adapter can be read off its name");

    domain_fields_are_final =
        fields()
            .that().areDeclaredInClassesThat().resideInAPackage(domain)
            .and().areDeclaredInClassesThat().areNotAnnotatedWith(IMMUTABLES_GENERATED)
            .should().beFinal()
            .because("domain values are immutable; only the code Immutables generates may keep"
                + " builder state and lazily computed hashes");

    use_cases_live_in_the_application_layer =
        classes()
            .that().resideInAPackage(strata)
            .and().haveSimpleNameEndingWith("UseCase")
            .should().resideInAPackage(application)
            .because("one use case per operation family lives in the application layer"
                + " (ports/application), behind the one Strata facade, with its tests beside it");

    the_core_never_depends_on_the_edge_ports =
        noClasses()
            .that().resideInAnyPackage(domain, application, drivenPorts, root + ".ports.driving..")
            .should().dependOnClassesThat().resideInAPackage(edgePorts)
            .because("ports.edge holds what the HTTP edge needs from adapters (SigV4, strict"
                + " decoding); the core never drives it");

    port_interfaces_never_depend_on_the_application_layer =
        noClasses()
            .that().resideInAPackage(ports)
            .and().resideOutsideOfPackage(application)
            .should().dependOnClassesThat().resideInAPackage(application)
            .because("the application layer implements the ports; the ports never name it, so an"
                + " adapter can be built and tested without it");
  }

  /** Every rule, for the Strata code (or a fixture mimicking it) under {@code root}. */
  public static StrataArchitecture rules(String root) {
    return new StrataArchitecture(root);
  }

  /** Every rule by the name of its field, in declaration order. */
  public Map<String, ArchRule> all() {
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    for (Field f : StrataArchitecture.class.getDeclaredFields()) {
      if (f.getType() == ArchRule.class && Modifier.isPublic(f.getModifiers())) {
        try {
          rules.put(f.getName(), (ArchRule) f.get(this));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return rules;
  }

  private DescribedPredicate<JavaClass> drivenPort() {
    return DescribedPredicate.describe(
        "a driven port (a top-level type in " + drivenPorts + ")", this::isDrivenPort);
  }

  private boolean isDrivenPort(JavaClass c) {
    return c.isTopLevelClass() && resideInAPackage(drivenPorts).test(c);
  }

  private ArchCondition<JavaClass> beNamedAfterADrivenPortTheyImplement(String tech) {
    return new ArchCondition<>("be named " + tech + "<Port> after a driven port they implement") {
      @Override
      public void check(JavaClass adapter, ConditionEvents events) {
        TreeSet<String> allowed =
            adapter.getAllRawInterfaces().stream()
                .filter(StrataArchitecture.this::isDrivenPort)
                .map(port -> tech + port.getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        boolean named = allowed.contains(adapter.getSimpleName());
        events.add(
            new SimpleConditionEvent(
                adapter,
                named,
                "Class <" + adapter.getName() + "> implements a driven port but is named "
                    + adapter.getSimpleName() + " instead of " + String.join(" or ", allowed)));
      }
    };
  }

  private static String[] with(String[] libraries, String... own) {
    String[] all = new String[libraries.length + own.length];
    System.arraycopy(own, 0, all, 0, own.length);
    System.arraycopy(libraries, 0, all, own.length, libraries.length);
    return all;
  }
}
