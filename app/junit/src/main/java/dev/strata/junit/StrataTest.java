package dev.strata.junit;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.ports.application.IdempotencyMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Serves an in-process Strata on a free loopback port for the annotated test class and injects,
 * into test and lifecycle methods, a ready {@code BedrockClient} (and {@code BedrockAsyncClient}
 * when an async HTTP client is on the class path), the endpoint {@link java.net.URI}, the embedded
 * {@link dev.strata.ports.driving.Strata} and {@link InMemoryStrata}, and the {@link StrataHandle}
 * that resets it and drives its transitions.
 *
 * <p>Each attribute has the default of {@code strata serve}. For a clock, credentials or anything
 * else programmatic, register a {@link StrataExtension} built with {@link
 * StrataExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StrataExtension.class)
@ResourceLock(providers = SdkRedirect.LockProvider.class)
public @interface StrataTest {
  /**
   * When {@code Creating} and {@code Updating} move on (D9): {@code immediate}, {@code manual}
   * (driven by {@link StrataHandle#completeTransition}), {@code after-reads:N} or {@code
   * after-duration:PT30S}.
   */
  String transitions() default "immediate";

  /**
   * Model-unit limits, each {@code LEDGER=UNITS}: {@code L-FE44174A} (no commitment, base models),
   * {@code L-BE77399C} (no commitment, custom models) or {@code committed}. Unnamed ledgers keep
   * 1,000 units.
   */
  String[] quotas() default {};

  /** The ARN seed: the same seed mints the same ids (D17). */
  long seed() default 0;

  /** The home account, twelve digits. */
  String account() default InMemoryStrata.DEFAULT_ACCOUNT;

  /** The home region, and the region of the injected clients. */
  String region() default InMemoryStrata.DEFAULT_REGION;

  /** What Create does with a client request token reused with other parameters (D3). */
  IdempotencyMode idempotency() default IdempotencyMode.LENIENT;

  /** Whether every provisioned throughput, tag, token and quota use is removed before each test. */
  boolean resetBeforeEach() default true;

  /** Whether one server serves the whole class (the default) or each test method gets its own. */
  ServerLifecycle server() default ServerLifecycle.PER_CLASS;

  /**
   * Whether code under test that builds its own client ({@code BedrockClient.create()}) is pointed
   * at this server: the SDK's {@code aws.endpointUrlBedrock} system property (what {@code
   * AWS_ENDPOINT_URL_BEDROCK} sets), {@code aws.region}, {@code aws.accessKeyId} and {@code
   * aws.secretAccessKey} are set while the server runs and restored after. System properties are
   * the JVM's: under parallel execution such classes take JUnit's system-properties lock.
   */
  boolean redirectSdk() default false;
}
