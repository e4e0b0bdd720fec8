package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.app.server.FuzzRequests.FuzzRequest;
import dev.strata.app.server.FuzzRequests.Known;
import dev.strata.app.server.FuzzRequests.Transport;
import dev.strata.app.server.RawHttp.Outcome;
import dev.strata.app.server.RawHttp.Response;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListCustomModelsCommand;
import dev.strata.ports.driving.ListFoundationModelsCommand;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import dev.strata.ports.driving.Strata;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * A bounded fuzz campaign against a real {@link StrataServer} over real sockets: twelve thousand
 * malformed, random or mutated requests (see {@link FuzzRequests}) from three client threads, about
 * four in five written by hand on keep-alive or one-shot sockets ({@link RawHttp}), the rest sent
 * through {@code java.net.http}. The campaign runs once, before the tests; each test checks one
 * property of what it saw.
 *
 * <p>Three provisioned throughputs with tags exist before the campaign and must come out of it
 * untouched: no request on a mutating route is meant to succeed (see {@link FuzzRequests}), none
 * may, and the stored records and the quota they hold are compared before and after.
 *
 * <p>Two outcomes are accepted rather than counted as failures, both decided by the JDK server
 * before Strata's handler runs: a connection closed without an answer when the request's framing
 * is broken (only requests sent on connections of their own may end so), and a 501 to a
 * Transfer-Encoding other than {@code chunked}, which RFC 9112 section 6.1 asks for.
 *
 * <p>Deterministic: the seed ({@value #DEFAULT_SEED} unless {@code -Dstrata.fuzz.seed=...}) fixes
 * every request; each failure names the seed, the client thread and the request's index, and
 * shows the request. {@code -Dstrata.fuzz.requests=...} changes the count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpFuzzTest {
  static final long DEFAULT_SEED = 20_260_124L;
  static final long SEED = Long.getLong("strata.fuzz.seed", DEFAULT_SEED);
  static final int REQUESTS = Integer.getInteger("strata.fuzz.requests", 12_000);
  static final int THREADS = 3;
  static final int SHOWN = 5;

  static final String NOVA = "fuzz-kept-nova";
  static final String CLAUDE = "fuzz-kept-claude";
  static final String CUSTOM = "fuzz-kept-custom";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Closes the socket of any exchange that outlasts {@link RawHttp#EXCHANGE_LIMIT_MS}. */
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz-watchdog");
            t.setDaemon(true);
            return t;
          });

  InMemoryStrata inMemory;
  ServedStrata served;
  List<ProvisionedThroughput> recordsBefore;
  Map<QuotaKey, QuotaUsage> quotaBefore;
  Tally tally;

  @BeforeAll
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void fuzzTheServer() throws Exception {
    inMemory = InMemoryStrata.builder().seed(SEED).build();
    createKeptRecords(inMemory.service());
    recordsBefore = sorted(inMemory.snapshot().asJava());
    quotaBefore = quotaUsage();
    Known known = known(inMemory.service(), recordsBefore);
    served = ServedStrata.start(inMemory);
    tally = campaign(known);
    System.out.println(tally.summary());
  }

  @AfterAll
  void stopTheServer() {
    if (served != null) {
      served.close();
    }
    watchdog.shutdownNow();
  }

  @Test
  void at_least_ten_thousand_requests_reach_the_server_and_every_connection_is_accepted() {
    assertEquals(REQUESTS, tally.sent.get() + tally.refused.size(), "requests sent");
    assertTrue(
        tally.sent.get() >= Math.min(10_000, REQUESTS),
        "only " + tally.sent.get() + " requests were sent");
    assertTrue(tally.refused.isEmpty(), tally.report("connections refused", tally.refused));
  }

  @Test
  void no_request_is_answered_with_a_5xx() {
    assertTrue(tally.serverErrors.isEmpty(), tally.report("5xx responses", tally.serverErrors));
  }

  @Test
  void every_well_framed_request_is_answered_and_nothing_hangs() {
    assertTrue(tally.hangs.isEmpty(), tally.report("exchanges that hung", tally.hangs));
    assertTrue(
        tally.unanswered.isEmpty(),
        tally.report("well-framed requests left without an answer", tally.unanswered));
  }

  @Test
  void every_refusal_strata_writes_is_an_aws_style_json_error() {
    assertTrue(
        tally.notAwsStyle.isEmpty(),
        tally.report("errors without x-amzn-ErrorType and a JSON message", tally.notAwsStyle));
  }

  @Test
  void every_body_label_or_query_that_is_not_utf8_is_answered_400_serialization_exception() {
    assertPredictedAnswers(FuzzAnswers.NOT_UTF8, REQUESTS / 100, "requests not in UTF-8");
  }

  @Test
  void every_malformed_chunk_size_is_answered_400_serialization_exception_before_the_close() {
    assertPredictedAnswers(FuzzAnswers.MALFORMED_FRAMING, REQUESTS / 200, "malformed chunk sizes");
  }

  /** At least {@code atLeast} requests were predicted {@code answer}, and each was answered so. */
  private void assertPredictedAnswers(FuzzAnswers answer, long atLeast, String what) {
    assertTrue(
        tally.predicted(answer) >= atLeast, "only " + tally.predicted(answer) + " " + what + " sent");
    assertTrue(
        tally.unpredicted.get(answer).isEmpty(),
        tally.report(what + " answered otherwise", tally.unpredicted.get(answer)));
  }

  @Test
  void no_request_on_a_mutating_route_succeeds() {
    assertTrue(
        tally.mutatingSuccesses.isEmpty(),
        tally.report("2xx answers on mutating routes", tally.mutatingSuccesses));
  }

  @Test
  void the_stored_records_their_tags_and_the_quota_they_hold_are_unchanged() {
    assertEquals(recordsBefore, sorted(inMemory.snapshot().asJava()), "seed " + SEED);
    assertEquals(quotaBefore, quotaUsage(), "seed " + SEED);
  }

  @Test
  void the_server_still_answers_normal_requests_and_the_known_records_are_intact()
      throws Exception {
    ListProvisionedModelThroughputsResponse list =
        served.bedrock.listProvisionedModelThroughputs(b -> b.sortBy("CreationTime"));
    assertEquals(200, list.sdkHttpResponse().statusCode());
    assertEquals(
        List.of(NOVA, CLAUDE, CUSTOM).stream().sorted().toList(),
        list.provisionedModelSummaries().stream()
            .map(ProvisionedModelSummary::provisionedModelName)
            .sorted()
            .toList());

    ProvisionedThroughput kept = record(NOVA);
    GetProvisionedModelThroughputResponse nova =
        served.bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(NOVA));
    assertEquals(kept.provisionedModelArn().value(), nova.provisionedModelArn());
    assertEquals(1, nova.modelUnits());
    assertEquals("InService", nova.statusAsString());
    assertEquals(
        List.of(Tag.builder().key("team").value("fuzz").build(), Tag.builder().key("env").value("ci").build()),
        served.bedrock.listTagsForResource(b -> b.resourceARN(kept.provisionedModelArn().value())).tags());

    try (RawHttp fresh = new RawHttp(address(), watchdog)) {
      Outcome o =
          fresh.keepAlive(
              ("GET /foundation-models?byProvider=Amazon HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1),
              false);
      assertEquals(200, o.responses().get(0).status(), String.valueOf(o));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The records the fuzzer must leave alone

  static void createKeptRecords(Strata strata) {
    create(strata, CreateProvisionedModelThroughputCommand.builder(NOVA, "amazon.nova-lite-v1:0:24k", 1)
        .tag("team", "fuzz").tag("env", "ci").build());
    create(strata, CreateProvisionedModelThroughputCommand.builder(CLAUDE, "anthropic.claude-v2:0:100k", 2)
        .commitmentDuration(CommitmentDuration.OneMonth).tag("team", "fuzz").tag("tier", "gold").build());
    create(strata, CreateProvisionedModelThroughputCommand.builder(CUSTOM, "support-bot-titan", 1)
        .commitmentDuration(CommitmentDuration.OneMonth).clientRequestToken("fuzz-kept-token")
        .tag("team", "fuzz").build());
  }

  private static void create(Strata strata, CreateProvisionedModelThroughputCommand command) {
    strata.createProvisionedModelThroughput(command)
        .getOrElseThrow(e -> new IllegalStateException("cannot create " + command + ": " + e.message()));
  }

  static Known known(Strata strata, List<ProvisionedThroughput> records) {
    var foundation =
        strata.listFoundationModels(new ListFoundationModelsCommand(null, null, null, null)).get();
    var custom =
        strata.listCustomModels(
                new ListCustomModelsCommand(null, null, null, null, null, null, null, null, null, null, null))
            .get()
            .modelSummaries();
    String throughputToken =
        strata.listProvisionedModelThroughputs(
                new ListProvisionedModelThroughputsCommand(null, null, null, null, null, 1, null, null, null))
            .get()
            .nextToken()
            .getOrElse("AAAA");
    String customToken =
        strata.listCustomModels(
                new ListCustomModelsCommand(null, null, null, null, null, 1, null, null, null, null, null))
            .get()
            .nextToken()
            .getOrElse("AAAA");
    return new Known(
        records,
        foundation.map(m -> m.arn().modelId()).asJava(),
        foundation.map(m -> m.arn().value()).asJava(),
        custom.map(m -> m.modelName()).asJava(),
        custom.map(m -> m.arn().value()).asJava(),
        List.of(throughputToken),
        List.of(customToken));
  }

  private ProvisionedThroughput record(String name) {
    return recordsBefore.stream()
        .filter(pt -> pt.provisionedModelName().value().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<ProvisionedThroughput> sorted(List<ProvisionedThroughput> records) {
    List<ProvisionedThroughput> copy = new ArrayList<>(records);
    copy.sort(Comparator.comparing(pt -> pt.provisionedModelArn().value()));
    return copy;
  }

  private Map<QuotaKey, QuotaUsage> quotaUsage() {
    Map<QuotaKey, QuotaUsage> usage = new LinkedHashMap<>();
    for (ProvisionedThroughput pt : recordsBefore) {
      QuotaKey key = pt.quotaCharge().key();
      usage.put(key, inMemory.usage(inMemory.home(), key).get());
    }
    return usage;
  }

  // ---------------------------------------------------------------------------------------------
  // The campaign

  private InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", served.server.port());
  }

  private Tally campaign(Known known) throws Exception {
    Tally t = new Tally();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(RawHttp.READ_TIMEOUT_MS))
            .build();
    t.runClients(THREADS, "fuzz-client", thread -> () -> client(thread, known, http, t));
    return t;
  }

  private Void client(int thread, Known known, HttpClient http, Tally t) throws IOException {
    FuzzRequests requests =
        new FuzzRequests(
            SEED,
            thread,
            known,
            served.server.port(),
            () -> InMemoryStrata.builder().seed(SEED).restore(recordsBefore).build());
    int count = REQUESTS / THREADS + (thread < REQUESTS % THREADS ? 1 : 0);
    try (RawHttp connection = new RawHttp(address(), watchdog)) {
      for (int i = 0; i < count && t.hangs.size() < 10; i++) {
        FuzzRequest r = requests.next();
        String where = "seed " + SEED + ", thread " + thread + ", request " + i;
        Outcome outcome;
        try {
          outcome = send(r, connection, http);
        } catch (IOException e) {
          t.refused.add(where + ": " + e + " -- " + r.describe());
          continue;
        }
        t.record(where, r, outcome);
      }
    }
    t.poisoned.addAndGet(requests.poisoned());
    return null;
  }

  private Outcome send(FuzzRequest r, RawHttp connection, HttpClient http) throws IOException {
    switch (r.transport()) {
      case ONE_SHOT:
        return RawHttp.oneShot(address(), watchdog, r.raw(), r.head());
      case HTTP_CLIENT:
        HttpRequest request = clientRequest(r);
        if (request != null) {
          return viaClient(http, request);
        }
        return connection.keepAlive(r.raw(), r.head());
      default:
        return connection.keepAlive(r.raw(), r.head());
    }
  }

  /** The request as java.net.http builds it, or null when it refuses the method, URI or a header. */
  private HttpRequest clientRequest(FuzzRequest r) {
    if (!r.target().startsWith("/")) {
      return null;
    }
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(served.server.url() + r.target()))
              .timeout(Duration.ofMillis(RawHttp.READ_TIMEOUT_MS))
              .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
      boolean typed = false;
      for (String[] h : r.headers()) {
        b.header(h[0], h[1]);
        typed |= h[0].equalsIgnoreCase("Content-Type");
      }
      if (!typed && r.body().length > 0) {
        b.header("Content-Type", "application/json");
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Sends through java.net.http; a connection failure is tried once more, as with a reused raw
   * connection, since the client may pick a pooled connection the server has just closed.
   */
  private static Outcome viaClient(HttpClient http, HttpRequest request) {
    Outcome first = viaClientOnce(http, request);
    return first.responses().isEmpty() && !first.timedOut() ? viaClientOnce(http, request) : first;
  }

  private static Outcome viaClientOnce(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new TreeMap<>();
      r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      return Outcome.answered(List.of(new Response(r.statusCode(), headers, r.body())));
    } catch (HttpTimeoutException e) {
      return Outcome.timedOut(List.of(), e.toString());
    } catch (IOException e) {
      return Outcome.dropped(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.dropped(e.toString());
    }
  }

  /** Everything the campaign saw, and every violation, with where it happened. */
  static final class Tally extends FuzzTally {
    final AtomicInteger poisoned = new AtomicInteger();
    final Map<String, LongAdder> transports = new ConcurrentHashMap<>();
    final Map<String, LongAdder> routes = new ConcurrentHashMap<>();
    final Map<String, LongAdder> dropsByFamily = new ConcurrentHashMap<>();
    final List<String> notAwsStyle = Collections.synchronizedList(new ArrayList<>());
    final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    /** Requests whose answer {@link FuzzAnswers} predicted, by prediction. */
    final Map<FuzzAnswers, LongAdder> predicted = new ConcurrentHashMap<>();
    /** Requests answered otherwise than predicted, or not at all, by prediction. */
    final Map<FuzzAnswers, List<String>> unpredicted = new java.util.EnumMap<>(FuzzAnswers.class);

    {
      for (FuzzAnswers answer : FuzzAnswers.values()) {
        unpredicted.put(answer, Collections.synchronizedList(new ArrayList<>()));
      }
    }

    long predicted(FuzzAnswers answer) {
      LongAdder n = predicted.get(answer);
      return n == null ? 0 : n.sum();
    }

    Tally() {
      super(SEED, "strata.fuzz.seed", SHOWN);
    }

    void record(String where, FuzzRequest r, Outcome o) {
      sent.incrementAndGet();
      count(predicted, r.predicted());
      if (r.predicted() != FuzzAnswers.ANY
          && !o.timedOut()
          && (o.responses().isEmpty() || !r.predicted().answeredBy(o.responses().get(0)))) {
        unpredicted
            .get(r.predicted())
            .add(where + ": " + (o.responses().isEmpty() ? o.failure() : o.responses().get(0).status()
                + " " + shown(o.responses().get(0))) + " -- " + r.describe());
      }
      count(transports, r.transport().name());
      count(routes, r.route() == null ? "(no route)" : r.route());
      if (o.timedOut()) {
        count(outcomes, "timed out");
        hangs.add(where + ": " + o.failure() + " -- " + r.describe());
      } else if (o.responses().isEmpty()) {
        count(dropsByFamily, family(r));
        if (r.overTheHeaderLimit()) {
          count(outcomes, "connection closed: request line and headers over the header limit");
        } else {
          count(outcomes, "connection closed without an answer");
        }
        if (r.transport() != Transport.ONE_SHOT && !r.overTheHeaderLimit()) {
          unanswered.add(where + ": " + o.failure() + " -- " + r.describe());
        }
      }
      for (int i = 0; i < o.responses().size(); i++) {
        Response response = o.responses().get(i);
        int status = response.status();
        String seen = where + ": " + status + " " + shown(response) + " -- " + r.describe();
        if (unsupportedTransferCoding(response, r)) {
          count(outcomes, status + " (from the JDK server: unsupported Transfer-Encoding)");
        } else {
          count(outcomes, status + (response.fromHandler() ? "" : " (from the JDK server)"));
          if (status >= 500) {
            serverErrors.add(seen);
          }
        }
        if (response.fromHandler() && status >= 400 && !awsStyle(response, r.head())) {
          notAwsStyle.add(seen);
        }
        if (i == 0 && r.mutatingRoute() && status >= 200 && status < 300) {
          mutatingSuccesses.add(seen);
        }
      }
    }

    /**
     * The one 5xx tolerated: the JDK server's own 501 to a Transfer-Encoding other than {@code
     * chunked}, sent before Strata's handler is reached (so Strata cannot change it), and what RFC
     * 9112 section 6.1 asks of a server that does not understand a transfer coding.
     */
    static boolean unsupportedTransferCoding(Response response, FuzzRequest request) {
      return response.status() == 501
          && !response.fromHandler()
          && request.declaresTransferEncoding();
    }

    private static boolean awsStyle(Response r, boolean head) {
      String type = r.header("x-amzn-ErrorType");
      if (type == null || type.isBlank() || !"application/json".equals(r.header("content-type"))) {
        return false;
      }
      if (head) {
        return true;
      }
      try {
        JsonNode body = JSON.readTree(r.body());
        return body != null
            && body.isObject()
            && body.path("message").isTextual()
            && !body.path("message").textValue().isBlank();
      } catch (IOException e) {
        return false;
      }
    }

    /** The kind of request, without the mutations applied to it. */
    private static String family(FuzzRequest r) {
      int plus = r.family().indexOf(" +");
      return plus < 0 ? r.family() : r.family().substring(0, plus);
    }

    String summary() {
      return summaryHead("HttpFuzzTest")
          + " ("
          + poisoned.get()
          + " mutations were valid until poisoned)\n  transports: "
          + sortedCounts(transports, "=", ", ")
          + "\n  outcomes:   "
          + sortedCounts(outcomes, "=", ", ")
          + "\n  predicted:  "
          + sortedCounts(predicted, "=", ", ")
          + "\n  routes:     "
          + sortedCounts(routes, "=", ", ")
          + "\n  closed without an answer, by kind of request: "
          + sortedCounts(dropsByFamily, "=", ", ");
    }
  }
}
