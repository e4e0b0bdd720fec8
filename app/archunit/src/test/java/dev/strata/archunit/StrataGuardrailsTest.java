package dev.strata.archunit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.strata.archunit.fixtures.adapters.config.StrataWiring;
import dev.strata.archunit.fixtures.adapters.service.PicksInMemory;
import dev.strata.archunit.fixtures.adapters.service.ReadsTheLedger;
import dev.strata.archunit.fixtures.adapters.service.UsesThePort;
import dev.strata.archunit.fixtures.clients.config.BedrockClients;
import dev.strata.archunit.fixtures.clients.service.BuildsAnAsyncClient;
import dev.strata.archunit.fixtures.clients.service.BuildsItsOwnClient;
import dev.strata.archunit.fixtures.clients.service.TakesAClient;
import dev.strata.archunit.fixtures.purchase.platform.ThroughputPurchases;
import dev.strata.archunit.fixtures.purchase.service.AsyncResizer;
import dev.strata.archunit.fixtures.purchase.service.DirectBuyer;
import dev.strata.archunit.fixtures.purchase.service.PurchaseRequests;
import dev.strata.archunit.fixtures.purchase.service.ReleasesByReference;
import dev.strata.archunit.fixtures.purchase.service.StatusReader;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each guardrail on a fixture of deliberate violations: the report names every offender and no
 * bystander, and every rule passes on the clean fixture.
 */
class StrataGuardrailsTest {
  private static final String FIXTURES = "dev.strata.archunit.fixtures";

  @Test
  void direct_sdk_purchases_outside_the_allowed_package_are_caught() {
    ArchRule rule =
        StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata(FIXTURES + ".purchase.platform..");
    assertCaught(
        rule,
        fixture("purchase"),
        Set.of(DirectBuyer.class, AsyncResizer.class, ReleasesByReference.class),
        Set.of(StatusReader.class, PurchaseRequests.class, ThroughputPurchases.class));
  }

  @Test
  void with_no_package_allowed_every_direct_purchase_is_caught() {
    EvaluationResult result =
        StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata().evaluate(fixture("purchase"));
    assertTrue(mentions(report(result), ThroughputPurchases.class));
  }

  @Test
  void adapters_named_outside_the_composition_root_are_caught() {
    assertCaught(
        StrataGuardrails.onlyCompositionRootChoosesAdapters(FIXTURES + ".adapters.config.."),
        fixture("adapters"),
        Set.of(PicksInMemory.class, ReadsTheLedger.class),
        Set.of(UsesThePort.class, StrataWiring.class));
  }

  @Test
  void bedrock_clients_built_outside_the_factory_package_are_caught() {
    assertCaught(
        StrataGuardrails.bedrockClientsAreBuiltOnlyIn(FIXTURES + ".clients.config.."),
        fixture("clients"),
        Set.of(BuildsItsOwnClient.class, BuildsAnAsyncClient.class),
        Set.of(TakesAClient.class, BedrockClients.class));
  }

  @Test
  void every_rule_passes_on_the_clean_fixture() {
    JavaClasses clean = fixture("clean");
    String root = FIXTURES + ".clean.config..";
    assertEquals(2, clean.size());
    assertAll(
        Stream.of(
                StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata(root),
                StrataGuardrails.onlyCompositionRootChoosesAdapters(root),
                StrataGuardrails.bedrockClientsAreBuiltOnlyIn(root))
            .map(
                rule ->
                    (Executable)
                        () -> {
                          EvaluationResult result = rule.evaluate(clean);
                          assertFalse(result.hasViolation(), () -> report(result));
                        }));
  }

  @Test
  void every_rule_gives_its_reason() {
    assertAll(
        Stream.of(
                StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata("a.."),
                StrataGuardrails.onlyCompositionRootChoosesAdapters("a.."),
                StrataGuardrails.bedrockClientsAreBuiltOnlyIn("a.."))
            .map(rule -> (Executable) () -> assertTrue(rule.getDescription().contains(", because "), rule::getDescription)));
  }

  private static JavaClasses fixture(String name) {
    return new ClassFileImporter().importPackages(FIXTURES + "." + name);
  }

  private static void assertCaught(
      ArchRule rule, JavaClasses classes, Set<Class<?>> offenders, Set<Class<?>> bystanders) {
    EvaluationResult result = rule.evaluate(classes);
    String report = report(result);
    assertAll(
        Stream.concat(
            offenders.stream()
                .map(o -> (Executable) () -> assertTrue(mentions(report, o), () -> "offender " + o.getName() + " not reported in:\n" + report)),
            bystanders.stream()
                .map(b -> (Executable) () -> assertFalse(mentions(report, b), () -> "bystander " + b.getName() + " reported in:\n" + report))));
    assertEquals(
        offenders.stream().map(Class::getName).collect(Collectors.toSet()),
        Arrays.stream(report.split("\n"))
            .map(line -> reportedClass(line, classes))
            .collect(Collectors.toSet()),
        "every line of the report is about an offender");
  }

  /** The fixture class a report line is about: the one its first {@code <...>} names. */
  private static String reportedClass(String line, JavaClasses classes) {
    int open = line.indexOf('<');
    String subject = open < 0 ? line : line.substring(open + 1, line.indexOf('>', open));
    return classes.stream()
        .map(c -> c.getName())
        .filter(n -> subject.equals(n) || subject.startsWith(n + ".") || subject.startsWith(n + "$"))
        .findFirst()
        .orElse(line);
  }

  private static boolean mentions(String report, Class<?> c) {
    return Pattern.compile("(?<![\\w.$])" + Pattern.quote(c.getName()) + "(?!\\w)").matcher(report).find();
  }

  private static String report(EvaluationResult result) {
    return String.join("\n", result.getFailureReport().getDetails());
  }
}
