package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        "Imported 3 of 3 provisioned throughputs from " + document() + " into " + other + "; ids minted: 3.\n",
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

  @Test
  void importing_the_same_document_twice_adds_nothing_the_second_time() throws IOException {
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    assertEquals(0, run("export", "--to", document().toString()).exitCode());

    assertEquals(
        "Imported 0 of 1 provisioned throughputs from " + document() + " into " + state()
            + " (the others' ARN, name or token was already there); ids minted: 1.\n",
        importDocument().out());
  }
}
