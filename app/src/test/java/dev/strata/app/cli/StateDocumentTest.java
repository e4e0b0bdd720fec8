package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.composition.AdapterSettings;
import dev.strata.ports.driving.SavedState;
import dev.strata.app.wiring.StateFile;
import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.WiredStrata;
import dev.strata.composition.Wiring;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON state document: what {@code export} writes from a state file, what {@code import} reads
 * into one, and how a document it cannot use is reported.
 */
class StateDocumentTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @TempDir Path dir;

  private Path state() {
    return dir.resolve("strata.db");
  }

  private Path document() {
    return dir.resolve("strata.json");
  }

  private CliRun run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--state";
    all[args.length + 1] = state().toString();
    return CliRun.of(all);
  }

  private static void assertStateError(String message, CliRun r) {
    assertEquals("", r.out());
    assertEquals(message + "\n", r.err());
    assertEquals(2, r.exitCode());
  }

  /**
   * The state file {@code file}, holding one provisioned throughput in each shape the aggregate
   * can take, exported as a document.
   */
  private SavedState everyShape(Path file) {
    StrataConfiguration configuration =
        StrataConfiguration.defaults()
            .withSeed(7)
            .withTransitions("after-reads:5")
            .withAdapters(AdapterSettings.defaults().with("state", file.toString()));
    try (WiredStrata wired = Wiring.open(configuration)) {
      Strata strata = wired.strata();
      strata.createProvisionedModelThroughput(
          CreateProvisionedModelThroughputCommand.builder("committed", MODEL, 2)
              .commitmentDuration(CommitmentDuration.SixMonths)
              .clientRequestToken("token-1")
              .tag("team", "ml")
              .tag("env", "dev")
              .build());
      strata.createProvisionedModelThroughput(
          CreateProvisionedModelThroughputCommand.builder("custom", "support-bot-titan", 1).build());
      strata.createProvisionedModelThroughput(
          CreateProvisionedModelThroughputCommand.builder("failing", MODEL, 1).build());
      strata.getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("committed"));
      strata.getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("committed"));
      strata.completeTransition("custom");
      strata.updateProvisionedModelThroughput(
          new UpdateProvisionedModelThroughputCommand(
              "custom", "renamed", "amazon.titan-text-express-v1:0:8k"));
      strata.failTransition("failing", "Capacity is not available.");
    }
    Path exported = file.resolveSibling(file.getFileName() + ".json");
    assertEquals(0, CliRun.of("export", "--to", exported.toString(), "--state", file.toString()).exitCode());
    return StateFile.read(exported);
  }

  @Test
  void a_state_file_keeps_every_attribute_of_every_aggregate_and_exports_and_imports_them_unchanged() {
    SavedState saved = everyShape(state());
    List<ProvisionedThroughput> pts = byName(saved, "committed", "renamed", "failing");
    assertEquals(3, saved.idsMinted());
    assertEquals(
        "Creating 2 token-1 [team=ml, env=dev] SixMonths; Updating 0 - [] -; Failed 0 - [] -",
        pts.stream()
            .map(pt -> pt.status() + " " + pt.pendingObservations() + " "
                + pt.clientRequestToken().map(Object::toString).orElse("-") + " "
                + pt.tags().asList().asJava() + " "
                + pt.commitmentDuration().map(Enum::name).orElse("-"))
            .collect(Collectors.joining("; ")));
    assertEquals("Capacity is not available.", pts.get(2).failureMessage().orElseThrow());
    assertTrue(!pts.get(1).modelArn().equals(pts.get(1).desiredModelArn()));

    StateFile.write(document(), saved);
    Path other = dir.resolve("other.db");
    CliRun imported = CliRun.of("import", "--from", document().toString(), "--state", other.toString());
    assertEquals(
        "Imported 3 provisioned throughputs from " + document() + " into " + other + "; ids minted: 3.\n",
        imported.out());
    Path again = dir.resolve("again.json");
    assertEquals(0, CliRun.of("export", "--to", again.toString(), "--state", other.toString()).exitCode());

    assertEquals(saved, StateFile.read(again));
  }

  /** The provisioned throughputs of {@code state} with {@code names}, in that order; no others. */
  private static List<ProvisionedThroughput> byName(SavedState state, String... names) {
    assertEquals(names.length, state.provisionedThroughputs().size());
    return java.util.Arrays.stream(names)
        .map(
            name ->
                state.provisionedThroughputs().stream()
                    .filter(pt -> pt.provisionedModelName().value().equals(name))
                    .findFirst()
                    .orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void the_state_document_is_versioned_and_names_every_attribute() throws IOException {
    everyShape(dir.resolve("shapes.db"));

    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(dir.resolve("shapes.db.json").toFile());

    assertEquals(1, root.get("version").intValue());
    assertEquals(3, root.get("idsMinted").intValue());
    ObjectNode committed = null;
    for (var pt : root.get("provisionedThroughputs")) {
      if (pt.get("provisionedModelName").asText().equals("committed")) {
        committed = (ObjectNode) pt;
      }
    }
    List<String> names = new java.util.ArrayList<>();
    committed.fieldNames().forEachRemaining(names::add);
    assertEquals(
        List.of(
            "provisionedModelArn", "provisionedModelName", "modelUnits", "desiredModelUnits",
            "modelArn", "desiredModelArn", "foundationModelArn", "status", "creationTime",
            "lastModifiedTime", "commitmentDuration", "commitmentExpirationTime", "tags",
            "clientRequestToken", "creationRequest", "quotaCharge", "pendingObservations",
            "version"),
        names);
    assertEquals(
        "{\"ledger\":\"COMMITTED_PER_MODEL\",\"modelId\":\"amazon.nova-lite-v1:0:24k\",\"units\":2}",
        committed.get("quotaCharge").toString());
  }

  @Test
  void nested_records_keep_their_member_order() throws IOException {
    everyShape(dir.resolve("ordered.db"));

    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(dir.resolve("ordered.db.json").toFile());

    for (var pt : root.get("provisionedThroughputs")) {
      if (pt.get("provisionedModelName").asText().equals("committed")) {
        assertEquals("[{\"key\":\"team\",\"value\":\"ml\"},{\"key\":\"env\",\"value\":\"dev\"}]", pt.get("tags").toString());
        assertEquals(
            "{\"provisionedModelName\":\"committed\",\"modelUnits\":2,\"modelId\":\"amazon.nova-lite-v1:0:24k\","
                + "\"commitmentDuration\":\"SixMonths\",\"tags\":[{\"key\":\"team\",\"value\":\"ml\"},"
                + "{\"key\":\"env\",\"value\":\"dev\"}]}",
            pt.get("creationRequest").toString());
      }
    }
  }

  private CliRun importDocument() {
    return run("import", "--from", document().toString());
  }

  @Test
  void a_document_that_is_not_json_is_a_usage_error_naming_it() throws IOException {
    Files.writeString(document(), "{\"version\": 1, \"provisionedThroughputs\": [");

    assertStateError(
        "State file " + document() + " is not valid JSON: Unexpected end-of-input: expected close"
            + " marker for Array at line 1, column 43",
        importDocument());
  }

  @Test
  void a_document_of_another_shape_is_a_usage_error_naming_it_and_the_member() throws IOException {
    Files.writeString(document(), "[]");
    assertStateError("State file " + document() + " is not a Strata state document: $ must be an object", importDocument());

    Files.writeString(document(), "{\"version\": 2, \"idsMinted\": 0, \"provisionedThroughputs\": []}");
    assertStateError(
        "State file " + document() + " is not a Strata state document: version 2 is not the supported version 1",
        importDocument());

    Files.delete(document());
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    assertEquals(0, run("export", "--to", document().toString()).exitCode());
    String json = Files.readString(document());
    Files.writeString(document(), json.replaceFirst("\"modelUnits\" : 1", "\"modelUnits\" : 0"));
    assertStateError(
        "State file " + document() + " is not a Strata state document: $.provisionedThroughputs[0].modelUnits:"
            + " ModelUnits 0 is below 1",
        importDocument());

    Files.writeString(document(), json.replaceFirst("\"status\" : \"InService\"", "\"status\" : \"Sleeping\""));
    assertStateError(
        "State file " + document() + " is not a Strata state document: $.provisionedThroughputs[0].status:"
            + " unknown value 'Sleeping'",
        importDocument());
  }

  @Test
  void export_never_overwrites_a_file_and_import_and_export_need_a_state_file() throws IOException {
    Files.writeString(document(), "mine");
    assertStateError("Export file " + document() + " exists; export writes a new file", run("export", "--to", document().toString()));
    assertEquals("mine", Files.readString(document()));

    CliRun r = CliRun.of("export", "--to", dir.resolve("x.json").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("export needs --state PATH (or STRATA_STATE): the state file"), r.err());
  }

  /** The state file's provisioned throughputs and minter position, as {@code export} writes them. */
  private String exported() {
    Path to = dir.resolve("exported-" + System.nanoTime() + ".json");
    assertEquals(0, run("export", "--to", to.toString()).exitCode());
    try {
      return Files.readString(to);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A state file holding {@code a} and {@code b}, exported to {@link #document()}; the document. */
  private String twoStoredAndExported() throws IOException {
    run("create", "--provisioned-model-name", "a", "--model-id", MODEL, "--model-units", "1");
    run("create", "--provisioned-model-name", "b", "--model-id", MODEL, "--model-units", "1");
    assertEquals(0, run("export", "--to", document().toString()).exitCode());
    return Files.readString(document());
  }

  /** {@code json} with the first record's ARN (its id part) and name replaced by unused ones. */
  private static String firstRecordRenewed(String json, String arn) {
    String fresh = arn.substring(0, arn.lastIndexOf('/') + 1) + "zzzzzzzzzzzz";
    return json.replaceFirst(java.util.regex.Pattern.quote(arn), fresh)
        .replaceFirst("\"provisionedModelName\" : \"a\"", "\"provisionedModelName\" : \"fresh\"");
  }

  private static String arnOf(String json, int index) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"provisionedModelArn\" : \"([^\"]+)\"").matcher(json);
    for (int i = 0; i <= index; i++) {
      assertTrue(m.find(), json);
    }
    return m.group(1);
  }

  /** Imports {@code json} into the state file: refused with {@code message}, and nothing changed. */
  private void assertImportRefused(String json, String message) throws IOException {
    String before = exported();
    Files.writeString(document(), json);
    assertStateError(message, importDocument());
    assertEquals(before, exported());
  }

  private String notImported(String problem) {
    return "Import file " + document() + ": The state document cannot be imported: " + problem
        + ". Nothing was changed.";
  }

  @Test
  void importing_a_record_already_stored_is_refused_naming_it_and_imports_none_of_the_document()
      throws IOException {
    String json = twoStoredAndExported();
    String arnB = arnOf(json, 1);

    assertImportRefused(
        firstRecordRenewed(json, arnOf(json, 0)),
        notImported("$.provisionedThroughputs[1].provisionedModelArn '" + arnB + "' is already stored"));
  }

  @Test
  void importing_a_name_a_stored_provisioned_throughput_has_is_refused_naming_the_record_and_member()
      throws IOException {
    String json = twoStoredAndExported();
    String arnB = arnOf(json, 1);
    // record 0 under a new ARN and name, record 1 under a new ARN but the stored name b
    String renewed =
        firstRecordRenewed(json, arnOf(json, 0))
            .replace(arnB, arnB.substring(0, arnB.lastIndexOf('/') + 1) + "yyyyyyyyyyyy");

    assertImportRefused(
        renewed,
        notImported(
            "$.provisionedThroughputs[1].provisionedModelName 'b' is already that of the stored " + arnB));
  }

  @Test
  void importing_a_client_request_token_a_stored_provisioned_throughput_has_is_refused_naming_it()
      throws IOException {
    run("create", "--provisioned-model-name", "a", "--model-id", MODEL, "--model-units", "1",
        "--client-request-token", "token-a");
    assertEquals(0, run("export", "--to", document().toString()).exitCode());
    String json = Files.readString(document());
    String arnA = arnOf(json, 0);

    assertImportRefused(
        firstRecordRenewed(json, arnA),
        notImported(
            "$.provisionedThroughputs[0].clientRequestToken 'token-a' is already that of the stored " + arnA));
  }

  @Test
  void a_document_holding_a_name_twice_is_refused_naming_both_records_and_changes_nothing()
      throws IOException {
    String json = twoStoredAndExported();
    Path other = dir.resolve("other.db");
    Files.writeString(
        document(), json.replace("\"provisionedModelName\" : \"b\"", "\"provisionedModelName\" : \"a\""));

    CliRun r = CliRun.of("import", "--from", document().toString(), "--state", other.toString());

    assertEquals(
        notImported(
                "$.provisionedThroughputs[1].provisionedModelName 'a' is also that of"
                    + " $.provisionedThroughputs[0] in aws:us-east-1:123456789012")
            + "\n",
        r.err());
    assertEquals(2, r.exitCode());
    assertFalse(Files.exists(other), "the state file was created");
  }

  @Test
  void a_malformed_record_after_good_ones_leaves_the_state_file_unchanged() throws IOException {
    String json = twoStoredAndExported();
    String renewed = firstRecordRenewed(json, arnOf(json, 0));
    String units = "\"modelUnits\" : 1";
    int second = renewed.indexOf(units, renewed.indexOf(arnOf(json, 1)));

    assertImportRefused(
        renewed.substring(0, second) + "\"modelUnits\" : 0" + renewed.substring(second + units.length()),
        "State file " + document() + " is not a Strata state document: $.provisionedThroughputs[1].modelUnits:"
            + " ModelUnits 0 is below 1");
  }
}
