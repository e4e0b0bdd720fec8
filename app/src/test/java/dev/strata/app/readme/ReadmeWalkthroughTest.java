package dev.strata.app.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.clients.ExternalClient;
import dev.strata.app.readme.Readme.Block;
import dev.strata.app.server.ServeProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a newcomer follows it: its walkthrough steps (see {@link Readme}) run in order
 * against one {@code strata serve} in its own process, with the documented port 4010 replaced by
 * the one it listens on, and print what the README says. AWS CLI steps run through the machine's
 * {@code aws}, boto3 steps through its {@code python3}, each skipped with a message where it is not
 * installed; command-line steps run the jar's main class; Java steps are compiled and run. Every
 * Java block of the README compiles as written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeWalkthroughTest {
  private static final String DOCUMENTED = "127.0.0.1:4010";
  private static final String JAR = "java -jar app/target/strata.jar";
  private static final Pattern PUBLIC_CLASS = Pattern.compile("public class (\\w+)");

  @TempDir Path directory;
  ServeProcess serve;
  List<Block> blocks;

  @BeforeAll
  void startTheServerTheReadmeTalksTo() throws Exception {
    blocks = Readme.blocks();
    serve = ServeProcess.start(Map.of());
  }

  @AfterAll
  void stopIt() throws Exception {
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void the_walkthrough_has_steps_for_every_client_and_each_declares_what_it_prints() {
    List<Block> steps = blocks.stream().filter(Block::step).toList();
    assertTrue(steps.stream().filter(b -> b.language().equals("sh") && b.text().contains("aws bedrock")).count() >= 1);
    assertTrue(steps.stream().filter(b -> b.language().equals("sh") && b.text().contains(JAR)).count() >= 1);
    assertTrue(steps.stream().filter(b -> b.language().equals("python")).count() >= 1);
    assertTrue(steps.stream().filter(b -> b.language().equals("java")).count() >= 2);
    for (Block step : steps) {
      assertFalse(step.prints().isEmpty(), step + " declares no output");
    }
  }

  @Test
  void every_java_block_compiles_as_written() throws IOException {
    for (Block java : blocks.stream().filter(b -> b.language().equals("java")).toList()) {
      if (java.compiledBy().isEmpty()) {
        compile(java, Files.createTempDirectory(directory, "compiled"));
      } else {
        Path test = Readme.file().resolveSibling(java.compiledBy());
        assertTrue(Files.isRegularFile(test), java + " names " + test + ", which does not exist");
      }
    }
  }

  @Test
  void the_dependency_it_shows_is_this_builds_version() throws IOException {
    String pom = Files.readString(Readme.file().resolveSibling("pom.xml"));
    Matcher version = Pattern.compile("<artifactId>strata-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(version.find(), "no version in the root pom");
    String readme = Files.readString(Readme.file());
    for (String artifact : List.of("strata-embedded")) {
      assertTrue(
          readme.contains("<artifactId>" + artifact + "</artifactId>\n  <version>" + version.group(1) + "</version>"),
          artifact + " " + version.group(1) + " is not what the README shows");
    }
  }

  @TestFactory
  Stream<DynamicTest> the_walkthrough_prints_what_the_readme_says_in_order() {
    return blocks.stream()
        .filter(Block::step)
        .map(step -> DynamicTest.dynamicTest(step.toString(), () -> run(step)));
  }

  private void run(Block step) throws Exception {
    String text = step.text().replace(DOCUMENTED, "127.0.0.1:" + serve.port);
    ExternalClient.Run run =
        switch (step.language()) {
          case "sh" -> shell(text);
          case "python" -> {
            ExternalClient.assume("python3 with boto3", "python3", "-c", "import boto3");
            yield ExternalClient.run(List.of("python3", "-c", text), Map.of(), directory);
          }
          case "java" -> java(step, text);
          default -> throw new IllegalStateException(step + ": no way to run " + step.language());
        };
    assertEquals(0, run.exitCode(), () -> step + " failed: " + run);
    assertTrue(
        step.printed(run.out()),
        () -> step + " printed\n" + run.out() + "instead of\n" + String.join("\n", step.prints()) + "\n" + run.err());
  }

  private ExternalClient.Run shell(String text) throws IOException {
    if (text.lines().anyMatch(l -> l.strip().startsWith("aws "))) {
      ExternalClient.assume("The AWS CLI (aws)", "aws", "--version");
    }
    String script = text.replace(JAR, "'" + javaCommand() + "' " + dev.strata.app.cli.StrataCli.class.getName());
    return ExternalClient.run(
        List.of("bash", "-e", "-o", "pipefail", "-c", script),
        Map.of("CLASSPATH", System.getProperty("java.class.path")),
        directory);
  }

  private ExternalClient.Run java(Block step, String text) throws IOException {
    Path classes = Files.createTempDirectory(directory, "walkthrough");
    String name = compile(new Block(step.language(), step.line(), text, true, ""), classes);
    return ExternalClient.run(
        List.of(javaCommand(), "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), name),
        Map.of(),
        directory);
  }

  /** Compiles {@code block}, a whole source file, into {@code classes}; its public class's name. */
  private static String compile(Block block, Path classes) throws IOException {
    Matcher name = PUBLIC_CLASS.matcher(block.text());
    assertTrue(name.find(), block + " is not a whole source file with a public class");
    Path source = classes.resolve(name.group(1) + ".java");
    Files.writeString(source, block.text());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            diagnostics,
            diagnostics,
            "-classpath", System.getProperty("java.class.path"),
            "-d", classes.toString(),
            source.toString());
    assertEquals(0, status, () -> block + " does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    return name.group(1);
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
