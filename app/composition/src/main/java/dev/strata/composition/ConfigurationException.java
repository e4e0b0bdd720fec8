package dev.strata.composition;

import java.util.Optional;

/**
 * A configuration key with a bad value, an unknown key, or keys that do not go together. The
 * message names the key, the constraint and, when known, where the value came from, e.g. {@code
 * store: unknown adapter 'dynamo'; expected inmemory or aws (from STRATA_STORE)}: the CLI prints it
 * as a usage error, the Spring Boot starter's failure analyzer as the property to correct.
 */
public final class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String source;

  ConfigurationException(String key, String source, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.source = source;
  }

  /** The key whose value is refused, as written in a configuration file, e.g. {@code aws.region}. */
  public String key() {
    return key;
  }

  /** Where the value came from, e.g. {@code STRATA_STORE}; empty when the caller named none. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** {@code bad}, which names {@code key}, with {@code source} appended when there is one. */
  static ConfigurationException of(String key, String source, IllegalArgumentException bad) {
    if (bad instanceof ConfigurationException known && source == null) {
      return known;
    }
    String message = source == null ? bad.getMessage() : bad.getMessage() + " (from " + source + ")";
    return new ConfigurationException(key, source, message, bad);
  }
}
