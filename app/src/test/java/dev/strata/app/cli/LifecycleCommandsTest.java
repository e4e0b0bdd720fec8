package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.Wiring;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get, list, update, delete, tag, untag and tags, each a separate invocation sharing a state file. */
class LifecycleCommandsTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final String MODEL_ARN =
      "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k";
  private static final String ARN_PREFIX = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/";
  /** The first two ids seed 0 mints (StrataCliTest and WiringTest pin the first). */
  private static final String FIRST_ARN = ARN_PREFIX + "8ejjbkxmk7t9";

  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  @TempDir Path dir;
  private Path state;

  @BeforeEach
  void stateFile() {
    state = dir.resolve("strata.json");
  }

  /** Runs {@code args} with {@code --state} on this test's file. */
  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state", state.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private String create(String name, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("create", "--provisioned-model-name", name, "--model-id", MODEL, "--model-units", "1"));
    args.addAll(List.of(extra));
    CliRun r = run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return r.out().strip();
  }

  private static void assertSuccess(String out, CliRun r) {
    assertEquals(out, r.out());
    assertEquals("", r.err());
    assertEquals(0, r.exitCode());
  }

  private static void assertServiceError(String code, String operation, String message, CliRun r) {
    assertEquals("", r.out());
    assertEquals(
        "An error occurred (" + code + ") when calling the " + operation + " operation: " + message + "\n",
        r.err());
    assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---- the whole lifecycle --------------------------------------------------------------------

  @Test
  void a_provisioned_throughput_lives_through_every_command_across_invocations() {
    String arn = create("demo", "--tags", "key=team,value=ml");
    assertEquals(FIRST_ARN, arn);

    assertEquals("demo", run("get", "--provisioned-model-id", arn, "--output", "json").json().get("provisionedModelName").asText());
    JsonNode listed = run("list", "--output", "json").json().get("provisionedModelSummaries");
    assertEquals(1, listed.size());
    assertEquals(arn, listed.get(0).get("provisionedModelArn").asText());

    assertSuccess("", run("update", "--provisioned-model-id", "demo", "--desired-provisioned-model-name", "renamed"));
    assertEquals("renamed", run("get", "--provisioned-model-id", arn, "--output", "json").json().get("provisionedModelName").asText());

    assertSuccess("", run("tag", "--resource-arn", arn, "--tags", "key=env,value=dev", "key=team,value=ai"));
    assertSuccess("team\tai\nenv\tdev\n", run("tags", "--resource-arn", arn));
    assertSuccess("", run("untag", "--resource-arn", arn, "--tag-keys", "team"));
    assertSuccess("env\tdev\n", run("tags", "--resource-arn", arn));

    assertSuccess("", run("delete", "--provisioned-model-id", "renamed"));
    assertServiceError(
        "ResourceNotFoundException",
        "GetProvisionedModelThroughput",
        "Provisioned throughput '" + arn + "' was not found in this account and region.",
        run("get", "--provisioned-model-id", arn));
  }

  @Test
  void without_a_state_file_every_invocation_starts_empty() {
    assertEquals(0, CliRun.of("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1").exitCode());

    CliRun r = CliRun.of("get", "--provisioned-model-id", "demo");

    assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
    assertTrue(r.err().startsWith("An error occurred (ResourceNotFoundException) when calling the GetProvisionedModelThroughput operation: "), r.err());
    assertFalse(Files.exists(state));
  }

  @Test
  void the_strata_state_variable_names_the_state_file_when_state_is_not_given() {
    Map<String, String> env = Map.of(StrataCli.STATE_VARIABLE, state.toString());
    CliRun created =
        CliRun.in(env, "create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    assertSuccess(FIRST_ARN + "\n", created);

    assertEquals(
        "provisionedModelName\tdemo",
        CliRun.in(env, "get", "--provisioned-model-id", FIRST_ARN).out().lines().findFirst().orElseThrow());
    assertEquals(
        "provisionedModelName\tdemo",
        run("get", "--provisioned-model-id", "demo").out().lines().findFirst().orElseThrow());
  }

  @Test
  void ids_continue_across_invocations_as_one_process_would_mint_them() {
    String first = create("one");
    String second = create("two");
    run("delete", "--provisioned-model-id", "one");
    String third = create("three");

    List<String> oneProcess = new ArrayList<>();
    Strata strata = Wiring.strata(StrataConfiguration.defaults());
    for (String name : List.of("one", "two", "three")) {
      oneProcess.add(
          strata
              .createProvisionedModelThroughput(
                  CreateProvisionedModelThroughputCommand.builder(name, MODEL, 1).build())
              .get()
              .value());
    }
    assertEquals(oneProcess, List.of(first, second, third));
  }

  // ---- each command's output ------------------------------------------------------------------

  @Test
  void get_prints_every_member_of_the_response_as_the_wire_renders_it() {
    String arn = create("demo", "--commitment-duration", "OneMonth");

    JsonNode pt = run("get", "--provisioned-model-id", arn, "--output", "json").json();

    assertEquals(
        List.of(
            "provisionedModelName", "provisionedModelArn", "modelArn", "desiredModelArn",
            "foundationModelArn", "modelUnits", "desiredModelUnits", "status", "commitmentDuration",
            "commitmentExpirationTime", "creationTime", "lastModifiedTime"),
        fieldNames(pt));
    assertEquals(arn, pt.get("provisionedModelArn").asText());
    assertEquals(MODEL_ARN, pt.get("modelArn").asText());
    assertEquals(MODEL_ARN, pt.get("desiredModelArn").asText());
    assertEquals(MODEL_ARN, pt.get("foundationModelArn").asText());
    assertEquals(1, pt.get("modelUnits").intValue());
    assertEquals(1, pt.get("desiredModelUnits").intValue());
    assertEquals("InService", pt.get("status").asText());
    assertEquals("OneMonth", pt.get("commitmentDuration").asText());
    for (String time : List.of("commitmentExpirationTime", "creationTime", "lastModifiedTime")) {
      assertTrue(TIMESTAMP.matcher(pt.get(time).asText()).matches(), pt.get(time).asText());
    }
  }

  @Test
  void get_text_is_one_member_per_line_with_the_json_values() {
    String arn = create("demo");
    JsonNode pt = run("get", "--provisioned-model-id", arn, "--output", "json").json();

    CliRun r = run("get-provisioned-model-throughput", "--provisioned-model-id", "demo");

    StringBuilder expected = new StringBuilder();
    pt.fields().forEachRemaining(m -> expected.append(m.getKey()).append('\t').append(m.getValue().asText()).append('\n'));
    assertSuccess(expected.toString(), r);
    assertTrue(r.out().startsWith("provisionedModelName\tdemo\nprovisionedModelArn\t" + arn + "\n"), r.out());
    assertFalse(r.out().contains("commitment"), r.out());
  }

  @Test
  void list_json_is_the_list_response_with_summaries_newest_first() {
    String first = create("first");
    String second = create("second", "--commitment-duration", "SixMonths");

    CliRun r = run("list", "--output", "json");

    assertEquals(0, r.exitCode(), r.err());
    JsonNode response = r.json();
    assertEquals(List.of("provisionedModelSummaries"), fieldNames(response));
    JsonNode summaries = response.get("provisionedModelSummaries");
    assertEquals(2, summaries.size());
    assertEquals(second, summaries.get(0).get("provisionedModelArn").asText());
    assertEquals("SixMonths", summaries.get(0).get("commitmentDuration").asText());
    assertEquals(first, summaries.get(1).get("provisionedModelArn").asText());
    assertFalse(summaries.get(1).has("commitmentDuration"));
    assertTrue(r.out().startsWith("{\n    \"provisionedModelSummaries\": [\n        {\n            \"provisionedModelName\": \"second\",\n"), r.out());
  }

  @Test
  void list_text_is_one_tab_separated_line_per_provisioned_throughput() {
    String first = create("first");
    String second = create("second", "--commitment-duration", "SixMonths");
    JsonNode summaries = run("list", "--output", "json").json().get("provisionedModelSummaries");

    CliRun r = run("list-provisioned-model-throughputs", "--sort-order", "Ascending");

    assertSuccess(
        "first\t" + first + "\tInService\t1\t" + MODEL_ARN + "\t-\t" + summaries.get(1).get("creationTime").asText() + "\n"
            + "second\t" + second + "\tInService\t1\t" + MODEL_ARN + "\tSixMonths\t" + summaries.get(0).get("creationTime").asText() + "\n",
        r);
  }

  @Test
  void an_empty_list_prints_an_empty_list_in_json_and_nothing_in_text() {
    assertSuccess("{\n    \"provisionedModelSummaries\": []\n}\n", run("list", "--output", "json"));
    assertSuccess("", run("list"));
  }

  @Test
  void list_filters_reach_the_service() {
    create("alpha");
    String beta = create("beta");

    assertSuccess("", run("list", "--name-contains", "gamma"));
    assertEquals(beta, run("list", "--name-contains", "et", "--status-equals", "InService", "--model-arn-equals", MODEL_ARN, "--sort-by", "CreationTime", "--output", "json")
        .json().get("provisionedModelSummaries").get(0).get("provisionedModelArn").asText());
    assertEquals(2, run("list", "--creation-time-after", "2000-01-01", "--creation-time-before", "2999-01-01T00:00:00Z", "--output", "json").json().get("provisionedModelSummaries").size());
    assertSuccess("", run("list", "--creation-time-after", "2999-01-01T00:00:00+01:00"));
  }

  @Test
  void list_pages_across_invocations_with_max_results_and_next_token() {
    String first = create("first");
    String second = create("second");
    String third = create("third");

    JsonNode page1 = run("list", "--max-results", "1", "--output", "json").json();
    assertEquals(third, page1.get("provisionedModelSummaries").get(0).get("provisionedModelArn").asText());
    String token1 = page1.get("nextToken").asText();

    CliRun page2 = run("list", "--max-results", "1", "--next-token", token1);
    String[] lines = page2.out().split("\n");
    assertEquals(2, lines.length, page2.out());
    assertTrue(lines[0].startsWith("second\t" + second + "\t"), lines[0]);
    assertTrue(lines[1].startsWith("NEXTTOKEN\t"), lines[1]);
    String token2 = lines[1].substring("NEXTTOKEN\t".length());

    JsonNode page3 = run("list-provisioned-model-throughputs", "--max-results", "1", "--next-token", token2, "--output", "json").json();
    assertEquals(1, page3.get("provisionedModelSummaries").size());
    assertEquals(first, page3.get("provisionedModelSummaries").get(0).get("provisionedModelArn").asText());
    assertFalse(page3.has("nextToken"), page3.toString());
  }

  @Test
  void update_delete_tag_and_untag_print_nothing_in_either_format() {
    String arn = create("demo");

    assertSuccess("", run("update-provisioned-model-throughput", "--provisioned-model-id", arn, "--desired-provisioned-model-name", "renamed", "--output", "json"));
    assertSuccess("", run("tag-resource", "--resource-arn", arn, "--tags", "key=team,value=ml", "--output", "json"));
    assertSuccess("", run("untag-resource", "--resource-arn", arn, "--tag-keys", "team", "absent", "--output", "json"));
    assertSuccess("", run("delete-provisioned-model-throughput", "--provisioned-model-id", arn, "--output", "json"));
    assertSuccess("", run("list"));
  }

  @Test
  void update_moves_a_custom_model_purchase_to_its_base_model() {
    CliRun created = run("create", "--provisioned-model-name", "bot", "--model-id", "support-bot-titan", "--model-units", "1");
    assertEquals(0, created.exitCode(), created.err());

    assertSuccess("", run("update", "--provisioned-model-id", "bot", "--desired-model-id", "amazon.titan-text-express-v1:0:8k"));

    JsonNode pt = run("get", "--provisioned-model-id", "bot", "--output", "json").json();
    assertEquals("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k", pt.get("modelArn").asText());
  }

  @Test
  void tags_json_is_the_list_tags_response_in_key_order() {
    String arn = create("demo", "--tags", "key=team,value=ml", "key=env,value=dev");

    CliRun r = run("list-tags-for-resource", "--resource-arn", arn, "--output", "json");

    assertSuccess(
        "{\n    \"tags\": [\n        {\n            \"key\": \"team\",\n            \"value\": \"ml\"\n        },\n"
            + "        {\n            \"key\": \"env\",\n            \"value\": \"dev\"\n        }\n    ]\n}\n",
        r);
    assertEquals("ml", r.json().get("tags").get(0).get("value").asText());
  }

  @Test
  void a_resource_without_tags_prints_an_empty_tag_list_in_json_and_nothing_in_text() {
    String arn = create("demo");

    assertSuccess("{\n    \"tags\": []\n}\n", run("tags", "--resource-arn", arn, "--output", "json"));
    assertSuccess("", run("tags", "--resource-arn", arn));
  }

  // ---- errors ---------------------------------------------------------------------------------

  private static final String UNKNOWN_ARN = ARN_PREFIX + "000000000000";
  private static final String NOT_FOUND = "Provisioned throughput '" + UNKNOWN_ARN + "' was not found in this account and region.";

  @Test
  void every_command_answers_an_unknown_provisioned_throughput_with_resource_not_found() {
    create("demo");

    assertServiceError("ResourceNotFoundException", "GetProvisionedModelThroughput", NOT_FOUND, run("get", "--provisioned-model-id", UNKNOWN_ARN));
    assertServiceError("ResourceNotFoundException", "UpdateProvisionedModelThroughput", NOT_FOUND, run("update", "--provisioned-model-id", UNKNOWN_ARN, "--desired-provisioned-model-name", "x"));
    assertServiceError("ResourceNotFoundException", "DeleteProvisionedModelThroughput", NOT_FOUND, run("delete", "--provisioned-model-id", UNKNOWN_ARN));
    assertServiceError("ResourceNotFoundException", "TagResource", NOT_FOUND, run("tag", "--resource-arn", UNKNOWN_ARN, "--tags", "key=a,value=b"));
    assertServiceError("ResourceNotFoundException", "UntagResource", NOT_FOUND, run("untag", "--resource-arn", UNKNOWN_ARN, "--tag-keys", "a"));
    assertServiceError("ResourceNotFoundException", "ListTagsForResource", NOT_FOUND, run("tags", "--resource-arn", UNKNOWN_ARN));
  }

  @Test
  void every_command_answers_bad_input_with_the_services_validation_exception() {
    String arn = create("demo");

    assertValidation("GetProvisionedModelThroughput", run("get", "--provisioned-model-id", "not valid!"));
    assertValidation("ListProvisionedModelThroughputs", run("list", "--status-equals", "Sleeping"));
    assertValidation("ListProvisionedModelThroughputs", run("list", "--max-results", "0"));
    assertValidation("ListProvisionedModelThroughputs", run("list", "--next-token", "bm90LWEtdG9rZW4"));
    assertValidation("UpdateProvisionedModelThroughput", run("update", "--provisioned-model-id", arn, "--desired-provisioned-model-name", "bad name!"));
    assertValidation("DeleteProvisionedModelThroughput", run("delete", "--provisioned-model-id", "not valid!"));
    assertValidation("TagResource", run("tag", "--resource-arn", arn, "--tags", "key=aws:owner,value=me"));
    assertValidation("UntagResource", run("untag", "--resource-arn", arn, "--tag-keys", "aws:owner"));
    assertValidation("ListTagsForResource", run("tags", "--resource-arn", "not-an-arn"));
  }

  private static void assertValidation(String operation, CliRun r) {
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("An error occurred (ValidationException) when calling the " + operation + " operation: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
  }

  @Test
  void the_validation_message_is_the_services() {
    assertServiceError(
        "ValidationException",
        "ListProvisionedModelThroughputs",
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
        run("list", "--max-results", "0"));
  }

  @Test
  void a_committed_provisioned_throughput_cannot_be_deleted_before_its_term_ends() {
    create("committed", "--commitment-duration", "OneMonth");
    String expires = run("get", "--provisioned-model-id", "committed", "--output", "json").json().get("commitmentExpirationTime").asText();

    CliRun r = run("delete", "--provisioned-model-id", "committed");

    assertServiceError(
        "ConflictException",
        "DeleteProvisionedModelThroughput",
        "Provisioned throughput committed has a OneMonth commitment until commitmentExpirationTime "
            + java.time.Instant.parse(expires) + " and cannot be deleted before then.",
        r);
    assertEquals(1, run("list", "--output", "json").json().get("provisionedModelSummaries").size());
  }

  @Test
  void missing_required_options_and_bad_timestamps_are_usage_errors() {
    for (String[] args :
        List.of(
            new String[] {"get"},
            new String[] {"update", "--desired-provisioned-model-name", "x"},
            new String[] {"delete"},
            new String[] {"tag", "--resource-arn", FIRST_ARN},
            new String[] {"untag", "--resource-arn", FIRST_ARN},
            new String[] {"tags"},
            new String[] {"list", "--creation-time-after", "yesterday"},
            new String[] {"list", "--max-results", "many"})) {
      CliRun r = run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args));
      assertEquals("", r.out());
      assertTrue(
          r.err().endsWith("\nTry 'strata " + args[0] + " --help' for more information.\n"), r.err());
    }
    assertTrue(
        run("list", "--creation-time-after", "yesterday").err().startsWith(
            "Invalid value for option '--creation-time-after': 'yesterday' is not an ISO-8601 timestamp such as 2025-01-31T12:00:00Z\n"));
  }

  @Test
  void help_lists_every_command_with_its_aws_name_and_says_that_state_is_kept_only_with_state() {
    CliRun r = CliRun.of("--help");

    assertEquals(0, r.exitCode());
    for (String command :
        List.of(
            "get, get-provisioned-model-throughput",
            "list, list-provisioned-model-throughputs",
            "update, update-provisioned-model-throughput",
            "delete, delete-provisioned-model-throughput",
            "tag, tag-resource",
            "untag, untag-resource",
            "tags, list-tags-for-resource")) {
      assertTrue(r.out().contains(command), command);
    }
    assertTrue(r.out().contains("--state=FILE"), r.out());
    assertTrue(
        r.out().contains("Every invocation starts empty unless --state (or STRATA_STATE) names a file"),
        r.out());
  }
}
