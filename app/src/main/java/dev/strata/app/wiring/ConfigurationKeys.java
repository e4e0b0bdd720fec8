package dev.strata.app.wiring;

import dev.strata.app.wiring.AdapterSettings.AwsService;
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

/**
 * The adapter settings' keys and their three sources. Later wins: the defaults, then a properties
 * file ({@code --config FILE} or {@code STRATA_CONFIG}), then environment variables ({@code
 * STRATA_} and the key in upper case, dots and dashes as underscores: {@code STRATA_STORE}, {@code
 * STRATA_AWS_REGION}, {@code STRATA_ENDPOINT_DYNAMODB}), then flags.
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

  /** The environment variable that names the configuration file when {@code --config} is not given. */
  public static final String CONFIG_VARIABLE = "STRATA_CONFIG";

  static final List<String> ALL = all();

  private ConfigurationKeys() {}

  private static List<String> all() {
    List<String> keys = new ArrayList<>(List.of(CATALOG, QUOTAS, ARNS, STORE, AWS_REGION, TABLE, CREATE_TABLE, STATE));
    for (AwsService s : AwsService.values()) {
      keys.add(endpoint(s));
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
   * {@code settings} with the values of {@code file} (already read), then of the environment
   * variables in {@code environment}, then of {@code flags}, each keyed as in the file.
   *
   * @throws IllegalArgumentException naming the key of a bad value, or of an unknown key in the file
   */
  public static AdapterSettings resolve(
      AdapterSettings settings,
      Map<String, String> file,
      Map<String, String> environment,
      Map<String, String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    file.forEach((key, value) -> put(values, sources, key, value, "the configuration file"));
    for (String key : ALL) {
      String value = environment.get(variable(key));
      if (value != null && !value.isEmpty()) {
        put(values, sources, key, value, variable(key));
      }
    }
    flags.forEach((key, value) -> put(values, sources, key, value, "the command line"));
    return settings.with(values, sources::get);
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
