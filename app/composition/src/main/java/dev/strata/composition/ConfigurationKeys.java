package dev.strata.composition;

import dev.strata.composition.AdapterSettings.AwsService;
import dev.strata.domain.QuotaLedger;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Strata's configuration keys and their sources, the one precedence the CLI, {@code serve}, {@link
 * StrataSettings} and the Spring Boot starter share. Later wins: the defaults, then a properties
 * file ({@code --config FILE} or {@code STRATA_CONFIG}), then environment variables ({@code
 * STRATA_} and the key in upper case, dots and dashes as underscores: {@code STRATA_STORE}, {@code
 * STRATA_AWS_REGION}, {@code STRATA_ENDPOINT_DYNAMODB}), then the overrides: flags, {@code strata.*}
 * system properties or Spring properties.
 */
public final class ConfigurationKeys {
  public static final String CATALOG = "catalog";
  public static final String QUOTAS = "quotas";
  public static final String ARNS = "arns";
  public static final String STORE = "store";
  public static final String AWS_REGION = "aws.region";
  public static final String TABLE = "table";
  public static final String CREATE_TABLE = "create-table";
  public static final String ENDPOINT_PREFIX = "endpoint.";
  /** The state file; its variable is {@code STRATA_STATE}. */
  public static final String STATE = "state";
  public static final String PARTITION = "partition";
  public static final String REGION = "region";
  public static final String ACCOUNT = "account";
  public static final String SEED = "seed";
  public static final String TRANSITIONS = "transitions";
  public static final String IDEMPOTENCY = "idempotency";
  /** {@code quota.L-FE44174A}, {@code quota.L-BE77399C}, {@code quota.committed}: model-unit limits (D14). */
  public static final String QUOTA_PREFIX = "quota.";

  /** The environment variable that names the configuration file when {@code --config} is not given. */
  public static final String CONFIG_VARIABLE = "STRATA_CONFIG";

  /** Every key, as written in a configuration file. */
  public static final List<String> ALL = all();

  private ConfigurationKeys() {}

  private static List<String> all() {
    List<String> keys = new ArrayList<>(List.of(CATALOG, QUOTAS, ARNS, STORE, AWS_REGION, TABLE, CREATE_TABLE, STATE));
    for (AwsService s : AwsService.values()) {
      keys.add(endpoint(s));
    }
    keys.addAll(List.of(PARTITION, REGION, ACCOUNT, SEED, TRANSITIONS, IDEMPOTENCY));
    for (QuotaLedger ledger : QuotaLedger.values()) {
      keys.add(QUOTA_PREFIX + (ledger.quotaCode() == null ? "committed" : ledger.quotaCode()));
    }
    return List.copyOf(keys);
  }

  /** {@code endpoint.dynamodb} and the like. */
  public static String endpoint(AwsService service) {
    return ENDPOINT_PREFIX + service.key();
  }

  /** {@code STRATA_AWS_REGION} for {@code aws.region}, and the like. */
  public static String variable(String key) {
    return "STRATA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * {@code base} with the values of {@code file} (already read), then of the environment variables
   * in {@code environment}, then of {@code overrides}, each keyed as in the file.
   *
   * @param overridesSource where an override came from, by key: {@code the command line}, {@code
   *     system property strata.store}, ...
   * @throws ConfigurationException naming the key of a bad value, or of an unknown key, and where
   *     it came from
   */
  public static StrataConfiguration resolve(
      StrataConfiguration base,
      Map<String, String> file,
      Map<String, String> environment,
      Map<String, String> overrides,
      Function<String, String> overridesSource) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    file.forEach((key, value) -> put(values, sources, key, value, "the configuration file"));
    for (String key : ALL) {
      String value = environment.get(variable(key));
      if (value != null && !value.isEmpty()) {
        put(values, sources, key, value, variable(key));
      }
    }
    overrides.forEach((key, value) -> put(values, sources, key, value, overridesSource.apply(key)));
    return base.with(values, sources::get);
  }

  private static void put(
      Map<String, String> values, Map<String, String> sources, String key, String value, String source) {
    values.put(key, value);
    sources.put(key, source);
  }

  /**
   * The keys and values of the properties file {@code file}.
   *
   * @throws IllegalArgumentException when it cannot be read; the message names it
   */
  public static Map<String, String> read(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "config: cannot read configuration file " + file + ": " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
              + ": check the path given to --config (or STRATA_CONFIG)",
          e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
    return values;
  }
}
