package dev.strata.app.server;

import static dev.strata.app.server.SecuredStrata.ALICE_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.ALICE_API_KEY;
import static dev.strata.app.server.SecuredStrata.ALICE_KEY_ID;
import static dev.strata.app.server.SecuredStrata.ALICE_SECRET;
import static dev.strata.app.server.SecuredStrata.BOB_ACCOUNT;
import static dev.strata.app.server.SecuredStrata.BOB_API_KEY;
import static dev.strata.app.server.SecuredStrata.BOB_KEY_ID;
import static dev.strata.app.server.SecuredStrata.BOB_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.aws.SdkSignatureV4;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.HostileAuthRequests.Account;
import dev.strata.app.server.HostileAuthRequests.AuthRequest;
import dev.strata.app.server.HostileAuthRequests.Kept;
import dev.strata.app.server.HostileAuthRequests.Kind;
import dev.strata.app.server.RawHttp.Outcome;
import dev.strata.app.server.RawHttp.Response;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Hostile input against the authentication path of a real {@link StrataServer} that accepts SigV4
 * (recomputed by the real {@link SdkSignatureV4}) and bearer API keys: a bounded campaign of six
 * thousand requests (see {@link HostileAuthRequests}) from three client threads over raw sockets
 * ({@link RawHttp}). It runs once, before the tests; each test checks one property of what it saw.
 *
 * <p>Before the campaign Alice's account holds three provisioned throughputs in two regions and
 * Bob's two, all made with real SDK clients; the campaign's tampered requests name them, so a
 * request that slipped through would change them. They must come out of it untouched.
 *
 * <p>Every request outside the control group must be refused with 403 and one of the five error
 * types of authentication, except those the HTTP layer refuses before authentication runs (see
 * {@link #refusedBeforeAuthentication}): Strata's handler reads the body before it authenticates,
 * so a body over 1 MiB is 413 {@code RequestEntityTooLargeException} whoever sends it; and the JDK
 * server itself answers 400 to a header line without a colon or with a bad name, before Strata's
 * handler is called at all (other broken framing, a bare CR or LF or a fold, reaches the handler
 * and is refused with 403 like any other).
 *
 * <p>Deterministic: the seed ({@value #DEFAULT_SEED} unless {@code -Dstrata.authfuzz.seed=...})
 * chooses every request (signed ones carry the current time); each failure names the seed, the
 * client thread and the request's index, and shows the request. {@code
 * -Dstrata.authfuzz.requests=...} changes the count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthenticationFuzzTest {
  static final long DEFAULT_SEED = 20_260_207L;
  static final long SEED = Long.getLong("strata.authfuzz.seed", DEFAULT_SEED);
  static final int REQUESTS = Integer.getInteger("strata.authfuzz.requests", 6_000);
  static final int THREADS = 3;
  static final int SHOWN = 5;

  /** The longest run of attacker input a response may repeat: Authentication cuts echoes there. */
  static final int MAX_ECHO = 64;

  static final Set<String> AUTHENTICATION_ERRORS =
      Set.of(
          "MissingAuthenticationTokenException",
          "IncompleteSignatureException",
          "InvalidSignatureException",
          "UnrecognizedClientException",
          "AccessDeniedException");

  static final List<String> SECRETS = List.of(ALICE_SECRET, BOB_SECRET, ALICE_API_KEY, BOB_API_KEY);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "authfuzz-watchdog");
            t.setDaemon(true);
            return t;
          });

  CapturedLog logged;

  InMemoryStrata inMemory;
  SecuredStrata served;
  List<Account> accounts;
  List<ProvisionedThroughput> recordsBefore;
  Map<String, QuotaUsage> quotaBefore;
  int auditBefore;
  Tally tally;

  @BeforeAll
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void fuzzTheAuthenticationPath() throws Exception {
    inMemory =
        InMemoryStrata.builder().seed(SEED).quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 8).build();
    served =
        SecuredStrata.start(
            inMemory,
            Authentication.of(
                Set.of(Authentication.Mode.SIGV4, Authentication.Mode.BEARER),
                SecuredStrata.CREDENTIALS,
                new SdkSignatureV4(),
                Clock.systemUTC()));
    accounts = createKeptRecords();
    theFuzzersOwnSigningIsAcceptedForMutations();
    recordsBefore = sorted(inMemory.snapshot().asJava());
    quotaBefore = quotaUsage();
    auditBefore = served.audit.size();
    logged = CapturedLog.everything();
    tally = campaign();
    System.out.println(tally.summary());
  }

  @AfterAll
  void stopTheServer() {
    if (logged != null) {
      logged.close();
    }
    if (served != null) {
      served.close();
    }
    watchdog.shutdownNow();
  }

  @Test
  void at_least_five_thousand_requests_are_sent_and_every_one_is_answered_without_hanging() {
    assertEquals(REQUESTS, tally.sent.get() + tally.unsent.size(), "requests");
    assertTrue(tally.sent.get() >= Math.min(5_000, REQUESTS), "only " + tally.sent.get() + " sent");
    assertTrue(tally.unsent.isEmpty(), tally.report("requests that could not be sent", tally.unsent));
    assertTrue(tally.hangs.isEmpty(), tally.report("exchanges that hung", tally.hangs));
    assertTrue(tally.unanswered.isEmpty(), tally.report("well-framed requests left without an answer", tally.unanswered));
  }

  @Test
  void no_request_is_answered_with_a_5xx() {
    assertTrue(tally.serverErrors.isEmpty(), tally.report("5xx responses", tally.serverErrors));
  }

  @Test
  void every_refusal_is_a_403_with_an_authentication_error_type_and_a_json_message() {
    assertTrue(
        tally.wrongRefusals.isEmpty(),
        tally.report(
            "refusals that are not 403 with " + AUTHENTICATION_ERRORS + " and {\"message\": ...}"
                + " (nor 413/400 from the HTTP layer before authentication)",
            tally.wrongRefusals));
  }

  @Test
  void every_validly_signed_request_changed_in_one_thing_is_refused_with_403() {
    assertTrue(tally.count(Kind.TAMPERED) >= REQUESTS / 5, "only " + tally.count(Kind.TAMPERED) + " tampered");
    assertTrue(tally.tamperedNot403.isEmpty(), tally.report("tampered requests not refused with 403", tally.tamperedNot403));
  }

  @Test
  void every_correctly_signed_control_request_succeeds_for_its_own_account_only() {
    assertTrue(tally.count(Kind.CONTROL) >= REQUESTS / 20, "only " + tally.count(Kind.CONTROL) + " controls");
    assertTrue(tally.controlFailures.isEmpty(), tally.report("control requests that failed", tally.controlFailures));
  }

  @Test
  void no_request_outside_the_control_group_succeeds_and_no_mutating_route_answers_2xx() {
    assertTrue(tally.accepted.isEmpty(), tally.report("hostile or tampered requests accepted", tally.accepted));
    assertTrue(tally.mutatingSuccesses.isEmpty(), tally.report("2xx on mutating routes", tally.mutatingSuccesses));
  }

  @Test
  void nothing_in_either_account_changed() {
    assertEquals(recordsBefore, sorted(inMemory.snapshot().asJava()), "seed " + SEED);
    assertEquals(quotaBefore, quotaUsage(), "seed " + SEED);
  }

  @Test
  void no_response_log_or_audit_line_contains_a_secret() {
    assertTrue(tally.leaks.isEmpty(), tally.report("responses containing a secret", tally.leaks));
    String audit;
    synchronized (served.audit) {
      audit = served.audit.toString();
    }
    String logs = String.join("\n", logged.lines());
    for (String secret : SECRETS) {
      assertTrue(!audit.contains(secret), "an audit line contains a secret (seed " + SEED + ")");
      assertTrue(!logs.contains(secret), "a log line contains a secret (seed " + SEED + ")");
    }
  }

  @Test
  void every_audit_line_of_the_campaign_records_a_refusal_without_a_caller() {
    List<AuditEvent> campaign;
    synchronized (served.audit) {
      campaign = List.copyOf(served.audit.subList(auditBefore, served.audit.size()));
    }
    assertTrue(!campaign.isEmpty(), "refused mutating calls are audited too");
    for (AuditEvent event : campaign) {
      assertTrue(
          (event.status() == 403 || event.status() == 413)
              && event.account() == null
              && event.principal() == null
              && event.target() == null
              && !event.outcome().equals(AuditEvent.SUCCESS),
          "seed " + SEED + ": " + event);
    }
  }

  @Test
  void no_response_echoes_more_than_64_characters_of_attacker_input() {
    assertTrue(tally.echoes.isEmpty(), tally.report("responses echoing more than " + MAX_ECHO + " characters", tally.echoes));
    assertTrue(
        tally.fullEchoes.get() > 0,
        "no response repeats 64 characters: the echo check would not see a longer echo either");
  }

  @Test
  void the_server_still_answers_correctly_signed_requests_and_the_records_are_intact() {
    BedrockClient alice = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1);
    BedrockClient aliceEu = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.EU_WEST_1);
    BedrockClient bob = served.bearer(BOB_API_KEY);

    assertEquals(List.of("alice-kept-a", "alice-kept-b"), names(alice.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries()));
    assertEquals(List.of("alice-kept-eu"), names(aliceEu.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries()));
    assertEquals(List.of("bob-kept-a", "bob-kept-b"), names(bob.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries()));
    assertEquals(
        List.of(Tag.builder().key("team").value("a").build()),
        alice.listTagsForResource(r -> r.resourceARN(arn("alice-kept-a"))).tags());
    assertEquals(
        List.of(Tag.builder().key("team").value("b").build()),
        bob.listTagsForResource(r -> r.resourceARN(arn("bob-kept-a"))).tags());
  }

  // ---------------------------------------------------------------------------------------------
  // The records the campaign must leave alone, made with real SDK clients

  private List<Account> createKeptRecords() {
    BedrockClient alice = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.US_EAST_1);
    BedrockClient aliceEu = served.sigv4(ALICE_KEY_ID, ALICE_SECRET, Region.EU_WEST_1);
    BedrockClient bob = served.bearer(BOB_API_KEY);
    List<Kept> aliceRecords =
        List.of(
            create(alice, "alice-kept-a", "us-east-1", "team", "a"),
            create(alice, "alice-kept-b", "us-east-1", "env", "ci"),
            create(aliceEu, "alice-kept-eu", "eu-west-1", "team", "a-eu"));
    List<Kept> bobRecords =
        List.of(
            create(bob, "bob-kept-a", "us-east-1", "team", "b"),
            create(bob, "bob-kept-b", "us-east-1", "env", "prod"));
    return List.of(
        new Account(ALICE_ACCOUNT, ALICE_KEY_ID, ALICE_SECRET, ALICE_API_KEY, aliceRecords),
        new Account(BOB_ACCOUNT, BOB_KEY_ID, BOB_SECRET, BOB_API_KEY, bobRecords));
  }

  /**
   * A TagResource and an UntagResource (leaving the tags as they were) signed and sent as the
   * tampered requests are before their one change: both must succeed, or the tampered requests'
   * 403s would prove nothing.
   */
  private void theFuzzersOwnSigningIsAcceptedForMutations() throws IOException {
    HostileAuthRequests signer = new HostileAuthRequests(SEED, -1, accounts, served.server.port());
    Account alice = accounts.get(0);
    Kept kept = alice.records().get(2);
    for (boolean add : List.of(true, false)) {
      AuthRequest r = signer.signedTagging(alice, kept, add);
      Outcome o = RawHttp.oneShot(address(), watchdog, r.raw(), false);
      assertEquals(1, o.responses().size(), r.describe() + " -- " + o);
      assertEquals(200, o.responses().get(0).status(), r.describe() + " -- " + RawHttp.printable(o.responses().get(0).body(), 300));
    }
  }

  private static Kept create(BedrockClient client, String name, String region, String tag, String value) {
    String arn =
        client
            .createProvisionedModelThroughput(
                r ->
                    r.provisionedModelName(name)
                        .modelId(HostileAuthRequests.FOUNDATION_MODEL)
                        .modelUnits(1)
                        .tags(Tag.builder().key(tag).value(value).build()))
            .provisionedModelArn();
    return new Kept(name, arn, region);
  }

  private String arn(String name) {
    return accounts.stream()
        .flatMap(a -> a.records().stream())
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow()
        .arn();
  }

  private static List<String> names(List<ProvisionedModelSummary> summaries) {
    return summaries.stream().map(ProvisionedModelSummary::provisionedModelName).sorted().toList();
  }

  private static List<ProvisionedThroughput> sorted(List<ProvisionedThroughput> records) {
    List<ProvisionedThroughput> copy = new ArrayList<>(records);
    copy.sort(Comparator.comparing(pt -> pt.provisionedModelArn().value()));
    return copy;
  }

  private Map<String, QuotaUsage> quotaUsage() {
    Map<String, QuotaUsage> usage = new LinkedHashMap<>();
    for (ProvisionedThroughput pt : recordsBefore) {
      usage.put(
          pt.scope() + " " + pt.quotaCharge().key(),
          inMemory.usage(pt.scope(), pt.quotaCharge().key()).get());
    }
    return usage;
  }

  // ---------------------------------------------------------------------------------------------
  // The campaign

  private InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", served.server.port());
  }

  private Tally campaign() throws Exception {
    Tally t = new Tally();
    t.runClients(THREADS, "authfuzz-client", thread -> () -> client(thread, t));
    return t;
  }

  private Void client(int thread, Tally t) {
    HostileAuthRequests requests = new HostileAuthRequests(SEED, thread, accounts, served.server.port());
    int count = REQUESTS / THREADS + (thread < REQUESTS % THREADS ? 1 : 0);
    try (RawHttp connection = new RawHttp(address(), watchdog)) {
      for (int i = 0; i < count && t.hangs.size() < 10; i++) {
        AuthRequest r = requests.next();
        String where = "seed " + SEED + ", thread " + thread + ", request " + i;
        Outcome outcome;
        try {
          outcome =
              r.oneShot()
                  ? RawHttp.oneShot(address(), watchdog, r.raw(), r.head())
                  : connection.keepAlive(r.raw(), r.head());
        } catch (IOException e) {
          t.unsent.add(where + ": " + e + " -- " + r.describe());
          continue;
        }
        t.record(where, r, outcome);
      }
    }
    return null;
  }

  /**
   * Whether {@code response} is a refusal the HTTP layer made before authentication could run: the
   * handler's 413 to a body declared over 1 MiB, or the JDK server's own 400 (no {@code
   * x-amzn-RequestId}: Strata's handler never saw the request) to broken header framing.
   */
  static boolean refusedBeforeAuthentication(AuthRequest r, Response response) {
    return switch (r.kind()) {
      case OVERSIZED -> response.status() == 413
          && "RequestEntityTooLargeException".equals(response.header("x-amzn-ErrorType"))
          && awsStyle(response, r.head());
      case BROKEN_FRAMING -> response.status() == 400 && !response.fromHandler();
      default -> false;
    };
  }

  static boolean awsStyle(Response r, boolean head) {
    if (!r.fromHandler() || !"application/json".equals(r.header("content-type"))) {
      return false;
    }
    if (head) {
      return true;
    }
    JsonNode message = message(r);
    return message != null && message.isTextual() && !message.textValue().isBlank();
  }

  static JsonNode message(Response r) {
    try {
      JsonNode body = JSON.readTree(r.body());
      return body != null && body.isObject() && body.size() == 1 ? body.get("message") : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Everything the campaign saw, and every violation, with where it happened. */
  static final class Tally extends FuzzTally {
    final AtomicInteger fullEchoes = new AtomicInteger();
    final Map<Kind, LongAdder> kinds = new ConcurrentHashMap<>();
    final Map<String, LongAdder> families = new ConcurrentHashMap<>();
    final List<String> unsent = Collections.synchronizedList(new ArrayList<>());
    final List<String> wrongRefusals = Collections.synchronizedList(new ArrayList<>());
    final List<String> tamperedNot403 = Collections.synchronizedList(new ArrayList<>());
    final List<String> controlFailures = Collections.synchronizedList(new ArrayList<>());
    final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    final List<String> leaks = Collections.synchronizedList(new ArrayList<>());
    final List<String> echoes = Collections.synchronizedList(new ArrayList<>());

    Tally() {
      super(SEED, "strata.authfuzz.seed", SHOWN);
    }

    long count(Kind kind) {
      LongAdder n = kinds.get(kind);
      return n == null ? 0 : n.sum();
    }

    void record(String where, AuthRequest r, Outcome o) {
      sent.incrementAndGet();
      count(kinds, r.kind());
      if (o.timedOut()) {
        count(outcomes, r.kind() + " timed out");
        hangs.add(where + ": " + o.failure() + " -- " + r.describe());
        return;
      }
      if (o.responses().isEmpty()) {
        String closed =
            r.overTheHeaderLimit()
                ? " connection closed: request line and headers over the header limit"
                : " connection closed without an answer";
        count(outcomes, r.kind() + closed);
        count(families, r.kind() + " " + familyHead(r.family()) + " ->" + closed);
        if (r.kind() != Kind.BROKEN_FRAMING && !r.overTheHeaderLimit()) {
          unanswered.add(where + ": " + o.failure() + " -- " + r.describe());
        }
        return;
      }
      Response response = o.responses().get(0);
      int status = response.status();
      String type = response.header("x-amzn-ErrorType");
      String seen = where + ": " + status + " " + shown(response) + " -- " + r.describe();
      count(outcomes, r.kind() + " " + status + (type == null ? "" : " " + type)
          + (response.fromHandler() ? "" : " (from the JDK server)"));
      if (r.kind() != Kind.CONTROL) {
        count(families, r.kind() + " " + familyHead(r.family()) + " -> " + status + (type == null ? "" : " " + type));
      }
      if (status >= 500) {
        serverErrors.add(seen);
      }
      String everything = everything(response);
      for (String secret : SECRETS) {
        if (everything.contains(secret)) {
          leaks.add(where + ": " + status + " " + type + " -- " + r.kind() + " " + r.family());
        }
      }
      if (r.kind() == Kind.CONTROL) {
        checkControl(seen, r, response);
        return;
      }
      if (status >= 200 && status < 300) {
        accepted.add(seen);
        if (r.mutatingRoute()) {
          mutatingSuccesses.add(seen);
        }
      } else if (!refusedBeforeAuthentication(r, response)
          && !(status == 403 && AUTHENTICATION_ERRORS.contains(type) && awsStyle(response, r.head()))) {
        wrongRefusals.add(seen);
      }
      if (r.kind() == Kind.TAMPERED && status != 403) {
        tamperedNot403.add(seen);
      }
      if (r.kind() == Kind.OVERSIZED && status != 413) {
        wrongRefusals.add(seen + " (expected the handler's 413: it reads the body first)");
      }
      int echoed = longestEcho(response, r.attackerInput());
      if (echoed > MAX_ECHO) {
        echoes.add(where + ": more than " + MAX_ECHO + " characters echoed in " + shown(response) + " -- " + r.describe());
      } else if (echoed == MAX_ECHO) {
        fullEchoes.incrementAndGet();
      }
    }

    private void checkControl(String seen, AuthRequest r, Response response) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      if (response.status() != 200 || response.header("x-amzn-ErrorType") != null) {
        controlFailures.add(seen);
        return;
      }
      for (String expected : r.mustContain()) {
        if (!body.contains(expected)) {
          controlFailures.add(seen + " (missing " + expected + ")");
        }
      }
      for (String unexpected : r.mustNotContain()) {
        if (body.contains(unexpected)) {
          controlFailures.add(seen + " (shows another account's or region's " + unexpected + ")");
        }
      }
    }

    /** The response's header values and body as text, raw and (for JSON) decoded. */
    private static String everything(Response r) {
      StringBuilder all = new StringBuilder();
      r.headers().forEach((k, v) -> all.append(k).append(": ").append(v).append('\n'));
      all.append(new String(r.body(), StandardCharsets.ISO_8859_1)).append('\n');
      all.append(new String(r.body(), StandardCharsets.UTF_8)).append('\n');
      JsonNode message = message(r);
      if (message != null && message.isTextual()) {
        all.append(message.textValue());
      }
      return all.toString();
    }

    /**
     * How much of the request's attacker-controlled values (as sent, or as {@code Authentication}
     * makes them printable) the response (headers, raw body, decoded message) repeats: {@link
     * #MAX_ECHO} + 1 for more than {@link #MAX_ECHO} characters in a row, {@link #MAX_ECHO} for
     * exactly that many, else 0.
     */
    static int longestEcho(Response r, List<String> inputs) {
      String text = everything(r);
      boolean full = false;
      for (String input : inputs) {
        if (input.length() < MAX_ECHO) {
          continue;
        }
        String printable = printable(input);
        if (Echo.shares(text, input, MAX_ECHO + 1) || Echo.shares(text, printable, MAX_ECHO + 1)) {
          return MAX_ECHO + 1;
        }
        full = full || Echo.shares(text, input, MAX_ECHO) || Echo.shares(text, printable, MAX_ECHO);
      }
      return full ? MAX_ECHO : 0;
    }

    private static String printable(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        out.append(c >= ' ' && c <= '~' ? c : '?');
      }
      return out.toString();
    }

    private static String familyHead(String family) {
      int plus = family.indexOf(" + ");
      String head = plus < 0 ? family : family.substring(0, plus);
      return head.length() > 70 ? head.substring(0, 70) + "..." : head;
    }

    /**
     * Three lines for the build log: the head, the kinds and the outcomes; the tally by what was
     * done to each request goes to a file the last line names.
     */
    String summary() {
      Path full =
          writeFullTally(
              "AuthenticationFuzzTest",
              "by what was done to the request (first change only):\n  "
                  + sortedCounts(families, " = ", "\n  "));
      return summaryHead("AuthenticationFuzzTest") + "; " + fullEchoes.get() + " responses repeat exactly "
          + MAX_ECHO + " characters of attacker input, none more"
          + "\n  kinds:    " + sortedCounts(kinds, " = ", ", ")
          + "\n  outcomes: " + sortedCounts(outcomes, " = ", ", ")
          + "\n  " + families.size() + " kinds of change, tallied in " + full;
    }
  }

  /** Whether two texts share a run of {@code n} characters: Rabin-Karp over the shorter's windows. */
  static final class Echo {
    private static final long BASE = 1_000_003L;

    static boolean shares(String a, String b, int n) {
      String small = a.length() <= b.length() ? a : b;
      String large = small == a ? b : a;
      if (small.length() < n) {
        return false;
      }
      long power = 1;
      for (int i = 1; i < n; i++) {
        power *= BASE;
      }
      long[] windows = new long[small.length() - n + 1];
      long h = 0;
      for (int i = 0; i < small.length(); i++) {
        h = roll(h, power, small, i, n);
        if (i >= n - 1) {
          windows[i - n + 1] = h;
        }
      }
      java.util.Arrays.sort(windows);
      h = 0;
      for (int i = 0; i < large.length(); i++) {
        h = roll(h, power, large, i, n);
        if (i >= n - 1
            && java.util.Arrays.binarySearch(windows, h) >= 0
            && small.contains(large.substring(i - n + 1, i + 1))) {
          return true;
        }
      }
      return false;
    }

    private static long roll(long h, long power, String s, int i, int n) {
      long dropped = i >= n ? h - power * s.charAt(i - n) : h;
      return dropped * BASE + s.charAt(i);
    }
  }
}
