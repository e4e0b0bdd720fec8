package dev.strata.testcontainers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Strata's image, built once per test run by {@code app/docker/build-image.sh} from the strata.jar
 * the app module just packaged. Tests that need it are skipped, with the reason, when this machine
 * has no Docker daemon or cannot build the base image offline (the script's exit code 3); any
 * other failure of the build fails them.
 */
final class LocalImage {
  private static final long BUILD_MINUTES = 15;

  private static DockerImageName built;
  private static String unavailable;

  private LocalImage() {}

  /** The freshly built image, or the test is aborted (skipped) saying why there is none. */
  static synchronized DockerImageName strata() {
    if (built == null && unavailable == null) {
      build();
      if (unavailable != null) {
        System.out.println("Skipping the container tests: " + unavailable);
      }
    }
    assumeTrue(
        unavailable == null, () -> "Strata's container image is unavailable: " + unavailable);
    return built;
  }

  private static void build() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable = "no Docker daemon that Testcontainers can reach";
      return;
    }
    Path script = Path.of(System.getProperty("strata.image.script", "../docker/build-image.sh"));
    try {
      Path log = Files.createTempFile("strata-image-build", ".log");
      String tag = StrataContainer.DEFAULT_IMAGE.asCanonicalNameString();
      Process process =
          new ProcessBuilder("bash", script.toString(), "--tag", tag)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " took over " + BUILD_MINUTES + " minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8).strip();
      Files.delete(log);
      System.out.println(output);
      switch (process.exitValue()) {
        case 0 -> built = StrataContainer.DEFAULT_IMAGE;
        case 3 -> unavailable = output;
        default -> throw new IllegalStateException(script + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted building the image", e);
    }
  }
}
