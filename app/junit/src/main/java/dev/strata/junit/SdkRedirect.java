package dev.strata.junit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Points every AWS SDK for Java v2 client built by default ({@code BedrockClient.create()}) at a
 * Strata endpoint, through the SDK's own system properties, and puts back what was there on
 * {@link #restore()}: a property that was absent is removed again.
 */
final class SdkRedirect {
  /** The SDK's endpoint override for Bedrock alone, what {@code AWS_ENDPOINT_URL_BEDROCK} sets. */
  static final String ENDPOINT = "aws.endpointUrlBedrock";

  static final String REGION = "aws.region";
  static final String ACCESS_KEY_ID = "aws.accessKeyId";
  static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";

  private final Map<String, Optional<String>> previous = new LinkedHashMap<>();

  private SdkRedirect() {}

  /** Sets the four properties to {@code endpoint}, {@code region} and the given key. */
  static SdkRedirect to(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    SdkRedirect r = new SdkRedirect();
    r.set(ENDPOINT, endpoint.toString());
    r.set(REGION, region);
    r.set(ACCESS_KEY_ID, accessKeyId);
    r.set(SECRET_ACCESS_KEY, secretAccessKey);
    return r;
  }

  private void set(String key, String value) {
    previous.put(key, Optional.ofNullable(System.getProperty(key)));
    System.setProperty(key, value);
  }

  /** Each property as it was before {@link #to}. */
  void restore() {
    previous.forEach(
        (key, value) -> value.ifPresentOrElse(v -> System.setProperty(key, v), () -> System.clearProperty(key)));
    previous.clear();
  }

  /**
   * Under JUnit's parallel execution, a {@link StrataTest} class that redirects the SDK holds
   * JUnit's system-properties lock for writing; one that does not takes no lock.
   */
  public static final class LockProvider implements ResourceLocksProvider {
    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
      boolean redirects =
          AnnotationSupport.findAnnotation(testClass, StrataTest.class).map(StrataTest::redirectSdk).orElse(false);
      return redirects ? Set.of(new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE)) : Set.of();
    }
  }
}
