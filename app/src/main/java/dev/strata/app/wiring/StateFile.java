package dev.strata.app.wiring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link SavedState} as a JSON file:
 *
 * <pre>{@code
 * {
 *   "version" : 1,
 *   "idsMinted" : 2,
 *   "provisionedThroughputs" : [ {
 *     "provisionedModelArn" : "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/8ejjbkxmk7t9",
 *     "provisionedModelName" : "demo", "modelUnits" : 1, "desiredModelUnits" : 1,
 *     "modelArn" : "...", "desiredModelArn" : "...", "foundationModelArn" : "...",
 *     "status" : "InService",
 *     "creationTime" : "2025-01-02T03:04:05.678Z", "lastModifiedTime" : "...",
 *     "failureMessage" : "...", "commitmentDuration" : "OneMonth", "commitmentExpirationTime" : "...",
 *     "tags" : [ { "key" : "team", "value" : "ml" } ],
 *     "clientRequestToken" : "...",
 *     "creationRequest" : { "provisionedModelName" : "demo", "modelUnits" : 1,
 *                           "modelId" : "amazon.nova-lite-v1:0:24k", "commitmentDuration" : "OneMonth",
 *                           "tags" : [ ] },
 *     "quotaCharge" : { "ledger" : "COMMITTED_PER_MODEL", "modelId" : "amazon.nova-lite-v1:0:24k", "units" : 1 },
 *     "pendingObservations" : 0,
 *     "version" : 1
 *   } ]
 * }
 * }</pre>
 *
 * Every attribute of the aggregate is written; the optional ones ({@code failureMessage}, {@code
 * commitmentDuration}, {@code commitmentExpirationTime}, {@code clientRequestToken}) only when
 * present. Timestamps are ISO-8601 instants. Reading rebuilds each provisioned throughput through
 * {@link ProvisionedThroughput#rehydrate()}, so its invariants hold. A missing file reads as {@link
 * SavedState#empty()}; writing replaces the file atomically.
 */
public final class StateFile {
  /** The version of the format this class reads and writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private StateFile() {}

  /** The state saved in {@code file}; empty when there is no such file. */
  public static SavedState read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return SavedState.empty();
    } catch (IOException e) {
      throw new StateFileException("Cannot read state file " + file + ": " + reason(e), e);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new StateFileException("State file " + file + " is not valid JSON: " + syntax(e), e);
    }
    try {
      return fromJson(new Node(root, "$"));
    } catch (Malformed e) {
      throw new StateFileException(
          "State file " + file + " is not a Strata state document: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces {@code file} with {@code state}: written to a temporary file in the same directory,
   * then moved over {@code file} in one step, so a reader sees the old state or the new, never
   * half of one.
   */
  public static void write(Path file, SavedState state) {
    Path absolute = file.toAbsolutePath();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      Files.write(temporary, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(state)));
      move(temporary, absolute);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new StateFileException("Cannot write state file " + file + ": " + reason(e), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace it atomically", e);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the temporary file is named after the state file and harmless; the write error matters
      }
    }
  }

  /** Jackson's complaint and where, without its note on the (undisclosed) source. */
  private static String syntax(IOException e) {
    if (!(e instanceof JacksonException)) {
      return reason(e);
    }
    JacksonException j = (JacksonException) e;
    String complaint = j.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*$", "");
    return j.getLocation() == null
        ? complaint
        : complaint + " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
  }

  private static String reason(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }

  static ObjectNode toJson(SavedState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("idsMinted", state.idsMinted());
    ArrayNode list = root.putArray("provisionedThroughputs");
    state.provisionedThroughputs().forEach(pt -> list.add(toJson(pt)));
    return root;
  }

  private static ObjectNode toJson(ProvisionedThroughput pt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("provisionedModelArn", pt.provisionedModelArn().value());
    node.put("provisionedModelName", pt.provisionedModelName().value());
    node.put("modelUnits", pt.modelUnits().value());
    node.put("desiredModelUnits", pt.desiredModelUnits().value());
    node.put("modelArn", pt.modelArn().value());
    node.put("desiredModelArn", pt.desiredModelArn().value());
    node.put("foundationModelArn", pt.foundationModelArn().value());
    node.put("status", pt.status().name());
    node.put("creationTime", pt.creationTime().toString());
    node.put("lastModifiedTime", pt.lastModifiedTime().toString());
    pt.failureMessage().ifPresent(m -> node.put("failureMessage", m));
    pt.commitmentDuration().ifPresent(c -> node.put("commitmentDuration", c.name()));
    pt.commitmentExpirationTime().ifPresent(t -> node.put("commitmentExpirationTime", t.toString()));
    putTags(node, pt.tags().asList());
    pt.clientRequestToken().ifPresent(t -> node.put("clientRequestToken", t.value()));
    CreationRequest request = pt.creationRequest();
    ObjectNode creation = node.putObject("creationRequest");
    creation.put("provisionedModelName", request.provisionedModelName().value());
    creation.put("modelUnits", request.modelUnits().value());
    creation.put("modelId", request.modelId().value());
    request.commitmentDuration().ifPresent(c -> creation.put("commitmentDuration", c.name()));
    putTags(creation, request.tags());
    ObjectNode charge = node.putObject("quotaCharge");
    charge.put("ledger", pt.quotaCharge().key().ledger().name());
    pt.quotaCharge().key().modelId().ifPresent(m -> charge.put("modelId", m));
    charge.put("units", pt.quotaCharge().units().value());
    node.put("pendingObservations", pt.pendingObservations());
    node.put("version", pt.version());
    return node;
  }

  private static void putTags(ObjectNode node, Iterable<Tag> tags) {
    ArrayNode list = node.putArray("tags");
    tags.forEach(t -> list.addObject().put("key", t.key().value()).put("value", t.value().value()));
  }

  private static SavedState fromJson(Node root) {
    long version = root.integer("version");
    if (version != VERSION) {
      throw new Malformed("version " + version + " is not the supported version " + VERSION);
    }
    List<ProvisionedThroughput> pts = new ArrayList<>();
    for (Node pt : root.array("provisionedThroughputs")) {
      pts.add(provisionedThroughput(pt));
    }
    long minted = root.integer("idsMinted");
    return root.value("idsMinted", minted, m -> new SavedState(m, pts));
  }

  private static ProvisionedThroughput provisionedThroughput(Node n) {
    ProvisionedThroughput.Builder b =
        ProvisionedThroughput.rehydrate()
            .provisionedModelArn(n.parsed("provisionedModelArn", ProvisionedModelArn::parse))
            .provisionedModelName(n.parsed("provisionedModelName", ProvisionedModelName::parse))
            .modelUnits(n.units("modelUnits"))
            .desiredModelUnits(n.units("desiredModelUnits"))
            .modelArn(n.parsed("modelArn", ModelArn::parse))
            .desiredModelArn(n.parsed("desiredModelArn", ModelArn::parse))
            .foundationModelArn(n.text("foundationModelArn", StateFile::foundationModelArn))
            .status(n.text("status", s -> ProvisionedModelStatus.fromName(s).getOrElseThrow(() -> unknown(s))))
            .creationTime(n.text("creationTime", Instant::parse))
            .lastModifiedTime(n.text("lastModifiedTime", Instant::parse))
            .failureMessage(n.optionalText("failureMessage", Function.identity()))
            .commitmentDuration(n.optionalText("commitmentDuration", StateFile::commitment))
            .commitmentExpirationTime(n.optionalText("commitmentExpirationTime", Instant::parse))
            .tags(n.value("tags", tags(n.array("tags")), StateFile::resourceTags))
            .clientRequestToken(n.optionalText("clientRequestToken", ClientRequestToken::of))
            .creationRequest(creationRequest(n.object("creationRequest")))
            .quotaCharge(quotaCharge(n.object("quotaCharge")))
            .pendingObservations(n.value("pendingObservations", n.integer("pendingObservations"), Math::toIntExact))
            .version(n.integer("version"));
    return n.value("", b, StateFile::build);
  }

  private static ProvisionedThroughput build(ProvisionedThroughput.Builder b) {
    return b.build();
  }

  private static CreationRequest creationRequest(Node n) {
    return CreationRequest.of(
        n.parsed("provisionedModelName", ProvisionedModelName::parse),
        n.units("modelUnits"),
        n.parsed("modelId", ModelIdentifier::parse),
        n.optionalText("commitmentDuration", StateFile::commitment),
        tags(n.array("tags")));
  }

  private static QuotaCharge quotaCharge(Node n) {
    QuotaLedger ledger = n.text("ledger", StateFile::ledger);
    Optional<String> modelId = n.optionalText("modelId", Function.identity());
    if ((ledger == QuotaLedger.COMMITTED_PER_MODEL) != modelId.isPresent()) {
      throw new Malformed(
          n.path("modelId") + " is present exactly when the ledger is " + QuotaLedger.COMMITTED_PER_MODEL);
    }
    QuotaKey key =
        switch (ledger) {
          case NO_COMMITMENT_BASE_MODELS -> QuotaKey.noCommitmentBaseModels();
          case NO_COMMITMENT_CUSTOM_MODELS -> QuotaKey.noCommitmentCustomModels();
          case COMMITTED_PER_MODEL -> QuotaKey.committed(modelId.get());
        };
    return QuotaCharge.of(key, n.units("units"));
  }

  private static QuotaLedger ledger(String name) {
    for (QuotaLedger ledger : QuotaLedger.values()) {
      if (ledger.name().equals(name)) {
        return ledger;
      }
    }
    throw unknown(name);
  }

  private static List<Tag> tags(List<Node> items) {
    List<Tag> tags = new ArrayList<>();
    for (Node item : items) {
      tags.add(item.value("", item, t -> Tag.of(t.text("key", Function.identity()), t.text("value", Function.identity()))));
    }
    return tags;
  }

  private static Tags resourceTags(List<Tag> tags) {
    return Tags.empty()
        .tag(io.vavr.collection.List.ofAll(tags), "tags", Optional.empty())
        .getOrElseThrow(e -> new IllegalArgumentException(e.message()));
  }

  private static FoundationModelArn foundationModelArn(String raw) {
    ModelArn arn = ModelArn.parse(raw).toEither().getOrElseThrow(broken -> new IllegalArgumentException(broken.mkString("; ")));
    if (!(arn instanceof FoundationModelArn)) {
      throw new IllegalArgumentException("not a foundation-model ARN");
    }
    return (FoundationModelArn) arn;
  }

  private static CommitmentDuration commitment(String name) {
    return CommitmentDuration.fromName(name).getOrElseThrow(() -> unknown(name));
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown value '" + name + "'");
  }

  /** The document does not have the shape or the values of a saved state. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** One JSON value and its path from the document root, for messages such as {@code $.a[0].b}. */
  private static final class Node {
    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
      this.json = json;
      this.path = path;
      if (!json.isObject()) {
        throw new Malformed(path + " must be an object");
      }
    }

    String path(String member) {
      return member.isEmpty() ? path : path + "." + member;
    }

    private JsonNode member(String member, boolean required) {
      JsonNode value = json.get(member);
      if (value == null || value.isNull()) {
        if (required) {
          throw new Malformed(path(member) + " is missing");
        }
        return null;
      }
      return value;
    }

    long integer(String member) {
      JsonNode value = member(member, true);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new Malformed(path(member) + " must be an integer");
      }
      return value.longValue();
    }

    ModelUnits units(String member) {
      return value(member, integer(member), u -> ModelUnits.of(Math.toIntExact(u)));
    }

    <T> T text(String member, Function<String, T> parse) {
      return optionalText(member, parse).orElseThrow(() -> new Malformed(path(member) + " is missing"));
    }

    <T> Optional<T> optionalText(String member, Function<String, T> parse) {
      JsonNode value = member(member, false);
      if (value == null) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw new Malformed(path(member) + " must be a string");
      }
      return Optional.of(value(member, value.textValue(), parse));
    }

    <T> T parsed(String member, Function<String, Validation<Seq<String>, ? extends T>> parse) {
      return text(
          member,
          raw ->
              parse.apply(raw).toEither().getOrElseThrow(broken -> new IllegalArgumentException(broken.mkString("; "))));
    }

    Node object(String member) {
      return new Node(member(member, true), path(member));
    }

    List<Node> array(String member) {
      JsonNode value = member(member, true);
      if (!value.isArray()) {
        throw new Malformed(path(member) + " must be a list");
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        items.add(new Node(value.get(i), path(member) + "[" + i + "]"));
      }
      return items;
    }

    /** {@code convert(raw)}; a value the domain refuses is reported at {@code member}. */
    <R, T> T value(String member, R raw, Function<R, T> convert) {
      try {
        return convert.apply(raw);
      } catch (Malformed e) {
        throw e;
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | DateTimeParseException e) {
        throw new Malformed(path(member) + ": " + e.getMessage());
      }
    }
  }
}
