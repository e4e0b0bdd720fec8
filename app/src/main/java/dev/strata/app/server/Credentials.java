package dev.strata.app.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.strata.domain.AccountId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may call, and as which account: AWS access keys (for SigV4) and Bedrock API keys (for
 * {@code Authorization: Bearer}), each mapped to a twelve-digit account id. Read from a JSON file:
 *
 * <pre>{@code
 * {
 *   "accessKeys": [
 *     {"accessKeyId": "AKIAALICE0000000", "secretAccessKey": "...", "accountId": "111111111111"},
 *     {"accessKeyId": "AKIAADMIN0000000", "secretAccessKey": "...", "accountId": "111111111111",
 *      "admin": true}
 *   ],
 *   "apiKeys": [
 *     {"name": "ci-team-a", "apiKey": "ABSK...", "accountId": "111111111111"}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code "admin": true} (default false) lets a key use the control API beyond its own account:
 * the global clock and reset, the whole state, quota limits.
 *
 * <p>Secrets are held only as given (secret access keys, which SigV4 needs) or as SHA-256 digests
 * (API keys); {@link #toString()} and every error message leave them out. Immutable and
 * thread-safe.
 */
public final class Credentials {
  /** The environment variable that names the credentials file when {@code --credentials} is not given. */
  public static final String VARIABLE = "STRATA_CREDENTIALS";

  /** What an access key id may contain: it is one field of SigV4's {@code Credential=} value. */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Za-z0-9_+.-]{1,128}");

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<String> ACCESS_KEY_MEMBERS =
      Set.of("accessKeyId", "secretAccessKey", "accountId", "admin");
  private static final Set<String> API_KEY_MEMBERS = Set.of("name", "apiKey", "accountId", "admin");

  /**
   * An access key: its id, the secret SigV4 signatures are computed with, the account it acts
   * for, and whether it is an admin's.
   */
  public record AccessKey(String accessKeyId, String secretAccessKey, AccountId account, boolean admin) {
    @Override
    public String toString() {
      return "AccessKey[" + accessKeyId + " -> " + account + (admin ? ", admin" : "") + "]";
    }
  }

  /** A Bedrock API key, known only by its SHA-256 digest, with a name for audit lines. */
  public record ApiKey(String name, byte[] digest, AccountId account, boolean admin) {
    @Override
    public String toString() {
      return "ApiKey[" + name + " -> " + account + (admin ? ", admin" : "") + "]";
    }
  }

  private final Map<String, AccessKey> accessKeys;
  private final List<ApiKey> apiKeys;

  private Credentials(Map<String, AccessKey> accessKeys, List<ApiKey> apiKeys) {
    this.accessKeys = Map.copyOf(accessKeys);
    this.apiKeys = List.copyOf(apiKeys);
  }

  /** No credentials: every signed or bearer request is refused. */
  public static Credentials none() {
    return new Credentials(Map.of(), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The credentials in JSON file {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the member at fault, never a secret
   */
  public static Credentials read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "credentials: cannot read " + file + ": " + e.getClass().getSimpleName()
              + ": check the path given to --credentials (or STRATA_CREDENTIALS)",
          e);
    }
    return parse(json, file.toString());
  }

  /**
   * The credentials in {@code json}; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source and the member at fault, never a secret
   */
  public static Credentials parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "credentials: " + source + " is not valid JSON (line "
              + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw invalid(source, "$", "must be a JSON object with \"accessKeys\" and/or \"apiKeys\"");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("accessKeys") && !name.equals("apiKeys")) {
        throw invalid(source, "$." + name, "is not a known member (accessKeys, apiKeys)");
      }
    }
    Builder builder = builder();
    List<JsonNode> accessKeys = array(root, "accessKeys", source);
    for (int i = 0; i < accessKeys.size(); i++) {
      String path = "$.accessKeys[" + i + "]";
      JsonNode entry = object(accessKeys.get(i), path, ACCESS_KEY_MEMBERS, source);
      builder.add(
          path,
          source,
          text(entry, "accessKeyId", path, source),
          text(entry, "secretAccessKey", path, source),
          text(entry, "accountId", path, source),
          admin(entry, path, source));
    }
    List<JsonNode> apiKeys = array(root, "apiKeys", source);
    for (int i = 0; i < apiKeys.size(); i++) {
      String path = "$.apiKeys[" + i + "]";
      JsonNode entry = object(apiKeys.get(i), path, API_KEY_MEMBERS, source);
      String name = entry.has("name") ? text(entry, "name", path, source) : "api-key-" + (i + 1);
      builder.addApiKey(
          path,
          source,
          name,
          text(entry, "apiKey", path, source),
          text(entry, "accountId", path, source),
          admin(entry, path, source));
    }
    return builder.build();
  }

  /** The access key with this id. */
  public Optional<AccessKey> accessKey(String accessKeyId) {
    return Optional.ofNullable(accessKeys.get(accessKeyId));
  }

  /**
   * The API key {@code presented} is, compared by digest against every configured key without
   * stopping early, so the time taken says nothing about how close a guess came.
   */
  public Optional<ApiKey> apiKey(String presented) {
    byte[] digest = sha256(presented);
    ApiKey match = null;
    for (ApiKey key : apiKeys) {
      if (MessageDigest.isEqual(key.digest(), digest)) {
        match = key;
      }
    }
    return Optional.ofNullable(match);
  }

  /** Whether there is no key of either kind. */
  public boolean isEmpty() {
    return accessKeys.isEmpty() && apiKeys.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials[" + accessKeys.size() + " access keys, " + apiKeys.size() + " API keys]";
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static List<JsonNode> array(JsonNode root, String member, String source) {
    JsonNode node = root.get(member);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid(source, "$." + member, "must be an array");
    }
    List<JsonNode> entries = new ArrayList<>();
    node.forEach(entries::add);
    return entries;
  }

  private static JsonNode object(JsonNode node, String path, Set<String> members, String source) {
    if (!node.isObject()) {
      throw invalid(source, path, "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!members.contains(name)) {
        throw invalid(source, path + "." + name, "is not a known member " + new TreeSet<>(members));
      }
    }
    return node;
  }

  private static String text(JsonNode entry, String member, String path, String source) {
    JsonNode value = entry.get(member);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw invalid(source, path + "." + member, "must be a non-empty string");
    }
    return value.asText();
  }

  private static boolean admin(JsonNode entry, String path, String source) {
    JsonNode value = entry.get("admin");
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw invalid(source, path + ".admin", "must be true or false");
    }
    return value.booleanValue();
  }

  private static IllegalArgumentException invalid(String source, String path, String problem) {
    return new IllegalArgumentException("credentials: " + source + ": " + path + " " + problem);
  }

  /** Collects keys, refusing malformed ids and accounts and any key given twice. */
  public static final class Builder {
    private final Map<String, AccessKey> accessKeys = new HashMap<>();
    private final List<ApiKey> apiKeys = new ArrayList<>();

    private Builder() {}

    /** An access key acting for {@code accountId}. */
    public Builder accessKey(String accessKeyId, String secretAccessKey, String accountId) {
      return add("accessKey(" + accessKeyId + ")", "builder", accessKeyId, secretAccessKey, accountId, false);
    }

    /** An admin's access key acting for {@code accountId}: it may control every account. */
    public Builder adminAccessKey(String accessKeyId, String secretAccessKey, String accountId) {
      return add("accessKey(" + accessKeyId + ")", "builder", accessKeyId, secretAccessKey, accountId, true);
    }

    /** A Bedrock API key acting for {@code accountId}, named {@code name} in audit lines. */
    public Builder apiKey(String name, String apiKey, String accountId) {
      return addApiKey("apiKey(" + name + ")", "builder", name, apiKey, accountId, false);
    }

    /** An admin's Bedrock API key acting for {@code accountId}: it may control every account. */
    public Builder adminApiKey(String name, String apiKey, String accountId) {
      return addApiKey("apiKey(" + name + ")", "builder", name, apiKey, accountId, true);
    }

    public Credentials build() {
      return new Credentials(accessKeys, apiKeys);
    }

    private Builder add(
        String path, String source, String id, String secret, String accountId, boolean admin) {
      if (id == null || !ACCESS_KEY_ID.matcher(id).matches()) {
        throw invalid(source, path + ".accessKeyId", "must be 1 to 128 of [A-Za-z0-9_+.-]");
      }
      if (secret == null || secret.isEmpty()) {
        throw invalid(source, path + ".secretAccessKey", "must be a non-empty string");
      }
      AccessKey key = new AccessKey(id, secret, account(source, path, accountId), admin);
      if (accessKeys.putIfAbsent(id, key) != null) {
        throw invalid(source, path + ".accessKeyId", "repeats access key " + id);
      }
      return this;
    }

    private Builder addApiKey(
        String path, String source, String name, String apiKey, String accountId, boolean admin) {
      if (apiKey == null || apiKey.isEmpty() || apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw invalid(source, path + ".apiKey", "must be non-empty printable ASCII without spaces");
      }
      byte[] digest = sha256(apiKey);
      for (ApiKey existing : apiKeys) {
        if (MessageDigest.isEqual(existing.digest(), digest)) {
          throw invalid(source, path + ".apiKey", "repeats the API key named " + existing.name());
        }
      }
      apiKeys.add(new ApiKey(name, digest, account(source, path, accountId), admin));
      return this;
    }

    private static AccountId account(String source, String path, String accountId) {
      if (accountId == null || AccountId.parse(accountId).isInvalid()) {
        throw invalid(source, path + ".accountId", "must be twelve digits, not '" + accountId + "'");
      }
      return AccountId.of(accountId);
    }
  }
}
