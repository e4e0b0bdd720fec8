package dev.strata.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import dev.strata.archunit.StrataGuardrails;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link StrataArchitecture} against the production classes of every module. app
 * sees every module, so this is where the hexagon is checked as a whole.
 *
 * <p>Each test is named after the rule it checks. Sibling modules are directories under {@code mvn
 * test} and jars under {@code mvn verify} (TNG/ArchUnit#1308), so jars are imported too; test
 * classes are left out in both forms.
 */
class HexagonArchitectureTest {
  private static final String ROOT = "dev.strata";
  private static final StrataArchitecture RULES = StrataArchitecture.rules(ROOT);
  private static JavaClasses production;

  @BeforeAll
  static void import_production_classes() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new DoNotIncludeTestJars())
            .importPackages(ROOT);
  }

  @Test
  void every_rule_is_checked_here_by_a_test_of_its_own_name() {
    assertEquals(Set.of(), RuleCoverage.rulesWithoutATestIn(HexagonArchitectureTest.class));
  }

  @Test
  void the_import_sees_every_module_and_no_test_class() {
    for (String module : Set.of("domain", "ports", "ports.application", "ports.edge", "adapters.inmemory", "adapters.aws", "composition", "app")) {
      assertTrue(
          production.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module)),
          () -> "no class of " + module + " imported");
    }
    assertEquals(
        Set.of(),
        production.stream()
            .map(c -> c.getName())
            .filter(n -> n.startsWith("dev.strata.archfixtures") || n.endsWith("Test"))
            .collect(Collectors.toSet()));
  }

  @Test
  void use_cases_live_in_the_application_layer() {
    check(RULES.use_cases_live_in_the_application_layer);
  }

  @Test
  void the_core_never_depends_on_the_edge_ports() {
    check(RULES.the_core_never_depends_on_the_edge_ports);
  }

  @Test
  void port_interfaces_never_depend_on_the_application_layer() {
    check(RULES.port_interfaces_never_depend_on_the_application_layer);
  }

  @Test
  void domain_depends_only_on_java_vavr_immutables_and_itself() {
    check(RULES.domain_depends_only_on_java_vavr_immutables_and_itself);
  }

  @Test
  void ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves() {
    check(RULES.ports_depend_only_on_domain_java_vavr_jakarta_validation_immutables_and_themselves);
  }

  @Test
  void ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server() {
    check(RULES.ports_never_use_hibernate_validator_the_aws_sdk_jackson_or_an_http_server);
  }

  @Test
  void adapters_use_no_strata_code_but_ports_and_domain() {
    check(RULES.adapters_use_no_strata_code_but_ports_and_domain);
  }

  @Test
  void adapters_do_not_depend_on_each_other() {
    check(RULES.adapters_do_not_depend_on_each_other);
  }

  @Test
  void only_the_aws_adapters_use_the_aws_sdk() {
    check(RULES.only_the_aws_adapters_use_the_aws_sdk);
  }

  @Test
  void only_the_composition_root_depends_on_adapters() {
    check(RULES.only_the_composition_root_depends_on_adapters);
  }

  @Test
  void the_composition_module_names_no_cli_http_server_or_app_code() {
    check(RULES.the_composition_module_names_no_cli_http_server_or_app_code);
  }

  @Test
  void only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module() {
    check(RULES.only_the_aws_wiring_names_the_aws_adapters_in_the_composition_module);
  }

  @Test
  void domain_and_ports_never_read_the_clock_or_draw_random_numbers() {
    check(RULES.domain_and_ports_never_read_the_clock_or_draw_random_numbers);
  }

  @Test
  void packages_are_free_of_cycles() {
    check(RULES.packages_are_free_of_cycles);
  }

  @Test
  void driven_ports_are_interfaces() {
    check(RULES.driven_ports_are_interfaces);
  }

  @Test
  void in_memory_adapters_are_named_after_the_driven_port_they_implement() {
    check(RULES.in_memory_adapters_are_named_after_the_driven_port_they_implement);
  }

  @Test
  void sqlite_adapters_are_named_after_the_driven_port_they_implement() {
    check(RULES.sqlite_adapters_are_named_after_the_driven_port_they_implement);
  }

  @Test
  void domain_fields_are_final() {
    check(RULES.domain_fields_are_final);
  }

  @Test
  void the_public_guardrail_only_the_composition_root_chooses_adapters_holds_for_strata() {
    check(StrataGuardrails.onlyCompositionRootChoosesAdapters(ROOT + ".composition..", ROOT + ".app.wiring.."));
  }

  @Test
  void the_public_guardrail_bedrock_clients_are_built_only_in_the_aws_adapters_holds_for_strata() {
    check(StrataGuardrails.bedrockClientsAreBuiltOnlyIn(ROOT + ".adapters.aws.."));
  }

  @Test
  void the_public_guardrail_no_class_of_strata_buys_provisioned_throughput_on_aws() {
    check(StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata());
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }

  /**
   * Leaves out test-jars (e.g. the ports' contract tests), which {@code DO_NOT_INCLUDE_TESTS}
   * misses under {@code mvn verify}: their classes sit in production packages but are test code.
   */
  static final class DoNotIncludeTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }
}
