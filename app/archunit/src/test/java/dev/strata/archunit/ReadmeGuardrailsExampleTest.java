package dev.strata.archunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Guardrails for your architecture tests" example compiles as written. */
class ReadmeGuardrailsExampleTest {
  private static final String MARK =
      "<!-- compiled by app/archunit/src/test/java/dev/strata/archunit/ReadmeGuardrailsExampleTest.java -->";

  @Test
  void the_readme_example_compiles_against_this_artifact(@TempDir Path dir) throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int mark = readme.indexOf(MARK + "\n```java\n");
    assertTrue(mark >= 0, "README has no Java block marked " + MARK);
    int start = readme.indexOf('\n', readme.indexOf("```java", mark)) + 1;
    String example = readme.substring(start, readme.indexOf("\n```", start) + 1);
    assertTrue(example.contains("StrataGuardrails.bedrockProvisionedThroughputCallsGoThroughStrata("));
    Path source = dir.resolve("PlatformGuardrailsTest.java");
    Files.writeString(source, example);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null, null, errors,
            "-proc:none", "-d", dir.toString(),
            "-classpath", System.getProperty("java.class.path"),
            source.toString());
    assertEquals(0, status, errors::toString);
  }

  private static Path readme() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("app"))) {
        return d.resolve("README.md");
      }
    }
    throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
  }
}
