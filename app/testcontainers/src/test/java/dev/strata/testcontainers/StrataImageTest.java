package dev.strata.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;

/**
 * The image as built by {@code app/docker/build-image.sh}, run with host networking: what it
 * serves, how Docker sees its health and user, and how it stops.
 */
class StrataImageTest {
  /** Strata's default --grace-seconds, and docker stop's default timeout before SIGKILL. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  /** The exit code of a JVM that ran its shutdown hooks on SIGTERM (128 + 15); SIGKILL is 137. */
  private static final long STOPPED_BY_SIGTERM = 143;

  private static StrataContainer shared;

  /** One container for the tests that leave it running; each test skips if there is no image. */
  private static StrataContainer running() {
    DockerImageName image = LocalImage.strata();
    if (shared == null) {
      shared = new StrataContainer(image);
      shared.start();
    }
    return shared;
  }

  @AfterAll
  static void stop() {
    if (shared != null) {
      shared.stop();
    }
  }

  @Test
  void the_sdk_creates_gets_and_deletes_a_provisioned_throughput_in_the_container() {
    try (BedrockClient bedrock = running().bedrockClient()) {
      String arn =
          bedrock
              .createProvisionedModelThroughput(
                  r -> r.provisionedModelName("image-crud")
                      .modelId("amazon.nova-lite-v1:0:24k")
                      .modelUnits(2))
              .provisionedModelArn();
      GetProvisionedModelThroughputResponse got =
          bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("image-crud"));
      assertEquals(arn, got.provisionedModelArn());
      assertEquals(2, got.modelUnits());
      bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn));
      assertThrows(
          ResourceNotFoundException.class,
          () -> bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)));
    }
  }

  @Test
  void docker_reports_the_container_healthy_once_it_serves() {
    InspectContainerResponse inspected = inspect(running());
    assertEquals("healthy", inspected.getState().getHealth().getStatus());
  }

  /**
   * The JVM maps the archive it accepted into its memory: only the launcher passes it, and a JVM
   * that refused it (another JDK's, or one not matching the jar) maps none.
   */
  @Test
  void the_endpoint_runs_from_the_class_data_sharing_archive_the_image_wrote() throws Exception {
    ExecResult maps = running().execInContainer("cat", "/proc/1/maps");
    assertEquals(0, maps.getExitCode(), maps.getStderr());
    assertTrue(maps.getStdout().contains(" /opt/strata/strata.jsa\n"), "no strata.jsa in /proc/1/maps");
    ExecResult pid1 = running().execInContainer("readlink", "/proc/1/exe");
    assertTrue(pid1.getStdout().strip().endsWith("/bin/java"), pid1.getStdout());
  }

  @Test
  void the_endpoint_runs_as_a_user_other_than_root() throws Exception {
    InspectContainerResponse inspected = inspect(running());
    assertEquals("strata", inspected.getConfig().getUser());
    assertEquals("10001", running().execInContainer("id", "-u").getStdout().strip());
  }

  @Test
  void the_image_declares_its_state_directory_a_volume() {
    InspectContainerResponse inspected = inspect(running());
    assertEquals(Set.of("/var/lib/strata"), inspected.getConfig().getVolumes().keySet());
  }

  @Test
  void sigterm_stops_the_container_within_the_grace_period() {
    try (StrataContainer stopped = new StrataContainer(LocalImage.strata())) {
      stopped.start();
      long started = System.nanoTime();
      docker()
          .stopContainerCmd(stopped.getContainerId())
          .withTimeout((int) GRACE.toSeconds())
          .exec();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      InspectContainerResponse inspected = inspect(stopped);
      System.out.println("docker stop (SIGTERM) took " + took.toMillis() + " ms");
      assertEquals(STOPPED_BY_SIGTERM, inspected.getState().getExitCodeLong());
    }
  }

  private static InspectContainerResponse inspect(StrataContainer container) {
    return docker().inspectContainerCmd(container.getContainerId()).exec();
  }

  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }
}
