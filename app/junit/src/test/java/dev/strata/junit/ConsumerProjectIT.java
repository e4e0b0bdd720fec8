package dev.strata.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A new project made from the README's "Embedding in Java" and "Testing with JUnit" sections,
 * built and tested by a real {@code mvn} against the artifacts the maven-invoker-plugin installed
 * into {@code target/it-repo}. Every other artifact comes from the user's local repository read as
 * a file mirror, so nothing is downloaded and {@code ~/.m2} is never written.
 */
class ConsumerProjectIT {
  private static final String MARK = "<!-- compiled by app/junit/src/test/java/dev/strata/junit/ConsumerProjectIT.java -->";
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?class (\\w+)");

  @Test
  void the_readme_snippets_build_and_pass_as_a_project_of_their_own() throws Exception {
    Path project = Path.of(System.getProperty("consumer.dir"));
    Path repo = Path.of(System.getProperty("consumer.repo"));
    deleteRecursively(project);
    List<String> dependencies = new ArrayList<>();
    Map<String, String> tests = new TreeMap<>();
    for (String section : List.of("## Embedding in Java", "## Testing with JUnit")) {
      for (Block block : blocks(section(readme(), section))) {
        if (block.language.equals("xml") && block.marked) {
          dependencies.add(block.text);
        } else if (block.language.equals("java") && (block.marked || section.startsWith("## Embedding"))) {
          Matcher name = CLASS.matcher(block.text);
          assertTrue(name.find(), () -> "no class in\n" + block.text);
          boolean test = block.text.contains("@Test");
          Path source = project.resolve(test ? "src/test/java" : "src/main/java").resolve(name.group(1) + ".java");
          Files.createDirectories(source.getParent());
          Files.writeString(source, block.text);
          if (test) {
            tests.put(name.group(1), block.text);
          }
        }
      }
    }
    assertEquals(2, dependencies.size(), "one dependency block in each section");
    assertEquals(3, tests.size(), () -> "test classes: " + tests.keySet());
    Files.writeString(project.resolve("pom.xml"), pom(String.join("\n", dependencies)));
    Path settings = project.resolve("settings.xml");
    Files.writeString(settings, settings(Path.of(System.getProperty("user.m2"))));

    Path log = project.resolve("build.log");
    Process mvn =
        new ProcessBuilder(
                "mvn", "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "test")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!mvn.waitFor(10, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      throw new AssertionError("the consumer build took over 10 minutes; its log is " + log);
    }
    String output = Files.readString(log);
    assertEquals(0, mvn.exitValue(), () -> "the consumer build failed:\n" + tail(output));
    for (String test : tests.keySet()) {
      Path report = project.resolve("target/surefire-reports/TEST-" + test + ".xml");
      assertTrue(Files.isRegularFile(report), () -> test + " did not run:\n" + tail(output));
      String xml = Files.readString(report);
      assertTrue(xml.contains("failures=\"0\"") && xml.contains("errors=\"0\"") && xml.contains("skipped=\"0\""), xml);
      assertTrue(!xml.contains("tests=\"0\""), xml);
    }
    assertTrue(
        Files.exists(repo.resolve("dev/strata/strata-junit/" + System.getProperty("strata.version"))),
        "strata-junit was not installed into the isolated repository");
  }

  private static String pom(String dependencies) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>strata-consumer</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
        %s
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>%s</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
              <plugin><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(
            dependencies,
            System.getProperty("junit.version"),
            System.getProperty("resources.plugin.version"),
            System.getProperty("compiler.plugin.version"),
            System.getProperty("surefire.plugin.version"));
  }

  /** Every repository is mirrored by the user's local repository, read as a remote one. */
  private static String settings(Path localRepository) {
    return """
        <settings>
          <mirrors>
            <mirror>
              <id>local-repository</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """
        .formatted(localRepository.toUri());
  }

  private record Block(String language, String text, boolean marked) {}

  private static String readme() throws IOException {
    return Files.readString(Path.of(System.getProperty("readme")), StandardCharsets.UTF_8);
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertTrue(start >= 0, () -> "README has no section " + heading);
    int end = readme.indexOf("\n## ", start + heading.length() + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (open.matches() && !open.group(1).isEmpty()) {
        boolean marked = i > 0 && lines[i - 1].equals(MARK);
        StringBuilder body = new StringBuilder();
        for (i++; !lines[i].startsWith("```"); i++) {
          body.append(lines[i]).append('\n');
        }
        blocks.add(new Block(open.group(1), body.toString(), marked));
      }
    }
    return blocks;
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 6000));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
