package dev.strata.composition;

import dev.strata.composition.AdapterSettings.Adapter;
import dev.strata.composition.AdapterSettings.AwsService;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.IdempotencyMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The Java entry point: a Strata's settings, from the keys {@code serve} reads (see {@link
 * ConfigurationKeys}), and {@link #open()}, which wires it. Every way in checks each value as the
 * CLI does, with the same messages ({@link ConfigurationException}):
 *
 * <pre>{@code
 * try (WiredStrata wired = StrataSettings.of(Map.of("store", "aws", "table", "orders")).open()) {
 *   Strata strata = wired.strata();
 * }
 * WiredStrata fromTheProcess = StrataSettings.fromEnvironment().open();
 * WiredStrata built = StrataSettings.defaults().store(Adapter.AWS).table("orders").open();
 * }</pre>
 *
 * Instances are immutable: each {@code with} method answers new settings.
 */
public final class StrataSettings {
  /** The prefix of the system properties {@link #fromEnvironment()} reads: {@code -Dstrata.store=aws}. */
  public static final String SYSTEM_PROPERTY_PREFIX = "strata.";

  private final StrataConfiguration configuration;

  private StrataSettings(StrataConfiguration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /** Every port in memory, in {@code aws}/{@code us-east-1}/{@code 123456789012}: what {@code serve} runs without options. */
  public static StrataSettings defaults() {
    return new StrataSettings(StrataConfiguration.defaults());
  }

  /**
   * The defaults with {@code values}, keyed as in a configuration file ({@code store}, {@code
   * aws.region}, {@code endpoint.dynamodb}, {@code quota.L-FE44174A}, ...).
   *
   * @throws ConfigurationException naming a bad or unknown key
   */
  public static StrataSettings of(Map<String, String> values) {
    return defaults().with(values);
  }

  /** {@link #of(Map)} with the string properties of {@code properties}. */
  public static StrataSettings of(Properties properties) {
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return of(values);
  }

  /** The defaults with the properties file {@code file}, as {@code --config FILE} reads it. */
  public static StrataSettings fromFile(Path file) {
    return new StrataSettings(
        ConfigurationKeys.resolve(
            StrataConfiguration.defaults(), ConfigurationKeys.read(file), Map.of(), Map.of(), k -> null));
  }

  /**
   * The settings of this process, with the CLI's precedence (later wins): the defaults, the file
   * {@code STRATA_CONFIG} names, the {@code STRATA_*} environment variables, then the {@code
   * strata.*} system properties ({@code -Dstrata.store=aws}) in the place of flags.
   */
  public static StrataSettings fromEnvironment() {
    return fromEnvironment(System.getenv(), System.getProperties());
  }

  /** {@link #fromEnvironment()} from {@code environment} and {@code systemProperties}. */
  public static StrataSettings fromEnvironment(Map<String, String> environment, Properties systemProperties) {
    Map<String, String> file =
        Optional.ofNullable(environment.get(ConfigurationKeys.CONFIG_VARIABLE))
            .filter(name -> !name.isEmpty())
            .map(name -> ConfigurationKeys.read(Path.of(name)))
            .orElse(Map.of());
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String name : systemProperties.stringPropertyNames()) {
      if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
        overrides.put(name.substring(SYSTEM_PROPERTY_PREFIX.length()), systemProperties.getProperty(name));
      }
    }
    return new StrataSettings(
        ConfigurationKeys.resolve(
            StrataConfiguration.defaults(),
            file,
            environment,
            overrides,
            key -> "system property " + SYSTEM_PROPERTY_PREFIX + key));
  }

  /** These settings with {@code values}, keyed as in a configuration file. */
  public StrataSettings with(Map<String, String> values) {
    return with(values, key -> null);
  }

  /**
   * These settings with {@code values}, keyed as in a configuration file; a complaint about a key
   * ends with {@code (from SOURCE)}, SOURCE being what {@code source} answers for it, e.g. the
   * Spring property {@code strata.store}.
   */
  public StrataSettings with(Map<String, String> values, Function<String, String> source) {
    return new StrataSettings(configuration.with(values, source));
  }

  /** These settings with {@code key} set to {@code value}, as written in a configuration file. */
  public StrataSettings with(String key, String value) {
    return with(Map.of(key, value));
  }

  public StrataSettings catalog(Adapter adapter) {
    return with(ConfigurationKeys.CATALOG, adapter.toString());
  }

  public StrataSettings quotas(Adapter adapter) {
    return with(ConfigurationKeys.QUOTAS, adapter.toString());
  }

  public StrataSettings arns(Adapter adapter) {
    return with(ConfigurationKeys.ARNS, adapter.toString());
  }

  public StrataSettings store(Adapter adapter) {
    return with(ConfigurationKeys.STORE, adapter.toString());
  }

  /** The region of the AWS clients (by default the home {@code region}). */
  public StrataSettings awsRegion(String region) {
    return with(ConfigurationKeys.AWS_REGION, region);
  }

  /** The DynamoDB table of the {@code aws} store. */
  public StrataSettings table(String name) {
    return with(ConfigurationKeys.TABLE, name);
  }

  public StrataSettings createTable(boolean create) {
    return with(ConfigurationKeys.CREATE_TABLE, Boolean.toString(create));
  }

  /** An endpoint that replaces AWS's for {@code service}, e.g. DynamoDB Local. */
  public StrataSettings endpoint(AwsService service, URI endpoint) {
    return with(ConfigurationKeys.endpoint(service), endpoint.toString());
  }

  /** The SQLite state file that keeps the in-memory adapters' state. */
  public StrataSettings state(Path file) {
    return with(ConfigurationKeys.STATE, file.toString());
  }

  /** The home scope: the account Strata acts for. */
  public StrataSettings scope(String partition, String region, String account) {
    return with(
        Map.of(
            ConfigurationKeys.PARTITION, partition,
            ConfigurationKeys.REGION, region,
            ConfigurationKeys.ACCOUNT, account));
  }

  /** The seed of the in-memory ARN minter (D17). */
  public StrataSettings seed(long seed) {
    return with(ConfigurationKeys.SEED, Long.toString(seed));
  }

  /** The status transition policy (D9): {@code immediate}, {@code manual}, {@code after-reads:N}, {@code after-duration:PT30S}. */
  public StrataSettings transitions(String policy) {
    return with(ConfigurationKeys.TRANSITIONS, policy);
  }

  /** What Create does with a client request token reused with other parameters (D3). */
  public StrataSettings idempotency(IdempotencyMode mode) {
    return with(ConfigurationKeys.IDEMPOTENCY, mode.name());
  }

  /** The model-unit limit of {@code ledger} (D14). */
  public StrataSettings quota(QuotaLedger ledger, long units) {
    return with(ConfigurationKeys.QUOTA_PREFIX + ledger.name(), Long.toString(units));
  }

  /** What these settings describe. */
  public StrataConfiguration configuration() {
    return configuration;
  }

  /**
   * A Strata with the adapters these settings choose, and the resources they hold, which {@link
   * WiredStrata#close()} releases.
   *
   * @throws WiringException when the adapters cannot start: the DynamoDB table cannot be created
   *     or described, or an {@code aws} adapter is chosen without {@value Wiring#AWS_ARTIFACT} on
   *     the class path
   * @throws StateFileException when the state file is not one
   */
  public WiredStrata open() {
    return Wiring.open(configuration);
  }

  @Override
  public String toString() {
    return "StrataSettings" + configuration;
  }
}
