package dev.strata.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot example is this module's test application as written: the Java block
 * is {@code OrdersApplication} (compiled and run by {@link TestProfileTest} and {@link
 * LocalProfileTest}), the YAML blocks are its {@code application-test.yml} and {@code
 * application-prod.yml}.
 */
class ReadmeSpringExamplesTest {
  private static final Path README = Path.of("../../README.md");
  private static final Path APPLICATION = Path.of("src/test/java/dev/strata/spring/sample/OrdersApplication.java");
  private static final Path RESOURCES = Path.of("src/test/resources");

  /** The fenced block of {@code language} that follows {@code label} in the Spring Boot section. */
  private static String block(String language, String label) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("### Spring Boot");
    assertTrue(section >= 0, "README has a Spring Boot section");
    int at = readme.indexOf(label, section);
    assertTrue(at >= 0, () -> "the Spring Boot section shows " + label);
    String fence = "```" + language + "\n";
    int start = readme.indexOf(fence, at) + fence.length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void the_java_block_is_the_test_application() throws IOException {
    String source = Files.readString(APPLICATION, StandardCharsets.UTF_8);
    String example =
        source.substring(
            source.indexOf("// --- README: Spring Boot ---") + "// --- README: Spring Boot ---".length(),
            source.indexOf("// --- end ---"));

    assertEquals(code(example), code(block("java", "### Spring Boot")));
  }

  @Test
  void the_yaml_blocks_are_the_test_applications_profiles() throws IOException {
    for (String file : List.of("application-test.yml", "application-prod.yml")) {
      assertEquals(
          Files.readString(RESOURCES.resolve(file), StandardCharsets.UTF_8),
          block("yaml", "`" + file + "`:"),
          file);
    }
  }

  /** The lines of {@code text}, without indentation or blank lines. */
  private static List<String> code(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
  }
}
