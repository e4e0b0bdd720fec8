package dev.strata.spring;

import dev.strata.composition.ConfigurationKeys;
import dev.strata.composition.StrataSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code strata.*} properties: Strata's configuration keys (the ones {@code serve} reads from
 * its file) under the prefix {@code strata}, e.g. {@code strata.store}, {@code strata.aws.region},
 * {@code strata.endpoint.dynamodb}, {@code strata.quota.L-FE44174A}. Values are kept as written and
 * checked by {@link StrataSettings}, with the CLI's messages. Unset: the key's default.
 */
@ConfigurationProperties(prefix = StrataProperties.PREFIX)
public class StrataProperties {
  public static final String PREFIX = "strata";

  /** The model catalog: inmemory (the seeded models) or aws (Bedrock). Default: inmemory. */
  private String catalog;

  /** Where model-unit limits come from: inmemory (strata.quota.*) or aws (Service Quotas; needs strata.store aws). Default: inmemory. */
  private String quotas;

  /** The ARN minter: inmemory (seeded, strata.account) or aws (the STS caller's account). Default: inmemory. */
  private String arns;

  /** Where provisioned throughputs and quota usage live: inmemory (this process) or aws (a DynamoDB table). Default: inmemory. */
  private String store;

  private final Aws aws = new Aws();

  /** The DynamoDB table of the aws store. Default: strata. */
  private String table;

  /** Whether the aws store creates its table, if absent, on start. Default: true. */
  private Boolean createTable;

  /** Endpoints that replace AWS's, by service: bedrock, servicequotas, sts, dynamodb (e.g. DynamoDB Local). */
  private Map<String, String> endpoint = new LinkedHashMap<>();

  /** The SQLite state file that keeps the in-memory adapters' state; every adapter must be inmemory. Default: none. */
  private String state;

  /** The partition of the home account. Default: aws. */
  private String partition;

  /** The region of the home account, and of requests that name none. Default: us-east-1. */
  private String region;

  /** The twelve-digit home account. Default: 123456789012. */
  private String account;

  /** The seed of the in-memory ARN minter: the same seed mints the same ARNs. Default: 0. */
  private Long seed;

  /** When Creating and Updating move on (D9): immediate, manual, after-reads:N or after-duration:PT30S. Default: immediate. */
  private String transitions;

  /** A client request token reused with other parameters (D3): LENIENT or STRICT. Default: LENIENT. */
  private String idempotency;

  /** Model-unit limits by ledger (D14): L-FE44174A, L-BE77399C, committed. Default: 1000 each. */
  private Map<String, String> quota = new LinkedHashMap<>();

  /** The AWS clients' settings. */
  public static class Aws {
    /** The region of the AWS clients. Default: strata.region. */
    private String region;

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }
  }

  /**
   * The settings these properties describe, each checked as the CLI checks it.
   *
   * @throws dev.strata.composition.ConfigurationException naming the key (the property without its
   *     {@code strata.} prefix) of a bad value
   */
  public StrataSettings settings() {
    return StrataSettings.defaults().with(keys(), key -> PREFIX + "." + key);
  }

  /** The properties that are set, keyed as in Strata's configuration file. */
  Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    put(keys, ConfigurationKeys.CATALOG, catalog);
    put(keys, ConfigurationKeys.QUOTAS, quotas);
    put(keys, ConfigurationKeys.ARNS, arns);
    put(keys, ConfigurationKeys.STORE, store);
    put(keys, ConfigurationKeys.AWS_REGION, aws.getRegion());
    put(keys, ConfigurationKeys.TABLE, table);
    put(keys, ConfigurationKeys.CREATE_TABLE, createTable);
    endpoint.forEach((service, uri) -> put(keys, ConfigurationKeys.ENDPOINT_PREFIX + service, uri));
    put(keys, ConfigurationKeys.STATE, state);
    put(keys, ConfigurationKeys.PARTITION, partition);
    put(keys, ConfigurationKeys.REGION, region);
    put(keys, ConfigurationKeys.ACCOUNT, account);
    put(keys, ConfigurationKeys.SEED, seed);
    put(keys, ConfigurationKeys.TRANSITIONS, transitions);
    put(keys, ConfigurationKeys.IDEMPOTENCY, idempotency);
    quota.forEach((ledger, units) -> put(keys, ConfigurationKeys.QUOTA_PREFIX + ledger, units));
    return keys;
  }

  private static void put(Map<String, String> keys, String key, Object value) {
    if (value != null) {
      keys.put(key, value.toString());
    }
  }

  public String getCatalog() {
    return catalog;
  }

  public void setCatalog(String catalog) {
    this.catalog = catalog;
  }

  public String getQuotas() {
    return quotas;
  }

  public void setQuotas(String quotas) {
    this.quotas = quotas;
  }

  public String getArns() {
    return arns;
  }

  public void setArns(String arns) {
    this.arns = arns;
  }

  public String getStore() {
    return store;
  }

  public void setStore(String store) {
    this.store = store;
  }

  public Aws getAws() {
    return aws;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public Boolean getCreateTable() {
    return createTable;
  }

  public void setCreateTable(Boolean createTable) {
    this.createTable = createTable;
  }

  public Map<String, String> getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(Map<String, String> endpoint) {
    this.endpoint = endpoint;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getPartition() {
    return partition;
  }

  public void setPartition(String partition) {
    this.partition = partition;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public String getTransitions() {
    return transitions;
  }

  public void setTransitions(String transitions) {
    this.transitions = transitions;
  }

  public String getIdempotency() {
    return idempotency;
  }

  public void setIdempotency(String idempotency) {
    this.idempotency = idempotency;
  }

  public Map<String, String> getQuota() {
    return quota;
  }

  public void setQuota(Map<String, String> quota) {
    this.quota = quota;
  }
}
