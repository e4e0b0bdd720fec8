package dev.strata.app.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.strata.archfixtures.adapterleak.adapters.aws.AwsHelper;
import dev.strata.archfixtures.adapterleak.adapters.aws.AwsUsesPorts;
import dev.strata.archfixtures.adapterleak.adapters.inmemory.InMemoryBorrowsAws;
import dev.strata.archfixtures.adapterleak.adapters.inmemory.InMemoryCallsApp;
import dev.strata.archfixtures.cycle.ports.driven.StoresThings;
import dev.strata.archfixtures.cycle.ports.driving.CreatesThings;
import dev.strata.archfixtures.domainleak.domain.PureQuota;
import dev.strata.archfixtures.domainleak.domain.QuotaFromAdapter;
import dev.strata.archfixtures.domainleak.domain.ValidatedQuota;
import dev.strata.archfixtures.drivenclass.ports.driven.AbstractStore;
import dev.strata.archfixtures.drivenclass.ports.driven.ConcreteCatalog;
import dev.strata.archfixtures.drivenclass.ports.driven.Repository;
import dev.strata.archfixtures.drivenclass.ports.driving.CreateCommand;
import dev.strata.archfixtures.misnamedadapter.adapters.aws.BedrockModelCatalog;
import dev.strata.archfixtures.misnamedadapter.adapters.inmemory.HashMapModelCatalog;
import dev.strata.archfixtures.misnamedadapter.adapters.inmemory.InMemoryArnMinter;
import dev.strata.archfixtures.misnamedadapter.adapters.inmemory.InMemoryCatalog;
import dev.strata.archfixtures.misnamedadapter.adapters.inmemory.InMemoryModelCatalog;
import dev.strata.archfixtures.misnamedadapter.adapters.inmemory.SeedModels;
import dev.strata.archfixtures.misnamedadapter.adapters.sqlite.SqlCatalog;
import dev.strata.archfixtures.misnamedadapter.adapters.sqlite.SqliteModelCatalog;
import dev.strata.archfixtures.mutabledomain.domain.Counter;
import dev.strata.archfixtures.mutabledomain.domain.Defaults;
import dev.strata.archfixtures.mutabledomain.domain.Money;
import dev.strata.archfixtures.mutabledomain.ports.application.CountingService;
import dev.strata.archfixtures.nondeterminism.adapters.inmemory.InMemoryClockReader;
import dev.strata.archfixtures.nondeterminism.domain.DomainReadsTheWorld;
import dev.strata.archfixtures.nondeterminism.domain.TakesTimeFromAClock;
import dev.strata.archfixtures.nondeterminism.ports.application.PortsReadTheWorld;
import dev.strata.archfixtures.portsleak.ports.application.ServiceUsingApp;
import dev.strata.archfixtures.portsleak.ports.driven.CleanPort;
import dev.strata.archfixtures.portsleak.ports.driving.PicocliCommand;
import dev.strata.archfixtures.portstech.adapters.inmemory.InMemoryJson;
import dev.strata.archfixtures.portstech.ports.application.JdkHttpEndpoint;
import dev.strata.archfixtures.portstech.ports.driving.JacksonCommand;
import dev.strata.archfixtures.wiringleak.adapters.aws.DynamoDbStore;
import dev.strata.archfixtures.wiringleak.app.cli.RunCommand;
import dev.strata.archfixtures.wiringleak.app.wiring.Wiring;
import dev.strata.archfixtures.wiringleak.ports.application.StoreBackedService;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md rule 8: every rule of {@link StrataArchitecture} is built for a fixture under
 * {@code dev.strata.archfixtures.<case>} that breaks it on purpose, and must fail there, naming
 * each offending class and none of the bystanders. A typo in a package name or a method name in a
 * rule makes an offender go unreported, and one that widens a rule reports a bystander or breaks
 * the good fixture, on which every rule must pass.
 *
 * <p>Each test is named after the rule it exercises.
 */
class ArchitectureRulesCatchViolationsTest {
  @TempDir static Path compiled;
  private static Fixtures fixtures;

  @BeforeAll
  static void compile_the_fixtures_that_need_libraries_app_does_not_have() {
    fixtures = Fixtures.compileInto(compiled);
  }

  @Test
  void every_rule_has_a_violation_fixture_test_of_its_own_name() {
    assertEquals(Set.of(), RuleCoverage.rulesWithoutATestIn(ArchitectureRulesCatchViolationsTest.class));
  }

  @Test
  void every_rule_passes_on_the_good_fixture() {
    JavaClasses good = fixtures.classes("good");
    assertTrue(good.contain(Fixtures.root("good") + ".adapters.aws.BedrockModelCatalog"));
    assertTrue(good.contain(Fixtures.root("good") + ".domain.ImmutableWidget"));
    assertAll(
        StrataArchitecture.rules(Fixtures.root("good")).all().entrySet().stream()
            .map(
                e ->
                    (Executable)
                        () -> {
                          EvaluationResult result = e.getValue().evaluate(good);
                          assertFalse(
                              result.hasViolation(),
                              () -> e.getKey() + " fails on the good fixture:\n" + report(result));
                        }));
  }

  @Test
  void domain_depends_only_on_java_vavr_immutables_and_itself() {
    assertCaught(
        "domainleak",
        r -> r.domain_depends_only_on_java_vavr_immutables_and_itself,
        names(ValidatedQuota.class, QuotaFromAdapter.class),
        names(PureQuota.class));
  }

  @Test
  void ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves() {
    assertCaught(
        "portsleak",
        r -> r.ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves,
        names(PicocliCommand.class, ServiceUsingApp.class),
        names(CleanPort.class));
  }

  @Test
  void ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server() {
    String root = Fixtures.root("portstech");
    assertCaught(
        "portstech",
        r -> r.ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server,
        concat(
            names(JacksonCommand.class, JdkHttpEndpoint.class),
            List.of(
                root + ".ports.validation.HibernateBackedValidator",
                root + ".ports.driven.SdkCatalog",
                root + ".ports.application.UndertowEndpoint",
                root + ".ports.application.JettyEndpoint",
                root + ".ports.application.NettyEndpoint")),
        concat(
            names(dev.strata.archfixtures.portstech.ports.driven.CleanPort.class, InMemoryJson.class),
            List.of(root + ".adapters.aws.SdkCatalogAdapter")));
  }

  @Test
  void adapters_use_no_strata_code_but_ports_and_domain() {
    assertCaught(
        "adapterleak",
        r -> r.adapters_use_no_strata_code_but_ports_and_domain,
        names(InMemoryCallsApp.class),
        names(InMemoryBorrowsAws.class, AwsUsesPorts.class));
  }

  @Test
  void adapters_do_not_depend_on_each_other() {
    assertCaught(
        "adapterleak",
        r -> r.adapters_do_not_depend_on_each_other,
        names(InMemoryBorrowsAws.class, AwsHelper.class),
        names(InMemoryCallsApp.class, AwsUsesPorts.class));
  }

  @Test
  void only_the_aws_adapters_use_the_aws_sdk() {
    String root = Fixtures.root("sdkleak");
    assertCaught(
        "sdkleak",
        r -> r.only_the_aws_adapters_use_the_aws_sdk,
        List.of(
            root + ".app.cli.ListsModelsWithTheSdk",
            root + ".adapters.inmemory.InMemoryUsesTheSdk",
            root + ".app.wiring.AwsWiring"),
        List.of());
  }

  @Test
  void only_the_composition_root_depends_on_adapters() {
    assertCaught(
        "wiringleak",
        r -> r.only_the_composition_root_depends_on_adapters,
        names(
            dev.strata.archfixtures.wiringleak.app.cli.CreateCommand.class,
            StoreBackedService.class),
        names(
            Wiring.class,
            dev.strata.archfixtures.wiringleak.composition.Wiring.class,
            RunCommand.class,
            DynamoDbStore.class));
  }

  @Test
  void the_composition_module_names_no_cli_http_server_or_app_code() {
    String root = Fixtures.root("compositionleak");
    assertCaught(
        "compositionleak",
        r -> r.the_composition_module_names_no_cli_http_server_or_app_code,
        List.of(
            root + ".composition.ReadsTheCli",
            root + ".composition.ParsesWithPicocli",
            root + ".composition.ServesHttp"),
        List.of(root + ".composition.Wiring", root + ".composition.AwsWiring"));
  }

  @Test
  void only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module() {
    String root = Fixtures.root("compositionleak");
    assertCaught(
        "compositionleak",
        r -> r.only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module,
        List.of(root + ".composition.Wiring"),
        List.of(root + ".composition.AwsWiring", root + ".composition.ReadsTheCli"));
  }

  @Test
  void domain_and_ports_never_read_the_clock_or_draw_random_numbers() {
    List<String> offenders =
        Stream.concat(
                Arrays.stream(DomainReadsTheWorld.class.getDeclaredClasses()),
                Arrays.stream(PortsReadTheWorld.class.getDeclaredClasses()))
            .map(Class::getName)
            .collect(Collectors.toList());
    assertTrue(offenders.size() >= 17, () -> "too few offenders: " + offenders);
    assertCaught(
        "nondeterminism",
        r -> r.domain_and_ports_never_read_the_clock_or_draw_random_numbers,
        offenders,
        names(
            TakesTimeFromAClock.class,
            InMemoryClockReader.class,
            dev.strata.archfixtures.nondeterminism.app.wiring.Wiring.class));
  }

  @Test
  void packages_are_free_of_cycles() {
    assertCaught(
        "cycle",
        r -> r.packages_are_free_of_cycles,
        names(CreatesThings.class, StoresThings.class),
        List.of());
  }

  @Test
  void driven_ports_are_interfaces() {
    assertCaught(
        "drivenclass",
        r -> r.driven_ports_are_interfaces,
        names(ConcreteCatalog.class, AbstractStore.class),
        names(Repository.class, CreateCommand.class));
  }

  @Test
  void in_memory_adapters_are_named_after_the_driven_port_they_implement() {
    assertCaught(
        "misnamedadapter",
        r -> r.in_memory_adapters_are_named_after_the_driven_port_they_implement,
        names(HashMapModelCatalog.class, InMemoryCatalog.class),
        names(
            InMemoryModelCatalog.class,
            InMemoryArnMinter.class,
            SeedModels.class,
            BedrockModelCatalog.class));
  }

  @Test
  void sqlite_adapters_are_named_after_the_driven_port_they_implement() {
    assertCaught(
        "misnamedadapter",
        r -> r.sqlite_adapters_are_named_after_the_driven_port_they_implement,
        names(SqlCatalog.class),
        names(SqliteModelCatalog.class, HashMapModelCatalog.class, BedrockModelCatalog.class));
  }

  @Test
  void domain_fields_are_final() {
    assertCaught(
        "mutabledomain",
        r -> r.domain_fields_are_final,
        names(Counter.class, Defaults.class),
        concat(
            names(Money.class, CountingService.class),
            List.of(Fixtures.root("mutabledomain") + ".domain.ImmutableMoneyView")));
  }

  @Test
  void use_cases_live_in_the_application_layer() {
    String root = Fixtures.root("layout");
    assertCaught(
        "layout",
        r -> r.use_cases_live_in_the_application_layer,
        List.of(root + ".app.server.HandlerUseCase"),
        List.of(root + ".ports.application.PurchaseUseCase", root + ".app.server.Verifier"));
  }

  @Test
  void the_core_never_depends_on_the_edge_ports() {
    String root = Fixtures.root("layout");
    assertCaught(
        "layout",
        r -> r.the_core_never_depends_on_the_edge_ports,
        List.of(root + ".ports.application.SigningService", root + ".ports.driven.SignedStore"),
        List.of(root + ".app.server.Verifier", root + ".ports.application.PurchaseUseCase"));
  }

  @Test
  void port_interfaces_never_depend_on_the_application_layer() {
    String root = Fixtures.root("layout");
    assertCaught(
        "layout",
        r -> r.port_interfaces_never_depend_on_the_application_layer,
        List.of(root + ".ports.driving.BuyThroughTheUseCase"),
        List.of(
            root + ".ports.application.SigningService",
            root + ".ports.driven.SignedStore",
            root + ".app.server.HandlerUseCase"));
  }

  /**
   * The rule built for fixture {@code fixture} fails on it, and its report names every offender
   * and no bystander.
   */
  private static void assertCaught(
      String fixture,
      Function<StrataArchitecture, ArchRule> rule,
      List<String> offenders,
      List<String> bystanders) {
    EvaluationResult result =
        rule.apply(StrataArchitecture.rules(Fixtures.root(fixture))).evaluate(fixtures.classes(fixture));
    assertTrue(result.hasViolation(), () -> "no violation found in fixture " + fixture);
    String report = report(result);
    assertAll(
        Stream.concat(
            offenders.stream()
                .map(
                    o ->
                        (Executable)
                            () -> assertTrue(mentions(report, o), () -> "offender " + o + " not reported in:\n" + report)),
            bystanders.stream()
                .map(
                    b ->
                        (Executable)
                            () -> assertFalse(mentions(report, b), () -> "bystander " + b + " reported in:\n" + report))));
  }

  /** Whether the report names class {@code name}, or a member or nested class of it. */
  private static boolean mentions(String report, String name) {
    return Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?!\\w)").matcher(report).find();
  }

  private static String report(EvaluationResult result) {
    return String.join("\n", result.getFailureReport().getDetails());
  }

  private static List<String> names(Class<?>... classes) {
    return Arrays.stream(classes).map(Class::getName).collect(Collectors.toList());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
  }
}
