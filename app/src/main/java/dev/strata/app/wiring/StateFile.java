package dev.strata.app.wiring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.json.PlainJson;
import dev.strata.composition.StateFileException;
import dev.strata.domain.ProvisionedThroughputAttributes;
import dev.strata.domain.StoredRecord;
import dev.strata.ports.driving.SavedState;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
 * Each provisioned throughput is its record as {@link ProvisionedThroughputAttributes} describes
 * it: every attribute, the optional ones ({@code failureMessage}, {@code commitmentDuration},
 * {@code commitmentExpirationTime}, {@code clientRequestToken}) only when present, timestamps as
 * ISO-8601 instants; reading rebuilds it so that its invariants hold, or names the JSON path of the
 * member that is missing or malformed. A missing file reads as {@link SavedState#empty()}; writing
 * replaces the file atomically.
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
    return fromJson(root)
        .getOrElseThrow(
            malformed ->
                new StateFileException("State file " + file + " is not a Strata state document: " + malformed, null));
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

  /** {@code state} as the JSON document this class writes. */
  public static ObjectNode toJson(SavedState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("idsMinted", state.idsMinted());
    ArrayNode list = root.putArray("provisionedThroughputs");
    state.provisionedThroughputs()
        .forEach(pt -> list.add(PlainJson.object(ProvisionedThroughputAttributes.toRecord(pt))));
    return root;
  }

  /**
   * The state {@code json} describes, or one sentence naming the JSON path of the member that is
   * missing or malformed ({@code $.provisionedThroughputs[2].modelUnits is missing}).
   */
  public static Either<String, SavedState> fromJson(JsonNode json) {
    return StoredRecord.of(PlainJson.plain(json), "$")
        .flatMap(
            root ->
                root.integer("version")
                    .filterOrElse(
                        v -> v == VERSION, v -> "version " + v + " is not the supported version " + VERSION)
                    .flatMap(v -> root.records("provisionedThroughputs"))
                    .flatMap(
                        records ->
                            Either.sequenceRight(
                                records.map(ProvisionedThroughputAttributes::fromRecord)))
                    .flatMap(
                        pts ->
                            root.integer("idsMinted")
                                .flatMap(m -> root.refusing("idsMinted", m, n -> new SavedState(n, pts.asJava())))));
  }
}
