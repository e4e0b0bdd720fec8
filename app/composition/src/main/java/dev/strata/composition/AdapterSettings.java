package dev.strata.composition;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which adapter implements each driven port, and where the AWS adapters find AWS.
 *
 * @param catalog the model catalog: in-memory seeded models, or Bedrock's GetFoundationModel and
 *     GetCustomModel
 * @param quotas where the model-unit LIMITS come from: the configured figures ({@code --quota},
 *     1000 each by default) or Service Quotas. Usage always lives with the store: in memory, or in
 *     the DynamoDB table next to the records
 * @param arns the ARN minter: in-memory (seeded, the configured account), or the caller's account
 *     from STS GetCallerIdentity
 * @param store the provisioned-throughput repository: in memory (one process), or DynamoDB (shared
 *     by every instance on the same table)
 * @param awsRegion the region of every AWS client; empty: the configured {@code region}
 * @param tableName the DynamoDB table of the {@code aws} store
 * @param createTable whether the {@code aws} store creates its table, if absent, on start
 * @param endpoints per AWS service, an endpoint that replaces AWS's (DynamoDB Local, a stand-in)
 * @param state the state file ({@code state}, {@code --state}, {@code STRATA_STATE}): the SQLite
 *     database that keeps the store and the minter's position, for every port in memory; empty:
 *     the store lives in this process only
 */
public record AdapterSettings(
    Adapter catalog,
    Adapter quotas,
    Adapter arns,
    Adapter store,
    Optional<String> awsRegion,
    String tableName,
    boolean createTable,
    Map<AwsService, URI> endpoints,
    Optional<Path> state) {

  public static final String DEFAULT_TABLE = "strata";

  /** DynamoDB's rule for table names. */
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+");

  /** An implementation of a driven port. */
  public enum Adapter {
    INMEMORY,
    AWS;

    /** {@code inmemory} or {@code aws}, any case. */
    public static Adapter parse(String key, String value) {
      for (Adapter a : values()) {
        if (a.name().equalsIgnoreCase(value.trim())) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          key + ": unknown adapter '" + value + "'; expected inmemory or aws");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The AWS services whose endpoint can be overridden, by the names the configuration uses. */
  public enum AwsService {
    BEDROCK("bedrock"),
    SERVICE_QUOTAS("servicequotas"),
    STS("sts"),
    DYNAMODB("dynamodb");

    private final String key;

    AwsService(String key) {
      this.key = key;
    }

    /** {@code bedrock}, {@code servicequotas}, {@code sts} or {@code dynamodb}. */
    public String key() {
      return key;
    }

    public static AwsService parse(String configurationKey, String name) {
      for (AwsService s : values()) {
        if (s.key.equalsIgnoreCase(name.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          configurationKey
              + ": unknown AWS service '"
              + name
              + "'; expected bedrock, servicequotas, sts or dynamodb");
    }
  }

  /** Checks every setting and combination; a bad one throws {@link IllegalArgumentException} naming its key. */
  public AdapterSettings {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(quotas, "quotas");
    Objects.requireNonNull(arns, "arns");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(tableName, "tableName");
    awsRegion.ifPresent(r -> requireRegion(ConfigurationKeys.AWS_REGION, r));
    requireTable(tableName);
    if (quotas == Adapter.AWS && store != Adapter.AWS) {
      throw new ConfigurationException(
          ConfigurationKeys.QUOTAS,
          null,
          ConfigurationKeys.QUOTAS
              + ": aws needs "
              + ConfigurationKeys.STORE
              + " aws: the limits come from Service Quotas, but the usage they bound is kept in the"
              + " DynamoDB table with the provisioned throughputs",
          null);
    }
    Objects.requireNonNull(state, "state");
    if (state.isPresent() && (catalog == Adapter.AWS || quotas == Adapter.AWS || arns == Adapter.AWS || store == Adapter.AWS)) {
      throw new ConfigurationException(
          ConfigurationKeys.STATE,
          null,
          ConfigurationKeys.STATE
              + " (--state, STRATA_STATE) keeps the in-memory adapters' state in a file; with an aws"
              + " adapter the state lives in AWS: every adapter must be inmemory",
          null);
    }
    endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    endpoints.forEach((service, uri) -> requireEndpoint(ConfigurationKeys.endpoint(service), uri));
  }

  /** Every port in memory, table {@value #DEFAULT_TABLE} created on start, no endpoint overrides. */
  public static AdapterSettings defaults() {
    return new AdapterSettings(
        Adapter.INMEMORY,
        Adapter.INMEMORY,
        Adapter.INMEMORY,
        Adapter.INMEMORY,
        Optional.empty(),
        DEFAULT_TABLE,
        true,
        Map.of(),
        Optional.empty());
  }

  /** Whether any port is implemented by an AWS adapter (and so AWS clients are held). */
  public boolean usesAws() {
    return catalog == Adapter.AWS || quotas == Adapter.AWS || arns == Adapter.AWS || store == Adapter.AWS;
  }

  /** The key of the first port ({@code catalog}, {@code quotas}, {@code arns}, {@code store}) on {@code aws}. */
  String firstAwsPort() {
    return catalog == Adapter.AWS
        ? ConfigurationKeys.CATALOG
        : quotas == Adapter.AWS ? ConfigurationKeys.QUOTAS : arns == Adapter.AWS ? ConfigurationKeys.ARNS : ConfigurationKeys.STORE;
  }

  /** These settings with {@code key} set to {@code value}, as written in a file, a variable or a flag. */
  public AdapterSettings with(String key, String value) {
    return with(Map.of(key, value), k -> null);
  }

  /**
   * These settings with every key of {@code values} set to its value, checked together (so that,
   * e.g., {@code quotas=aws} and {@code store=aws} may come in any order).
   *
   * @param source where each key's value came from, appended to a complaint about it; null: nowhere
   * @throws ConfigurationException naming the key of a bad value or of an unknown key
   */
  public AdapterSettings with(Map<String, String> values, Function<String, String> source) {
    Adapter catalog = this.catalog;
    Adapter quotas = this.quotas;
    Adapter arns = this.arns;
    Adapter store = this.store;
    Optional<String> region = this.awsRegion;
    String table = this.tableName;
    boolean create = this.createTable;
    Optional<Path> state = this.state;
    Map<AwsService, URI> endpoints = new EnumMap<>(AwsService.class);
    endpoints.putAll(this.endpoints);
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      String key = e.getKey();
      String value = Objects.requireNonNull(e.getValue(), key);
      try {
        switch (key) {
          case ConfigurationKeys.CATALOG -> catalog = Adapter.parse(key, value);
          case ConfigurationKeys.QUOTAS -> quotas = Adapter.parse(key, value);
          case ConfigurationKeys.ARNS -> arns = Adapter.parse(key, value);
          case ConfigurationKeys.STORE -> store = Adapter.parse(key, value);
          case ConfigurationKeys.AWS_REGION -> region = Optional.of(requireRegion(key, value.trim()));
          case ConfigurationKeys.TABLE -> table = requireTable(value.trim());
          case ConfigurationKeys.CREATE_TABLE -> create = bool(key, value);
          case ConfigurationKeys.STATE -> state = value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
          default -> {
            if (!key.startsWith(ConfigurationKeys.ENDPOINT_PREFIX)) {
              throw new IllegalArgumentException(
                  key + ": unknown configuration key; expected one of " + ConfigurationKeys.ALL);
            }
            AwsService service =
                AwsService.parse(key, key.substring(ConfigurationKeys.ENDPOINT_PREFIX.length()));
            endpoints.put(service, endpoint(key, value.trim()));
          }
        }
      } catch (IllegalArgumentException bad) {
        throw ConfigurationException.of(key, source.apply(key), bad);
      }
    }
    return new AdapterSettings(catalog, quotas, arns, store, region, table, create, endpoints, state);
  }

  private static String requireTable(String tableName) {
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          ConfigurationKeys.TABLE
              + ": '"
              + tableName
              + "' is not a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, _ . -)");
    }
    return tableName;
  }

  private static boolean bool(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          key + ": '" + value + "' is not a boolean; expected true or false");
    };
  }

  private static String requireRegion(String key, String region) {
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(key + ": '" + region + "' is not an AWS region name (e.g. us-east-1)");
    }
    return region;
  }

  private static URI endpoint(String key, String value) {
    try {
      return requireEndpoint(key, new URI(value));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + ": '" + value + "' is not a URI: " + e.getReason(), e);
    }
  }

  private static URI requireEndpoint(String key, URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          key + ": '" + uri + "' is not an http(s) endpoint such as http://127.0.0.1:8000");
    }
    return uri;
  }
}
