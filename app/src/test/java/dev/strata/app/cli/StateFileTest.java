package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.wiring.RestoredStrata;
import dev.strata.app.wiring.SavedState;
import dev.strata.app.wiring.StateFile;
import dev.strata.app.wiring.StrataConfiguration;
import dev.strata.app.wiring.Wiring;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelStatus;
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

/** The state file: what it keeps, and how the CLI answers one it cannot use. */
class StateFileTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @TempDir Path dir;

  private Path state() {
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

  /** A Strata holding one provisioned throughput in each shape the aggregate can take. */
  private static SavedState everyShape() {
    RestoredStrata restored =
        Wiring.restore(
            StrataConfiguration.defaults().withSeed(7).withTransitions("after-reads:5"),
            SavedState.empty());
    Strata strata = restored.strata();
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
    return restored.snapshot();
  }

  @Test
  void a_saved_state_reads_back_with_every_attribute_of_every_aggregate() {
    SavedState saved = everyShape();
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

    StateFile.write(state(), saved);
    SavedState read = StateFile.read(state());

    assertEquals(saved, read);
    assertEquals(pts, byName(read, "committed", "renamed", "failing"));
    assertEquals(
        saved,
        Wiring.restore(StrataConfiguration.defaults().withSeed(7), read).snapshot());
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
    StateFile.write(state(), everyShape());

    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(state().toFile());

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
    StateFile.write(state(), everyShape());

    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(state().toFile());

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

  @Test
  void a_missing_state_file_is_an_empty_strata_and_is_created_by_the_first_change() throws IOException {
    assertFalse(Files.exists(state()));
    assertEquals("", run("list").out());
    assertFalse(Files.exists(state()));

    assertEquals(0, run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1").exitCode());

    assertEquals(1, StateFile.read(state()).provisionedThroughputs().size());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(state()), files.collect(Collectors.toList()));
    }
  }

  @Test
  void a_command_that_changes_nothing_leaves_the_file_as_it_was() throws IOException {
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    String before = Files.readString(state());
    Files.writeString(state(), before.replace("\n", "\r\n"));

    run("get", "--provisioned-model-id", "demo");
    run("delete", "--provisioned-model-id", "nothing");

    assertEquals(before.replace("\n", "\r\n"), Files.readString(state()));
  }

  @Test
  void a_read_that_moves_a_pending_status_on_is_saved() {
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1", "--transitions", "after-reads:1");

    assertEquals("status\tCreating", statusOf(run("get", "--provisioned-model-id", "demo", "--transitions", "after-reads:1")));
    assertEquals("status\tInService", statusOf(run("get", "--provisioned-model-id", "demo", "--transitions", "after-reads:1")));
    assertEquals(ProvisionedModelStatus.InService, StateFile.read(state()).provisionedThroughputs().get(0).status());
  }

  private static String statusOf(CliRun get) {
    return get.out().lines().filter(l -> l.startsWith("status\t")).findFirst().orElseThrow();
  }

  @Test
  void a_corrupt_state_file_is_a_usage_error_naming_the_file() throws IOException {
    Files.writeString(state(), "{\"version\": 1, \"provisionedThroughputs\": [");

    assertStateError(
        "State file " + state() + " is not valid JSON: Unexpected end-of-input: expected close"
            + " marker for Array at line 1, column 43",
        run("list"));
  }

  @Test
  void a_document_of_another_shape_is_a_usage_error_naming_the_file_and_the_member() throws IOException {
    Files.writeString(state(), "[]");
    assertStateError("State file " + state() + " is not a Strata state document: $ must be an object", run("list"));

    Files.writeString(state(), "{\"version\": 2, \"idsMinted\": 0, \"provisionedThroughputs\": []}");
    assertStateError(
        "State file " + state() + " is not a Strata state document: version 2 is not the supported version 1",
        run("list"));

    Files.delete(state());
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    String json = Files.readString(state());
    Files.writeString(state(), json.replaceFirst("\"modelUnits\" : 1", "\"modelUnits\" : 0"));
    assertStateError(
        "State file " + state() + " is not a Strata state document: $.provisionedThroughputs[0].modelUnits:"
            + " ModelUnits 0 is below 1",
        run("list"));

    Files.writeString(state(), json.replaceFirst("\"status\" : \"InService\"", "\"status\" : \"Sleeping\""));
    assertStateError(
        "State file " + state() + " is not a Strata state document: $.provisionedThroughputs[0].status:"
            + " unknown value 'Sleeping'",
        run("list"));
  }

  @Test
  void state_that_no_longer_fits_the_quotas_is_a_usage_error_naming_the_file() {
    run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "3");

    CliRun r = run("list", "--quota", "L-FE44174A=2");

    assertEquals("", r.out());
    assertTrue(r.err().startsWith("State file " + state() + " does not fit this Strata: cannot restore arn:aws:bedrock:"), r.err());
    assertEquals(2, r.exitCode());
  }

  @Test
  void a_state_file_that_cannot_be_written_is_a_usage_error_and_the_command_prints_nothing() {
    Path nowhere = dir.resolve("missing-directory").resolve("strata.json");

    CliRun r =
        CliRun.of("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1", "--state", nowhere.toString());

    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Cannot write state file " + nowhere + ": NoSuchFileException"), r.err());
    assertEquals(2, r.exitCode());
  }
}
