package dev.strata.testcontainers;

import com.github.dockerjava.api.model.HealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * Strata's Bedrock-compatible endpoint in a container, for tests.
 *
 * <p>The container shares the host's network (network mode {@code host}) and serves on a free
 * loopback port chosen when it is created, passed as {@code STRATA_PORT}; {@link #endpoint()} is
 * {@code http://127.0.0.1:PORT}. {@link #start()} returns once the image's health check reports
 * healthy, i.e. the endpoint answers a ListProvisionedModelThroughputs. The endpoint checks no
 * signatures ({@code STRATA_AUTH=none}): any credentials do, and {@link #accessKeyId()} and
 * {@link #secretAccessKey()} are the conventional {@code test}/{@code test}. Every request acts for
 * account {@link #ACCOUNT} in {@link #region()}.
 */
public final class StrataContainer extends GenericContainer<StrataContainer> {

  /** The image {@code app/docker/build-image.sh} builds. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("strata:local");

  /** The account every request acts for: Strata's default {@code --account}. */
  public static final String ACCOUNT = "123456789012";

  private static final Duration HEALTH_INTERVAL = Duration.ofMillis(500);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

  private final int port;

  /** {@link #DEFAULT_IMAGE}. */
  public StrataContainer() {
    this(DEFAULT_IMAGE);
  }

  /** {@code image}: Strata's image, or one built {@code FROM} it. */
  public StrataContainer(DockerImageName image) {
    super(image);
    this.port = freeLoopbackPort();
    withNetworkMode("host");
    withEnv("STRATA_PORT", Integer.toString(port));
    // the image's own check, asked every half second instead of every five while it starts
    withCreateContainerCmdModifier(
        cmd ->
            cmd.withHealthcheck(
                new HealthCheck()
                    .withInterval(HEALTH_INTERVAL.toNanos())
                    .withStartPeriod(STARTUP_TIMEOUT.toNanos())));
    waitingFor(Wait.forHealthcheck().withStartupTimeout(STARTUP_TIMEOUT));
  }

  /** The loopback port the endpoint listens on. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The region every request acts in: Strata's default {@code --region}. */
  public Region region() {
    return Region.US_EAST_1;
  }

  public String accessKeyId() {
    return "test";
  }

  public String secretAccessKey() {
    return "test";
  }

  /** A new client of this container's endpoint, region and credentials; the caller closes it. */
  public BedrockClient bedrockClient() {
    return BedrockClient.builder()
        .endpointOverride(endpoint())
        .region(region())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId(), secretAccessKey())))
        .build();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
