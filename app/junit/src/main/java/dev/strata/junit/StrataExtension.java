package dev.strata.junit;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.Credentials;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.StrataControl;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * The extension behind {@link StrataTest}; register one built by {@link #builder()} with {@code
 * @RegisterExtension} (on a static field, for a server per class) to configure what an annotation
 * cannot hold: a clock, credentials.
 *
 * <p>Each test class gets its own server, so classes run in parallel share nothing. Parameters of
 * these types are injected into test, {@code @BeforeEach} and {@code @AfterEach} methods (and
 * {@code @BeforeAll} ones when the server is per class): {@link BedrockClient}, {@link
 * BedrockAsyncClient} (when an async HTTP client is on the class path), {@link URI} (the
 * endpoint), {@link Strata}, {@link InMemoryStrata}, {@link StrataControl} (Strata's control API)
 * and {@link StrataHandle}, the control handle.
 */
public final class StrataExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StrataExtension.class);

  private final Optional<StrataSettings> configured;

  /** What {@link StrataTest} registers: its settings come from the annotation. */
  public StrataExtension() {
    this.configured = Optional.empty();
  }

  private StrataExtension(StrataSettings settings) {
    this.configured = Optional.of(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    StrataSettings settings = settings(context);
    boolean nestedInAServedClass = context.getParent().flatMap(StrataExtension::find).isPresent();
    if (settings.lifecycle == ServerLifecycle.PER_CLASS && !nestedInAServedClass) {
      context.getStore(NAMESPACE).put(RunningStrata.class, RunningStrata.start(settings));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    StrataSettings settings = settings(context);
    Optional<RunningStrata> classServer = find(context);
    if (settings.lifecycle == ServerLifecycle.PER_METHOD || classServer.isEmpty()) {
      // an extension in an instance field sees no beforeAll: its server is per method
      context.getStore(NAMESPACE).put(RunningStrata.class, RunningStrata.start(settings));
    } else if (settings.resetBeforeEach) {
      classServer.get().handle.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeOwn(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeOwn(context);
  }

  /** Stops the server this context started, now rather than when JUnit closes the store. */
  private static void closeOwn(ExtensionContext context) {
    RunningStrata own = context.getStore(NAMESPACE).remove(RunningStrata.class, RunningStrata.class);
    if (own != null) {
      own.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == BedrockAsyncClient.class) {
      return RunningStrata.asyncHttpAvailable();
    }
    return type == BedrockClient.class
        || type == URI.class
        || type == Strata.class
        || type == InMemoryStrata.class
        || type == StrataHandle.class
        || type == StrataControl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningStrata running = running(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == BedrockClient.class) {
      return running.client();
    }
    if (type == BedrockAsyncClient.class) {
      return running.asyncClient();
    }
    if (type == URI.class) {
      return running.endpoint;
    }
    if (type == Strata.class) {
      return running.strata.service();
    }
    if (type == InMemoryStrata.class) {
      return running.strata;
    }
    if (type == StrataControl.class) {
      return running.strata.control();
    }
    return running.handle;
  }

  /** The server of this test: its own, else its (enclosing) class's. */
  private static Optional<RunningStrata> find(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      RunningStrata r = c.get().getStore(NAMESPACE).get(RunningStrata.class, RunningStrata.class);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static RunningStrata running(ExtensionContext context) {
    return find(context).orElseThrow(() -> new ParameterResolutionException(
        "no Strata server is running for " + context.getDisplayName()
            + ": with server = PER_METHOD it exists only in test, @BeforeEach and @AfterEach methods"));
  }

  private StrataSettings settings(ExtensionContext context) {
    return configured.orElseGet(
        () ->
            AnnotationSupport.findAnnotation(context.getRequiredTestClass(), StrataTest.class)
                .map(StrataSettings::of)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "StrataExtension needs @StrataTest on " + context.getRequiredTestClass().getName()
                                + " or registration through StrataExtension.builder()")));
  }

  /** Settings for a {@link StrataExtension}; each has the default of {@link StrataTest}. */
  public static final class Builder {
    private StrataSettings settings = StrataSettings.defaults();

    private Builder() {}

    /** The clock every time Strata shows is read from; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      return change(s -> s.with(f -> f.clock = clock));
    }

    /** See {@link StrataTest#seed()}. */
    public Builder seed(long seed) {
      return change(s -> s.with(f -> f.seed = seed));
    }

    /** See {@link StrataTest#account()}. */
    public Builder account(String account) {
      return change(s -> s.with(f -> f.account = account));
    }

    /** See {@link StrataTest#region()}. */
    public Builder region(String region) {
      return change(s -> s.with(f -> f.region = region));
    }

    /** When pending statuses move on (D9): any policy, e.g. {@code manual().failing(...)}. */
    public Builder transitions(StatusTransitionPolicy transitions) {
      return change(s -> s.with(f -> f.transitions = transitions));
    }

    /** A model-unit limit (D14). */
    public Builder quota(QuotaLedger ledger, long units) {
      return change(s -> s.withQuota(ledger, units));
    }

    /** See {@link StrataTest#idempotency()}. */
    public Builder idempotency(IdempotencyMode idempotency) {
      return change(s -> s.with(f -> f.idempotency = idempotency));
    }

    /** See {@link StrataTest#resetBeforeEach()}. */
    public Builder resetBeforeEach(boolean reset) {
      return change(s -> s.with(f -> f.resetBeforeEach = reset));
    }

    /** See {@link StrataTest#server()}. */
    public Builder server(ServerLifecycle lifecycle) {
      return change(s -> s.with(f -> f.lifecycle = lifecycle));
    }

    /**
     * See {@link StrataTest#redirectSdk()}. Registered this way, the extension cannot take JUnit's
     * system-properties lock itself: under parallel execution, annotate the class with {@code
     * @ResourceLock(Resources.SYSTEM_PROPERTIES)}.
     */
    public Builder redirectSdk(boolean redirect) {
      return change(s -> s.with(f -> f.redirectSdk = redirect));
    }

    /**
     * Requests must be signed with SigV4 by a key of {@code credentials}, as under {@code strata
     * serve --auth sigv4 --credentials FILE}; the injected clients sign with {@code accessKeyId},
     * which must be one of them, and act for its account.
     */
    public Builder sigv4(Credentials credentials, String accessKeyId, String secretAccessKey) {
      StrataSettings.Authenticated auth =
          new StrataSettings.Authenticated(credentials, accessKeyId, secretAccessKey);
      return change(s -> s.with(f -> f.authentication = Optional.of(auth)));
    }

    public StrataExtension build() {
      return new StrataExtension(settings);
    }

    private Builder change(Function<StrataSettings, StrataSettings> change) {
      settings = change.apply(settings);
      return this;
    }
  }
}
