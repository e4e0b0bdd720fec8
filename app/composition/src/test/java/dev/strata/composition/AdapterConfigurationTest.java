package dev.strata.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.AdapterSettings.AwsService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapter settings from their three sources, later wins: a properties file, the environment, flags. */
class AdapterConfigurationTest {
  @TempDir Path directory;

  private static AdapterSettings resolve(
      Map<String, String> file, Map<String, String> environment, Map<String, String> flags) {
    return ConfigurationKeys.resolve(
            StrataConfiguration.defaults(), file, environment, flags, key -> "the command line")
        .adapters();
  }

  @Test
  void without_any_source_every_port_is_in_memory_and_the_table_strata_is_created_on_start() {
    AdapterSettings s = resolve(Map.of(), Map.of(), Map.of());

    assertEquals(AdapterSettings.defaults(), s);
    assertEquals(Adapter.INMEMORY, s.catalog());
    assertEquals(Adapter.INMEMORY, s.quotas());
    assertEquals(Adapter.INMEMORY, s.arns());
    assertEquals(Adapter.INMEMORY, s.store());
    assertEquals("strata", s.tableName());
    assertTrue(s.createTable());
    assertEquals(Map.of(), s.endpoints());
    assertFalse(s.usesAws());
    assertEquals("us-east-1", StrataConfiguration.defaults().awsRegion());
  }

  @Test
  void the_environment_overrides_the_file_and_flags_override_both() throws IOException {
    Path file = directory.resolve("strata.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "store = aws",
            "catalog = aws",
            "table = from-file",
            "create-table = false",
            "endpoint.dynamodb = http://127.0.0.1:1111",
            "endpoint.sts = http://127.0.0.1:2222"));

    AdapterSettings s =
        resolve(
            ConfigurationKeys.read(file),
            Map.of(
                "STRATA_CATALOG", "inmemory",
                "STRATA_TABLE", "from-env",
                "STRATA_AWS_REGION", "eu-west-1",
                "STRATA_ENDPOINT_DYNAMODB", "http://127.0.0.1:3333",
                "UNRELATED", "ignored"),
            Map.of("table", "from-flag", "arns", "aws"));

    assertEquals(Adapter.AWS, s.store(), "from the file");
    assertFalse(s.createTable(), "from the file");
    assertEquals(Adapter.INMEMORY, s.catalog(), "the environment over the file");
    assertEquals(Optional.of("eu-west-1"), s.awsRegion(), "from the environment");
    assertEquals("from-flag", s.tableName(), "a flag over the environment and the file");
    assertEquals(Adapter.AWS, s.arns(), "from a flag");
    assertEquals(
        Map.of(
            AwsService.DYNAMODB, URI.create("http://127.0.0.1:3333"),
            AwsService.STS, URI.create("http://127.0.0.1:2222")),
        s.endpoints());
  }

  @Test
  void empty_environment_variables_are_ignored() {
    AdapterSettings s = resolve(Map.of("store", "aws"), Map.of("STRATA_STORE", ""), Map.of());

    assertEquals(Adapter.AWS, s.store());
  }

  @Test
  void quotas_aws_and_store_aws_may_come_from_different_sources_in_any_order() {
    AdapterSettings s = resolve(Map.of("quotas", "aws"), Map.of(), Map.of("store", "aws"));

    assertEquals(Adapter.AWS, s.quotas());
    assertEquals(Adapter.AWS, s.store());
  }

  @Test
  void quotas_aws_without_store_aws_is_refused_because_usage_lives_with_the_records() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> resolve(Map.of(), Map.of("STRATA_QUOTAS", "aws"), Map.of()));

    assertTrue(e.getMessage().startsWith("quotas: aws needs store aws"), e.getMessage());
  }

  @Test
  void a_bad_value_is_refused_naming_its_key_and_where_it_came_from() {
    assertRefused("store: unknown adapter 'dynamo'; expected inmemory or aws (from STRATA_STORE)",
        Map.of(), Map.of("STRATA_STORE", "dynamo"), Map.of());
    assertRefused("catalog: unknown adapter 'bedrock'; expected inmemory or aws (from the configuration file)",
        Map.of("catalog", "bedrock"), Map.of(), Map.of());
    assertRefused("tabel: unknown configuration key",
        Map.of("tabel", "t"), Map.of(), Map.of());
    assertRefused("table: 'a b' is not a DynamoDB table name",
        Map.of(), Map.of(), Map.of("table", "a b"));
    assertRefused("create-table: 'maybe' is not a boolean",
        Map.of(), Map.of("STRATA_CREATE_TABLE", "maybe"), Map.of());
    assertRefused("aws.region: 'Mars' is not an AWS region name",
        Map.of(), Map.of(), Map.of("aws.region", "Mars"));
    assertRefused("endpoint.ftp: unknown AWS service 'ftp'",
        Map.of(), Map.of(), Map.of("endpoint.ftp", "http://127.0.0.1:1"));
    assertRefused("endpoint.dynamodb: 'localhost:8000' is not an http(s) endpoint",
        Map.of(), Map.of("STRATA_ENDPOINT_DYNAMODB", "localhost:8000"), Map.of());
    assertRefused("endpoint.sts: 'http://a b' is not a URI",
        Map.of(), Map.of(), Map.of("endpoint.sts", "http://a b"));
  }

  private static void assertRefused(
      String start, Map<String, String> file, Map<String, String> environment, Map<String, String> flags) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> resolve(file, environment, flags));
    assertTrue(e.getMessage().startsWith(start), () -> "expected '" + start + "...', got: " + e.getMessage());
  }

  @Test
  void a_configuration_file_that_cannot_be_read_is_refused_naming_it() {
    Path missing = directory.resolve("missing.properties");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfigurationKeys.read(missing));

    assertTrue(e.getMessage().startsWith("config: cannot read configuration file " + missing), e.getMessage());
  }

  @Test
  void environment_variables_are_the_keys_in_upper_case_with_underscores() {
    assertEquals("STRATA_AWS_REGION", ConfigurationKeys.variable(ConfigurationKeys.AWS_REGION));
    assertEquals("STRATA_CREATE_TABLE", ConfigurationKeys.variable(ConfigurationKeys.CREATE_TABLE));
    assertEquals(
        "STRATA_ENDPOINT_SERVICEQUOTAS",
        ConfigurationKeys.variable(ConfigurationKeys.endpoint(AwsService.SERVICE_QUOTAS)));
  }

  @Test
  void the_state_file_and_wiring_strata_are_for_the_in_memory_adapters_only() {
    StrataConfiguration aws =
        StrataConfiguration.defaults().withAdapters(AdapterSettings.defaults().with("store", "aws"));

    assertThrows(IllegalArgumentException.class, () -> Wiring.strata(aws));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdapterSettings.defaults().with("store", "aws").with("state", "strata.db"));
  }
}
