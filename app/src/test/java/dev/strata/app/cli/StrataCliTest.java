package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.ProvisionedModelArn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StrataCliTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final String ERROR_PREFIX = "An error occurred (";
  private static final Pattern ARN = Pattern.compile(ProvisionedModelArn.PATTERN);

  /** One run of the command line: its exit code and what it wrote. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrataCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run create(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void create_prints_the_arn_on_its_own_line_by_default() {
    Run r = create();

    assertEquals(0, r.exitCode());
    assertEquals("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/8ejjbkxmk7t9\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void json_output_is_the_create_response_shape_with_the_configured_region_and_account() throws Exception {
    Run r = create("--output", "json", "--region", "eu-west-1", "--account", "111122223333");

    assertEquals(0, r.exitCode());
    JsonNode response = new ObjectMapper().readTree(r.out());
    assertEquals(List.of("provisionedModelArn"), fieldNames(response));
    String arn = response.get("provisionedModelArn").asText();
    assertTrue(ARN.matcher(arn).matches(), arn);
    assertTrue(arn.startsWith("arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/"), arn);
    assertEquals("{\n    \"provisionedModelArn\": \"" + arn + "\"\n}\n", r.out());
    assertEquals("", r.err());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void global_options_may_come_before_the_subcommand() {
    Run r =
        run(
            "--partition", "aws-cn", "--region", "cn-north-1", "create",
            "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");

    assertEquals(0, r.exitCode());
    assertTrue(
        r.out().startsWith("arn:aws-cn:bedrock:cn-north-1:123456789012:provisioned-model/"), r.out());
  }

  @Test
  void the_same_seed_mints_the_same_arn_and_another_seed_another() {
    Run first = create("--seed", "42");
    Run again = create("--seed", "42");
    Run other = create("--seed", "43");

    assertEquals(0, first.exitCode());
    assertEquals(first.out(), again.out());
    assertNotEquals(first.out(), other.out());
    assertTrue(ARN.matcher(first.out().strip()).matches(), first.out());
  }

  @Test
  void tags_in_shorthand_are_created() {
    Run r = create("--tags", "key=team,value=ml", "Key=env,Value=dev", "key=formula,value=a=b");

    assertEquals(0, r.exitCode());
    assertEquals("", r.err());
  }

  @Test
  void tags_reach_the_service_in_order() {
    Run r = create("--tags", "key=team,value=ml", "key=aws:owner,value=me");

    assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
    assertEquals(
        "An error occurred (ValidationException) when calling the CreateProvisionedModelThroughput"
            + " operation: 1 validation error detected: Value 'aws:owner' at 'tags.2.member.key'"
            + " failed to satisfy constraint: Member must not start with 'aws:' (reserved for AWS)\n",
        r.err());
  }

  @Test
  void every_tag_reaches_the_service() {
    List<String> args = new ArrayList<>(List.of("--tags"));
    for (int i = 1; i <= 51; i++) {
      args.add("key=k" + i + ",value=v");
    }
    Run r = create(args.toArray(String[]::new));

    assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
    assertTrue(r.err().startsWith(ERROR_PREFIX + "TooManyTagsException) when calling the "), r.err());
  }

  @Test
  void zero_model_units_reach_the_service_and_fail_its_validation() {
    Run r =
        run("create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "0");

    assertEquals(254, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        "An error occurred (ValidationException) when calling the CreateProvisionedModelThroughput"
            + " operation: 1 validation error detected: Value '0' at 'modelUnits' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 1\n",
        r.err());
  }

  @Test
  void an_unknown_model_is_resource_not_found() {
    Run r =
        run("create", "--provisioned-model-name", "demo", "--model-id", "nope.model-v1", "--model-units", "1");

    assertEquals(254, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        "An error occurred (ResourceNotFoundException) when calling the"
            + " CreateProvisionedModelThroughput operation: The model 'nope.model-v1' (modelId) was"
            + " not found in account 123456789012, region us-east-1.\n",
        r.err());
  }

  /**
   * Exit code 2, nothing on stdout, and on stderr {@code message}, then one line pointing at the
   * command's --help instead of the whole usage.
   */
  private static void assertUsageError(String message, Run r) {
    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(message + "\nTry 'strata"), r.err());
    assertTrue(r.err().endsWith(" --help' for more information.\n"), r.err());
    assertEquals(2, r.err().lines().count(), r.err());
  }

  @Test
  void a_missing_required_option_is_a_usage_error() {
    assertUsageError(
        "Missing required option: '--provisioned-model-name=<string>'",
        run("create", "--model-id", MODEL, "--model-units", "1"));
  }

  @Test
  void a_malformed_tag_is_a_usage_error() {
    assertUsageError(
        "Invalid value for option '--tags' at index 0 (key=<k>,value=<v>): 'key=team' needs both"
            + " key and value: key=<k>,value=<v>",
        create("--tags", "key=team"));
  }

  @Test
  void an_invalid_region_is_a_usage_error() {
    assertUsageError(
        "Invalid value for option '--region': Member must satisfy regular expression pattern:"
            + " ^[a-z0-9-]{1,20}$",
        create("--region", "US_EAST"));
  }

  @Test
  void an_unsupported_output_format_is_a_usage_error() {
    assertUsageError(
        "Invalid value for option '--output': expected one of [text, json] (case-sensitive) but"
            + " was 'yaml'",
        create("--output", "yaml"));
  }

  @Test
  void no_subcommand_is_a_usage_error() {
    assertUsageError("Missing required subcommand", run());
  }

  @Test
  void help_prints_usage_and_exits_zero() {
    Run r = run("--help");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("Usage: strata "), r.out());
    assertTrue(r.out().contains("create, create-provisioned-model-throughput"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void create_help_lists_the_aws_cli_options() {
    Run r = run("create", "--help");

    assertEquals(0, r.exitCode());
    for (String option :
        List.of(
            "--model-units", "--provisioned-model-name", "--model-id", "--commitment-duration",
            "--client-request-token", "--tags", "--output", "--region", "--account", "--partition",
            "--seed")) {
      assertTrue(r.out().contains(option + "="), option);
    }
  }

  @Test
  void the_aws_cli_operation_name_is_an_alias_of_create() {
    Run r =
        run(
            "create-provisioned-model-throughput", "--provisioned-model-name", "demo",
            "--model-id", MODEL, "--model-units", "1");

    assertEquals(0, r.exitCode());
    assertEquals("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/8ejjbkxmk7t9\n", r.out());
  }

  @Test
  void version_names_strata_and_exits_zero() {
    Run r = run("--version");

    assertEquals(0, r.exitCode());
    assertTrue(r.out().matches("strata \\S+\nAmazon Bedrock control plane API 2023-04-20, in-memory and AWS adapters\n"), r.out());
  }
}
