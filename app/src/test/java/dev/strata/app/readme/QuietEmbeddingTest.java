package dev.strata.app.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application that embeds Strata hears nothing from it: in a JVM of its own, with
 * java.util.logging as the JDK configures it (INFO to stderr) and JBoss Logging on it, as in a host
 * without a logging framework, a Strata that validates and serves a Create and a Get writes nothing
 * to stdout or stderr; in particular not Hibernate Validator's {@code HV000001} banner.
 */
class QuietEmbeddingTest {

  /** The host application: it embeds Strata, creates and reads one provisioned throughput. */
  public static final class Host {
    public static void main(String[] args) {
      Strata strata = InMemoryStrata.create();
      strata
          .createProvisionedModelThroughput(
              CreateProvisionedModelThroughputCommand.builder("quiet", "amazon.nova-lite-v1:0:24k", 1)
                  .build())
          .getOrElseThrow(error -> new IllegalStateException(error.message()));
      strata
          .getProvisionedModelThroughput(new GetProvisionedModelThroughputCommand("quiet"))
          .getOrElseThrow(error -> new IllegalStateException(error.message()));
    }
  }

  @Test
  void embedding_strata_writes_nothing_to_the_host_applications_stdout_or_stderr() throws Exception {
    Process host =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.jboss.logging.provider=jdk",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Host.class.getName()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    host.waitFor(60, TimeUnit.SECONDS);

    assertEquals(0, host.exitValue(), output);
    assertEquals("", output);
  }
}
