package dev.strata.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java entry point: settings from a Map, a file, the environment or a builder, then open. */
class StrataSettingsTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @TempDir Path directory;

  private static ProvisionedModelArn buy(Strata strata, String name, int units) {
    return strata
        .createProvisionedModelThroughput(
            CreateProvisionedModelThroughputCommand.builder(name, MODEL, units).build())
        .getOrElseThrow(e -> new AssertionError(e.message()));
  }

  @Test
  void a_map_of_keys_opens_an_in_memory_strata_in_the_account_and_region_it_names() {
    Map<String, String> keys = Map.of("region", "eu-west-1", "account", "111122223333", "seed", "7");

    try (WiredStrata wired = StrataSettings.of(keys).open()) {
      ProvisionedModelArn arn = buy(wired.strata(), "chat", 1);

      assertTrue(arn.toString().startsWith("arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/"), arn::toString);
      assertEquals(
          ProvisionedModelStatus.InService,
          wired.strata().getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("chat")).get().status());
    }
  }

  @Test
  void the_quota_key_bounds_what_the_strata_sells() {
    try (WiredStrata wired = StrataSettings.of(Map.of("quota.L-FE44174A", "2")).open()) {
      buy(wired.strata(), "first", 2);

      assertEquals(
          "ServiceQuotaExceededException",
          wired.strata()
              .createProvisionedModelThroughput(CreateProvisionedModelThroughputCommand.builder("second", MODEL, 1).build())
              .getLeft()
              .errorCode());
    }
  }

  @Test
  void the_builder_sets_the_same_keys_a_file_would() throws IOException {
    Path file = Files.writeString(directory.resolve("strata.properties"), """
        transitions = manual
        idempotency = STRICT
        quota.committed = 4
        seed = 3
        """);

    StrataSettings built =
        StrataSettings.defaults()
            .transitions("manual")
            .idempotency(IdempotencyMode.STRICT)
            .quota(QuotaLedger.COMMITTED_PER_MODEL, 4)
            .seed(3)
            .store(Adapter.INMEMORY);

    assertEquals(StrataSettings.fromFile(file).configuration(), built.configuration());
  }

  @Test
  void properties_are_read_as_the_keys_of_a_file() {
    Properties properties = new Properties();
    properties.setProperty("transitions", "after-reads:2");

    assertEquals("after-reads:2", StrataSettings.of(properties).configuration().transitions());
  }

  @Test
  void system_properties_win_over_variables_which_win_over_the_file_strata_config_names() throws IOException {
    Path file = Files.writeString(directory.resolve("strata.properties"), "table = from-file\nregion = us-west-2\nseed = 1\n");
    Map<String, String> environment =
        Map.of("STRATA_CONFIG", file.toString(), "STRATA_TABLE", "from-variable", "STRATA_SEED", "2");
    Properties system = new Properties();
    system.setProperty("strata.table", "from-property");
    system.setProperty("unrelated.table", "ignored");

    StrataConfiguration c = StrataSettings.fromEnvironment(environment, system).configuration();

    assertEquals("from-property", c.adapters().tableName());
    assertEquals(2, c.seed());
    assertEquals("us-west-2", c.region().value());
  }

  @Test
  void a_bad_value_names_the_key_the_constraint_and_where_it_came_from() {
    Properties system = new Properties();
    system.setProperty("strata.quota.L-FE44174A", "lots");

    ConfigurationException fromProperty =
        assertThrows(ConfigurationException.class, () -> StrataSettings.fromEnvironment(Map.of(), system));
    ConfigurationException fromVariable =
        assertThrows(
            ConfigurationException.class,
            () -> StrataSettings.fromEnvironment(Map.of("STRATA_STORE", "dynamo"), new Properties()));

    assertEquals(
        "quota.L-FE44174A: 'lots' is not a whole number (from system property strata.quota.L-FE44174A)",
        fromProperty.getMessage());
    assertEquals("quota.L-FE44174A", fromProperty.key());
    assertEquals(
        "store: unknown adapter 'dynamo'; expected inmemory or aws (from STRATA_STORE)", fromVariable.getMessage());
  }

  @Test
  void an_unknown_key_or_a_bad_combination_is_refused_before_anything_opens() {
    ConfigurationException unknown =
        assertThrows(ConfigurationException.class, () -> StrataSettings.of(Map.of("stroe", "aws")));
    ConfigurationException combination =
        assertThrows(ConfigurationException.class, () -> StrataSettings.of(Map.of("quotas", "aws")));

    assertTrue(unknown.getMessage().startsWith("stroe: unknown configuration key; expected one of [catalog,"), unknown::getMessage);
    assertEquals("quotas", combination.key());
    assertTrue(combination.getMessage().startsWith("quotas: aws needs store aws"), combination::getMessage);
  }

  @Test
  void the_state_key_keeps_what_was_bought_for_the_next_strata_on_the_same_file() {
    StrataSettings settings = StrataSettings.defaults().state(directory.resolve("state.db"));
    try (WiredStrata first = settings.open()) {
      buy(first.strata(), "kept", 1);
    }

    try (WiredStrata second = settings.open()) {
      assertEquals(
          "kept",
          second.strata().getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("kept")).get()
              .provisionedModelName().value());
    }
  }
}
