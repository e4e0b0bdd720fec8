package dev.strata.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ArchUnit rules for a service that embeds Strata, to be checked by that service's own
 * architecture tests: {@code StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata(
 * "com.acme.platform..").check(classes)}.
 *
 * <p>Packages are ArchUnit package identifiers: {@code com.acme.platform..} is that package and
 * everything under it, {@code com.acme.platform} that package alone. The AWS SDK's Bedrock clients
 * are matched by name ({@value #BEDROCK_CLIENT}, {@value #BEDROCK_ASYNC_CLIENT} and any type that
 * extends them), so this artifact brings no SDK: the one on the checked classpath is the one
 * checked. Each rule's {@code because} is its reason, shown with every violation. A rule that
 * finds no class to check passes: none can break it.
 */
public final class StrataGuardrails {
  /** The SDK v2 Bedrock control-plane client. */
  public static final String BEDROCK_CLIENT = "software.amazon.awssdk.services.bedrock.BedrockClient";

  /** Its asynchronous twin. */
  public static final String BEDROCK_ASYNC_CLIENT =
      "software.amazon.awssdk.services.bedrock.BedrockAsyncClient";

  /** The packages of Strata's adapters: in memory, SQLite and AWS. */
  public static final String STRATA_ADAPTERS = "dev.strata.adapters..";

  private static final Set<String> PROVISIONED_THROUGHPUT_CHANGES =
      Set.of(
          "createProvisionedModelThroughput",
          "updateProvisionedModelThroughput",
          "deleteProvisionedModelThroughput");

  private static final Set<String> CLIENT_FACTORIES = Set.of("create", "builder");

  private StrataGuardrails() {}

  /**
   * Outside {@code allowedPackages}, no class calls, or takes a method reference to, Create,
   * Update or Delete of a provisioned throughput on the SDK's Bedrock clients, sync or async.
   * Reads (Get, List, tags) stay free. With no package allowed, no class may.
   */
  public static ArchRule bedrockProvisionedThroughputCallsGoThroughStrata(String... allowedPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedPackages)
        .should()
        .accessTargetWhere(
            onBedrockClient(
                PROVISIONED_THROUGHPUT_CHANGES,
                "Create, Update or Delete of a provisioned throughput on a Bedrock SDK client"))
        .because(
            "provisioned throughput is bought, changed and released through Strata, which checks"
                + " model-unit quotas, commitment terms and required tags before AWS bills a month;"
                + " a direct SDK call skips those guardrails")
        .allowEmptyShould(true);
  }

  /**
   * Only classes in {@code rootPackages} (and Strata's adapters themselves) depend on Strata's
   * adapter classes ({@code InMemoryStrata}, {@code InMemory*}, {@code Sqlite*}, {@code
   * DynamoDb*}, {@code Sts*}, {@code Bedrock*Catalog}, ...); everything else sees the ports,
   * {@code dev.strata.ports.driving.Strata} first.
   */
  public static ArchRule onlyCompositionRootChoosesAdapters(String... rootPackages) {
    String[] exempt =
        Stream.concat(Arrays.stream(rootPackages), Stream.of(STRATA_ADAPTERS)).toArray(String[]::new);
    return noClasses()
        .that()
        .resideOutsideOfPackages(exempt)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(STRATA_ADAPTERS)
        .because(
            "the composition root chooses in-memory adapters for tests and AWS adapters in"
                + " production; a class elsewhere that names an adapter ties itself to one"
                + " environment and bypasses that choice")
        .allowEmptyShould(true);
  }

  /**
   * Outside {@code factoryPackages}, no class builds a Bedrock SDK client: no {@code
   * BedrockClient.create()}, {@code BedrockClient.builder()} or their async twins. Others take
   * the client they are given.
   */
  public static ArchRule bedrockClientsAreBuiltOnlyIn(String... factoryPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(factoryPackages)
        .should()
        .accessTargetWhere(
            onBedrockClient(CLIENT_FACTORIES, "create() or builder() of a Bedrock SDK client"))
        .because(
            "one factory decides the endpoint, region, credentials and retries of every Bedrock"
                + " client, so pointing the service at Strata in a test, or at another account, is a"
                + " change in one place")
        .allowEmptyShould(true);
  }

  /** An access (call or method reference) to one of {@code methods} of a Bedrock client type. */
  private static DescribedPredicate<JavaAccess<?>> onBedrockClient(
      Set<String> methods, String description) {
    return DescribedPredicate.describe(
        description,
        access -> methods.contains(access.getName()) && isBedrockClient(access.getTargetOwner()));
  }

  private static boolean isBedrockClient(JavaClass owner) {
    return owner.isAssignableTo(BEDROCK_CLIENT) || owner.isAssignableTo(BEDROCK_ASYNC_CLIENT);
  }
}
