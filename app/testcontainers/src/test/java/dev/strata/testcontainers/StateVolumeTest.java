package dev.strata.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The image's {@code /var/lib/strata} volume, as the README uses it: one-shot commands, each in its
 * own container, share their state file there ({@code serve} does not read a state file yet).
 */
class StateVolumeTest {
  private static final String STATE = "/var/lib/strata/state.db";

  @Test
  void a_command_in_a_second_container_gets_what_one_in_the_first_created_in_the_volume() {
    DockerImageName image = LocalImage.strata();
    String volume = "strata-test-state-" + UUID.randomUUID();
    try {
      String arn =
          oneShot(image, volume, "create", "--provisioned-model-name", "kept",
                  "--model-id", "amazon.nova-lite-v1:0:24k", "--model-units", "1")
              .strip();
      String got = oneShot(image, volume, "get", "--provisioned-model-id", "kept");
      assertTrue(arn.startsWith("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/"), arn);
      assertTrue(got.lines().anyMatch(("provisionedModelArn\t" + arn)::equals), got);
      assertTrue(got.lines().anyMatch("status\tInService"::equals), got);
    } finally {
      DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
    }
  }

  /**
   * What {@code docker run --rm -v VOLUME:/var/lib/strata -e STRATA_STATE=... --entrypoint
   * /opt/strata/strata IMAGE COMMAND...} prints; fails unless it exits 0.
   */
  private static String oneShot(DockerImageName image, String volume, String... command) {
    try (GenericContainer<?> container =
        new GenericContainer<>(image)
            .withNetworkMode("host")
            .withEnv("STRATA_STATE", STATE)
            .withCreateContainerCmdModifier(
                cmd -> {
                  cmd.withEntrypoint("/opt/strata/strata");
                  cmd.getHostConfig().withBinds(new Bind(volume, new Volume("/var/lib/strata")));
                })
            .withCommand(command)
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(90)))) {
      container.start();
      assertEquals("", container.getLogs(OutputType.STDERR));
      return container.getLogs(OutputType.STDOUT);
    }
  }
}
