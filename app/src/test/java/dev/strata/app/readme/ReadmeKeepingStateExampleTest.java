package dev.strata.app.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.app.cli.StrataCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell example of the README's "Keeping state", run command by command in a fresh directory. */
class ReadmeKeepingStateExampleTest {
  private static final String JAR = "java -jar app/target/strata.jar ";

  @TempDir Path dir;

  /** The commands of the first {@code sh} block after {@code ## Keeping state}, continuations joined. */
  private static List<String> commands() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Keeping state"));
    String block = section.substring(section.indexOf("```sh\n") + 6, section.indexOf("```\n", section.indexOf("```sh\n") + 6));
    List<String> commands = new ArrayList<>();
    for (String line : block.replace("\\\n", " ").split("\n")) {
      commands.add(line.trim().replaceAll("\\s+", " "));
    }
    return commands;
  }

  @Test
  void the_keeping_state_example_runs_as_written_and_the_copy_holds_what_was_created() throws IOException {
    List<String> commands = commands();
    assertEquals(4, commands.size(), commands.toString());
    List<String> outputs = new ArrayList<>();
    for (String command : commands) {
      assertTrue(command.startsWith(JAR), command);
      String[] args = command.substring(JAR.length()).split(" ");
      for (int i = 0; i < args.length; i++) {
        if (args[i].endsWith(".db") || args[i].endsWith(".json")) {
          args[i] = dir.resolve(args[i]).toString();
        }
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertEquals(0, StrataCli.execute(Map.of(), new PrintWriter(out), new PrintWriter(err), args), command + ": " + err);
      outputs.add(out.toString());
    }
    String arn = outputs.get(0).strip();
    assertTrue(outputs.get(1).contains(arn), outputs.get(1));
    assertEquals(
        "Imported 1 provisioned throughputs from " + dir.resolve("strata.json") + " into "
            + dir.resolve("copy.db") + "; ids minted: 1.\n",
        outputs.get(3));
  }
}
