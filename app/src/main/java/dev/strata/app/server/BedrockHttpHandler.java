package dev.strata.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.strata.domain.BedrockError;
import dev.strata.domain.AccountId;
import dev.strata.domain.Region;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bedrock's restJson1 wire in front of a {@link Strata}: reads at most {@link #MAX_BODY_BYTES} of
 * body, authenticates the caller, routes on the raw path, calls the operation on the Strata acting
 * for the caller's account and region, and writes its reply with {@code Content-Type:
 * application/json} and a fresh {@code x-amzn-RequestId}. Errors carry {@code x-amzn-ErrorType}.
 * Every mutating call, refused or not, leaves one {@link AuditEvent}. Every error reply comes from
 * one {@link Refusal}, Strata's or the HTTP layer's own. Nothing thrown inside reaches the client:
 * an unexpected exception is a bug, logged with the request id (never a header or body) and
 * answered with a generic 500 {@code InternalServerException}.
 */
final class BedrockHttpHandler implements HttpHandler {
  /** The largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final System.Logger LOG = System.getLogger(BedrockHttpHandler.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Strata strata;
  private final Supplier<String> requestIds;
  private final Authentication authentication;
  private final AuditTrail audit;
  private final AccountThrottle throttle;
  private final Clock clock;
  private final ControlEndpoint control;
  private final AtomicInteger inFlight = new AtomicInteger();

  BedrockHttpHandler(
      Strata strata,
      Supplier<String> requestIds,
      Authentication authentication,
      AuditTrail audit,
      AccountThrottle throttle,
      Clock clock,
      ControlEndpoint control) {
    this.strata = strata;
    this.requestIds = requestIds;
    this.authentication = authentication;
    this.audit = audit;
    this.throttle = throttle;
    this.clock = clock;
    this.control = control;
  }

  /** The handler of {@code strata} as {@code config} sets it up. */
  static BedrockHttpHandler of(Strata strata, StrataServer.Config config) {
    return new BedrockHttpHandler(
        strata,
        config.requestIds(),
        config.authentication(),
        config.audit(),
        config.throttle(),
        config.clock(),
        config.control());
  }

  /** How many exchanges are being handled right now. */
  int inFlight() {
    return inFlight.get();
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    String requestId = requestIds.get();
    Call call = new Call(exchange);
    try (exchange) {
      Either<Refusal, Reply> outcome =
          SheddingExecutor.onSheddingThread()
              ? Either.left(WireRefusal.overloaded())
              : attempt(call, requestId);
      Reply reply = outcome.fold(Refusal::reply, served -> served);
      audit(call, requestId, reply);
      write(exchange, requestId, reply);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "request " + requestId + ": the client went away", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** What is known of one exchange as it is handled, for its audit line. */
  private static final class Call {
    final HttpExchange exchange;
    Route route;
    /** The control operation the request names, when its path is the control endpoint's. */
    ControlEndpoint.Operation control;
    Caller caller;
    /** The account and region an authenticated caller acts in. */
    ResourceScope scope;
    WireRequest request;

    Call(HttpExchange exchange) {
      this.exchange = exchange;
    }
  }

  private Either<Refusal, Reply> attempt(Call call, String requestId) throws IOException {
    try {
      return dispatch(call);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.ERROR, "request " + requestId + " failed unexpectedly", e);
      return Either.left(Refusal.internalError());
    }
  }

  private Either<Refusal, Reply> dispatch(Call call) throws IOException {
    HttpExchange exchange = call.exchange;
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String[] segments = Route.split(rawPath == null ? "" : rawPath);
    if (control.claims(rawPath == null ? "" : rawPath)) {
      call.control = control.operation(method, rawPath).orElse(null);
    } else {
      call.route = routeOf(method, segments);
    }
    Either<WireRefusal, byte[]> body = RequestBody.read(exchange, MAX_BODY_BYTES);
    if (body.isLeft()) {
      return Either.left(body.getLeft());
    }
    String rawQuery = exchange.getRequestURI().getRawQuery();
    IncomingRequest incoming =
        IncomingRequest.of(method, rawPath, rawQuery, exchange.getRequestHeaders(), body.get());
    Either<WireRefusal, Option<Caller>> caller = authentication.authenticate(incoming);
    if (caller.isLeft()) {
      return Either.left(caller.getLeft());
    }
    call.caller = caller.get().getOrNull();
    if (call.route == null && call.control == null) {
      return Either.left(WireRefusal.unknownOperation(method, rawPath));
    }
    Strata acting = strata;
    java.util.Optional<Region> unverifiedRegion =
        authentication.required() ? java.util.Optional.empty() : Authentication.scopedRegion(incoming);
    if (call.caller != null || unverifiedRegion.isPresent()) {
      Either<BedrockError, ResourceScope> scope =
          call.caller != null
              ? scopeOf(call.caller.region(), call.caller.account())
              : scopeOf(unverifiedRegion, null);
      if (scope.isLeft()) {
        return Either.left(new Refusal.OfStrata(scope.getLeft()));
      }
      call.scope = scope.get();
      acting = strata.forScope(call.scope);
    }
    if (!throttle.settings().isOff() && !throttle.tryAcquire(accountOf(call))) {
      return Either.left(WireRefusal.throttled());
    }
    if (call.control != null) {
      return runControl(call, acting, rawQuery, body.get());
    }
    Route route = call.route;
    Either<WireRefusal, WireRequest> request =
        WireRequest.read(acting, route, segments, rawQuery, body.get());
    if (request.isLeft()) {
      return Either.left(request.getLeft());
    }
    call.request = request.get();
    return route.operation().apply(call.request);
  }

  /** The route that {@code method} and {@code segments} name, or {@code null}. */
  private static Route routeOf(String method, String[] segments) {
    for (Route route : BedrockOperations.ROUTES) {
      if (route.matches(method, segments)) {
        return route;
      }
    }
    return null;
  }

  /** The control operation of {@code call}, acting for its caller in the scope it acts in. */
  private Either<Refusal, Reply> runControl(Call call, Strata acting, String rawQuery, byte[] body) {
    ResourceScope scope = scopeActedIn(call);
    if (scope == null) {
      Either<BedrockError, ResourceScope> home = strata.scope();
      if (home.isLeft()) {
        return Either.left(new Refusal.OfStrata(home.getLeft()));
      }
      scope = home.get();
    }
    ControlExchange exchange =
        new ControlExchange(
            rawQuery == null ? "" : rawQuery, body, java.util.Optional.ofNullable(call.caller), scope, acting);
    return call.control.run(exchange).<Refusal>mapLeft(Refusal.OfStrata::new).map(Reply::ok);
  }

  /**
   * Where a caller acts: in {@code region} or else the server's, for {@code account} or else the
   * server's, within the server's partition. An unauthenticated request (D19) names its region in
   * its SigV4 credential scope, read but not verified, and acts for the server's account.
   */
  private Either<BedrockError, ResourceScope> scopeOf(
      java.util.Optional<Region> region, AccountId account) {
    return strata
        .scope()
        .map(
            home ->
                ResourceScope.of(
                    home.partition(),
                    region.orElse(home.region()),
                    account == null ? home.account() : account));
  }

  /**
   * The account and region a request acted in: its caller's, or the server's own when no caller
   * needs to authenticate; {@code null} for a caller refused before either was known.
   */
  private ResourceScope scopeActedIn(Call call) {
    if (call.scope != null) {
      return call.scope;
    }
    return authentication.required() ? null : strata.scope().getOrNull();
  }

  /** The account a request counts against. */
  private String accountOf(Call call) {
    ResourceScope scope = scopeActedIn(call);
    return scope == null ? "" : scope.account().toString();
  }

  private void audit(Call call, String requestId, Reply reply) {
    boolean audited = call.route == null ? call.control != null : call.route.mutating();
    if (!audited) {
      return;
    }
    try {
      Caller caller = call.caller;
      ResourceScope scope = scopeActedIn(call);
      String resourceArn =
          reply.errorType() == null && reply.body().hasNonNull("provisionedModelArn")
              ? reply.body().get("provisionedModelArn").asText()
              : null;
      audit.record(
          new AuditEvent(
              clock.instant(),
              requestId,
              call.route == null ? call.control.name() : call.route.name(),
              scope != null
                  ? scope.account().toString()
                  : caller == null ? null : caller.account().toString(),
              scope == null ? null : scope.region().toString(),
              caller == null ? null : caller.principal(),
              call.exchange.getRemoteAddress() == null
                  ? null
                  : call.exchange.getRemoteAddress().getAddress().getHostAddress(),
              call.request == null || call.route == null ? null : call.route.target().of(call.request),
              resourceArn,
              reply.status(),
              reply.errorType() == null ? AuditEvent.SUCCESS : reply.errorType()));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "request " + requestId + ": the audit line could not be written", e);
    }
  }

  private static void write(HttpExchange exchange, String requestId, Reply reply)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(reply.body());
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("x-amzn-RequestId", requestId);
    if (reply.errorType() != null) {
      headers.set("x-amzn-ErrorType", reply.errorType());
    }
    if (reply.closeConnection()) {
      headers.set("Connection", "close");
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
