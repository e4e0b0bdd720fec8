package dev.strata.app.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.aws.DynamoDbLocal;
import dev.strata.app.cli.StrataCli;
import dev.strata.composition.AdapterSettings;
import dev.strata.composition.StrataConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@code strata serve --store aws --endpoint dynamodb=... --table t} as a user runs it: its own
 * process, credentials from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, answering
 * the SDK's calls; and the one-shot commands sharing their state through the table.
 */
class ServeOnDynamoDbLocalTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();
  private static final Pattern READY = Pattern.compile("Strata listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  @TempDir Path directory;

  private static BedrockClient bedrockAt(String url) {
    return BedrockClient.builder()
        .endpointOverride(URI.create(url))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  @Test
  void strata_serve_on_the_aws_store_answers_the_sdk_and_leaves_its_provisioned_throughputs_in_the_table()
      throws Exception {
    String table = DynamoDbLocal.freshTableName();
    Path stderr = directory.resolve("serve.err");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    StrataCli.class.getName(),
                    "serve",
                    "--port", "0",
                    "--store", "aws",
                    "--endpoint", "dynamodb=" + DYNAMO_DB.endpoint(),
                    "--table", table,
                    "--quota", "L-FE44174A=2"))
            .redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_") || name.startsWith("AWS_"));
    builder.environment().put("AWS_ACCESS_KEY_ID", "local");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
    Process serve = builder.start();
    String arn;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
      Matcher url = READY.matcher(String.valueOf(ready));
      assertTrue(url.matches(), () -> "not the ready line: " + ready + "; stderr: " + read(stderr));

      try (BedrockClient bedrock = bedrockAt(url.group(1))) {
        arn =
            bedrock
                .createProvisionedModelThroughput(
                    r -> r.provisionedModelName("served").modelId(MODEL).modelUnits(2)
                        .tags(Tag.builder().key("team").value("ml").build()))
                .provisionedModelArn();
        GetProvisionedModelThroughputResponse got =
            bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("served"));
        assertEquals(arn, got.provisionedModelArn());
        assertEquals(1, bedrock.listProvisionedModelThroughputs(r -> r.maxResults(10)).provisionedModelSummaries().size());
        assertEquals("ml", bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags().get(0).value());
      }
    } finally {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    assertEquals(143, serve.exitValue(), () -> "stderr: " + read(stderr));

    try (ServedInstance again =
        new ServedInstance(
            StrataConfiguration.defaults()
                .withAdapters(
                    AdapterSettings.defaults()
                        .with("store", "aws")
                        .with("table", table)
                        .with("endpoint.dynamodb", DYNAMO_DB.endpoint().toString())))) {
      assertEquals(arn, again.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("served")).provisionedModelArn());
    }
  }

  @Test
  void one_shot_commands_on_the_aws_store_share_their_provisioned_throughputs_through_the_table() {
    Map<String, String> environment =
        Map.of(
            "STRATA_STORE", "aws",
            "STRATA_TABLE", DynamoDbLocal.freshTableName(),
            "STRATA_ENDPOINT_DYNAMODB", DYNAMO_DB.endpoint().toString());

    String[] created =
        cli(environment, "create", "--provisioned-model-name", "demo", "--model-id", MODEL, "--model-units", "1");
    assertEquals("0", created[0], () -> created[2]);
    String arn = created[1].trim();
    assertTrue(arn.startsWith("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/"), arn);

    String[] tagged = cli(environment, "tag", "--resource-arn", arn, "--tags", "key=team,value=ml");
    assertEquals("0", tagged[0], () -> tagged[2]);
    String[] got = cli(environment, "get", "--provisioned-model-id", "demo", "--output", "json");
    assertEquals("0", got[0], () -> got[2]);
    assertTrue(got[1].contains(arn), got[1]);
    String[] tags = cli(environment, "tags", "--resource-arn", arn, "--output", "json");
    assertTrue(tags[1].contains("\"ml\""), tags[1]);
  }

  /** Exit code, stdout and stderr of one invocation in {@code environment}. */
  private static String[] cli(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrataCli.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
