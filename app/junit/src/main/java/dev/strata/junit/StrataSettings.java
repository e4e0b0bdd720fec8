package dev.strata.junit;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.Credentials;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.ports.application.IdempotencyMode;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one test class's Strata is built from: what {@link StrataTest}'s attributes or
 * {@link StrataExtension.Builder} say. Immutable; each {@code with} returns a copy.
 */
final class StrataSettings {
  /** The access key of the injected clients and of {@link StrataTest#redirectSdk()}. */
  static final String TEST_ACCESS_KEY_ID = "strata-test";

  static final String TEST_SECRET_ACCESS_KEY = "strata-test-secret";

  final Clock clock;
  final long seed;
  final String account;
  final String region;
  final StatusTransitionPolicy transitions;
  final Map<QuotaLedger, Long> quotas;
  final IdempotencyMode idempotency;
  final boolean resetBeforeEach;
  final ServerLifecycle lifecycle;
  final boolean redirectSdk;
  final Optional<Authenticated> authentication;

  /**
   * Requests must be signed with SigV4 by a key of {@code credentials}; the injected clients sign
   * with {@code accessKeyId} and {@code secretAccessKey}.
   */
  record Authenticated(Credentials credentials, String accessKeyId, String secretAccessKey) {
    Authenticated {
      Objects.requireNonNull(credentials, "credentials");
      if (credentials.accessKey(accessKeyId).filter(k -> k.secretAccessKey().equals(secretAccessKey)).isEmpty()) {
        throw new IllegalArgumentException(
            "the clients' access key " + accessKeyId + " is not in the credentials, or has another secret");
      }
    }
  }

  private StrataSettings(
      Clock clock,
      long seed,
      String account,
      String region,
      StatusTransitionPolicy transitions,
      Map<QuotaLedger, Long> quotas,
      IdempotencyMode idempotency,
      boolean resetBeforeEach,
      ServerLifecycle lifecycle,
      boolean redirectSdk,
      Optional<Authenticated> authentication) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seed = seed;
    this.account = Objects.requireNonNull(account, "account");
    this.region = Objects.requireNonNull(region, "region");
    this.transitions = Objects.requireNonNull(transitions, "transitions");
    this.quotas = Map.copyOf(quotas);
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.resetBeforeEach = resetBeforeEach;
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.redirectSdk = redirectSdk;
    this.authentication = Objects.requireNonNull(authentication, "authentication");
  }

  /** The defaults of {@code strata serve}, reset before each test, one server per class. */
  static StrataSettings defaults() {
    return new StrataSettings(
        Clock.systemUTC(),
        0,
        InMemoryStrata.DEFAULT_ACCOUNT,
        InMemoryStrata.DEFAULT_REGION,
        StatusTransitionPolicy.immediate(),
        Map.of(),
        IdempotencyMode.LENIENT,
        true,
        ServerLifecycle.PER_CLASS,
        false,
        Optional.empty());
  }

  /** What {@code annotation} says; a bad attribute throws, naming it. */
  static StrataSettings of(StrataTest annotation) {
    StrataSettings s =
        defaults()
            .with(b -> {
              b.seed = annotation.seed();
              b.account = annotation.account();
              b.region = annotation.region();
              b.transitions = transitionsNamed(annotation.transitions());
              b.idempotency = annotation.idempotency();
              b.resetBeforeEach = annotation.resetBeforeEach();
              b.lifecycle = annotation.server();
              b.redirectSdk = annotation.redirectSdk();
            });
    for (String quota : annotation.quotas()) {
      int eq = quota.indexOf('=');
      String ledger = eq < 0 ? quota : quota.substring(0, eq);
      long units;
      try {
        units = Long.parseLong(quota.substring(eq + 1));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        units = -1;
      }
      if (eq < 0 || units < 0) {
        throw new IllegalArgumentException(
            "@StrataTest(quotas) '" + quota + "' is not LEDGER=UNITS with UNITS a whole number >= 0");
      }
      s = s.withQuota(ledgerNamed(ledger), units);
    }
    return s;
  }

  static StatusTransitionPolicy transitionsNamed(String name) {
    return StatusTransitionPolicy.named(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "@StrataTest(transitions) '" + name + "' is not one of " + StatusTransitionPolicy.NAMES));
  }

  private static QuotaLedger ledgerNamed(String name) {
    return QuotaLedger.named(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "@StrataTest(quotas) ledger '" + name + "' is not L-FE44174A, L-BE77399C or committed"));
  }

  StrataSettings withQuota(QuotaLedger ledger, long units) {
    if (units < 0) {
      throw new IllegalArgumentException("quota " + ledger + " must be at least 0, not " + units);
    }
    Map<QuotaLedger, Long> changed = new EnumMap<>(QuotaLedger.class);
    changed.putAll(quotas);
    changed.put(ledger, units);
    return with(b -> b.quotas = changed);
  }

  StrataSettings with(java.util.function.Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new StrataSettings(
        f.clock, f.seed, f.account, f.region, f.transitions, f.quotas, f.idempotency,
        f.resetBeforeEach, f.lifecycle, f.redirectSdk, f.authentication);
  }

  /** An in-memory Strata as these settings describe it, empty. */
  InMemoryStrata build() {
    InMemoryStrata.Builder b =
        InMemoryStrata.builder()
            .clock(clock)
            .seed(seed)
            .account(account)
            .region(region)
            .transitions(transitions)
            .idempotency(idempotency);
    quotas.forEach(b::quota);
    return b.build();
  }

  /** The settings as they are being changed. */
  static final class Fields {
    Clock clock;
    long seed;
    String account;
    String region;
    StatusTransitionPolicy transitions;
    Map<QuotaLedger, Long> quotas;
    IdempotencyMode idempotency;
    boolean resetBeforeEach;
    ServerLifecycle lifecycle;
    boolean redirectSdk;
    Optional<Authenticated> authentication;

    private Fields(StrataSettings s) {
      clock = s.clock;
      seed = s.seed;
      account = s.account;
      region = s.region;
      transitions = s.transitions;
      quotas = s.quotas;
      idempotency = s.idempotency;
      resetBeforeEach = s.resetBeforeEach;
      lifecycle = s.lifecycle;
      redirectSdk = s.redirectSdk;
      authentication = s.authentication;
    }
  }
}
