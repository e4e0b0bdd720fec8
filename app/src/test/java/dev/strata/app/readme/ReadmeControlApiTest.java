package dev.strata.app.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.app.clients.ExternalClient;
import dev.strata.app.readme.Readme.Block;
import dev.strata.app.server.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's control API examples that are not walkthrough steps, run as a user runs them
 * against one {@code strata serve}, the documented port replaced by its own: the pytest suite with
 * pytest, and the Terraform files and commands with Terraform and the hashicorp/aws provider from
 * the filesystem mirror the README names. Each is skipped, saying so, where its tools are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeControlApiTest {
  private static final String THIS = "app/src/test/java/dev/strata/app/readme/ReadmeControlApiTest.java";
  private static final Path PROVIDER =
      Path.of("/opt/tf-plugins/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64");

  @TempDir Path directory;
  private ServeProcess serve;
  private List<Block> blocks;

  @BeforeAll
  void serve() throws Exception {
    blocks = Readme.blocks().stream().filter(b -> b.compiledBy().equals(THIS)).toList();
    serve = ServeProcess.start(Map.of(), "--audit-log", "off");
  }

  @AfterAll
  void stop() throws Exception {
    serve.close();
  }

  private String text(String language, String containing) {
    List<Block> found =
        blocks.stream().filter(b -> b.language().equals(language) && b.text().contains(containing)).toList();
    assertEquals(1, found.size(), "the README's " + language + " block with " + containing);
    return found.get(0).text().replace("127.0.0.1:4010", "127.0.0.1:" + serve.port);
  }

  @Test
  void the_pytest_example_passes() throws Exception {
    ExternalClient.assume("python3 with boto3 and pytest", "python3", "-c", "import boto3, pytest");
    Path suite = Files.writeString(directory.resolve("test_strata.py"), text("python", "def test_"));
    ExternalClient.Run run =
        ExternalClient.run(
            List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", suite.toString()), Map.of(), directory);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("2 passed"), run::toString);
  }

  @Test
  void the_terraform_example_applies_and_destroys_a_one_month_commitment_after_the_clock_moved() throws Exception {
    ExternalClient.assume("terraform", "terraform", "version");
    assumeTrue(Files.isDirectory(PROVIDER), "the hashicorp/aws 5.100.0 provider is not at " + PROVIDER + "; skipped");
    Path work = Files.createDirectories(directory.resolve("terraform"));
    Files.writeString(work.resolve("strata.tfrc"), text("hcl", "provider_installation"));
    Files.writeString(work.resolve("main.tf"), text("hcl", "resource "));
    try {
      // one command at a time, each within ExternalClient's time limit, after the block's export line
      List<String> lines = text("sh", "terraform destroy").lines().toList();
      ExternalClient.Run last = null;
      for (String command : lines.subList(1, lines.size())) {
        ExternalClient.Run run =
            ExternalClient.run(
                List.of("bash", "-e", "-o", "pipefail", "-c", lines.get(0) + "\n" + command),
                Map.of("TF_IN_AUTOMATION", "1"),
                work);
        assertEquals(0, run.exitCode(), () -> command + ": " + run);
        last = run;
      }
      ExternalClient.Run destroyed = last;
      assertTrue(destroyed.out().contains("Destroy complete! Resources: 1 destroyed."), destroyed::toString);
    } finally {
      // the provider is linked from the mirror: remove the link, never what it points to
      Files.deleteIfExists(work.resolve(".terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64"));
    }
  }
}
