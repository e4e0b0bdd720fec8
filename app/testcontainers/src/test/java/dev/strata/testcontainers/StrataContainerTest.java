package dev.strata.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/** The module's own contract, through the README's Testcontainers example as written. */
class StrataContainerTest {

  private static final Path README = Path.of("../../README.md");
  private static final Path THIS_SOURCE =
      Path.of("src/test/java/dev/strata/testcontainers/StrataContainerTest.java");

  @Test
  void a_started_container_creates_a_provisioned_throughput_through_its_client() {
    LocalImage.strata();
    // --- README: Testcontainers ---
    try (StrataContainer strata = new StrataContainer()) {   // the image strata:local
      strata.start();
      try (BedrockClient bedrock = strata.bedrockClient()) {   // on strata.endpoint()
        String arn = bedrock.createProvisionedModelThroughput(r -> r
                .provisionedModelName("chat-prod").modelId("amazon.nova-lite-v1:0:24k").modelUnits(1))
            .provisionedModelArn();
        assertEquals("InService",
            bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)).statusAsString());
      }
    }
    // --- end ---
  }

  @Test
  void the_readme_shows_the_testcontainers_example_of_this_test() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("### Testcontainers");
    assertTrue(section >= 0, "README has a Testcontainers section");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    String source = Files.readString(THIS_SOURCE, StandardCharsets.UTF_8);
    String example =
        source.substring(
            source.indexOf("// --- README: Testcontainers ---"), source.indexOf("// --- end ---"));
    assertEquals(code(example), code(snippet.substring(snippet.indexOf("try ("))));
  }

  /** The statements, without indentation, blank lines or comments. */
  private static List<String> code(String text) {
    return text.lines()
        .map(line -> line.replaceAll("\\s*//.*$", "").strip())
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toList());
  }
}
