package dev.strata.app.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.Wiring;
import dev.strata.domain.QuotaLedger;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One GetProvisionedModelThroughput and one CreateProvisionedModelThroughput through the endpoint's
 * handler ({@link BedrockHttpHandler}, configured as {@code serve} configures it by default), in
 * process, without the JDK server or a socket: what the handler itself costs per request, in time
 * and, with JMH's {@code -prof gc}, in bytes allocated ({@code gc.alloc.rate.norm}, B/op).
 *
 * <p>The exchange is reused: each invocation rewinds its request body and clears its response
 * headers, so that the harness allocates nothing per Get. Each Create builds its request body (a new
 * name and token, about 300 bytes of strings and bytes) and counts it. Run with {@code mvn -B -Pbench
 * -DskipTests verify -Dloadbench.skip=true -Dbench.args="HandlerBenchmark -f 1 -prof gc"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandlerBenchmark {
  static final String MODEL = "amazon.nova-lite-v1:0:24k";
  static final String AUTHORIZATION =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=0";

  /** The handler over a fresh in-memory Strata per iteration holding the provisioned throughput Get reads. */
  @State(Scope.Thread)
  public static class Endpoint {
    BedrockHttpHandler handler;
    Exchange get;
    Exchange create;
    long next;

    @Setup(Level.Iteration)
    public void fresh() {
      StrataConfiguration unlimited = StrataConfiguration.defaults();
      for (QuotaLedger ledger : QuotaLedger.values()) {
        unlimited = unlimited.withQuotaLimit(ledger, Long.MAX_VALUE);
      }
      handler =
          BedrockHttpHandler.of(Wiring.strata(unlimited), StrataServer.Config.of("127.0.0.1", 0));
      create = new Exchange("POST", "/provisioned-model-throughput");
      create.body(createBody("bench-get"));
      handler.handle(create);
      if (create.status != 201) {
        throw new IllegalStateException("the Get target was not created: " + create.status);
      }
      get = new Exchange("GET", "/provisioned-model-throughput/bench-get");
      get.body(new byte[0]);
      next = 0;
    }
  }

  static byte[] createBody(String name) {
    return ("{\"clientRequestToken\":\"" + name + "\",\"modelUnits\":1,\"provisionedModelName\":\""
            + name + "\",\"modelId\":\"" + MODEL + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public int get(Endpoint e) {
    e.get.rewind();
    e.handler.handle(e.get);
    return e.get.status;
  }

  @Benchmark
  public int create(Endpoint e) {
    e.create.body(createBody("bench-" + e.next++));
    e.handler.handle(e.create);
    return e.create.status;
  }

  /** An exchange that replays one request and drops the response body. */
  static final class Exchange extends HttpExchange {
    /** Drops what is written; closing it changes nothing, as the exchange is replayed. */
    private static final OutputStream SINK =
        new OutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public void write(byte[] b, int off, int len) {}
        };
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4010);

    private final String method;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private ByteArrayInputStream body;
    int status;

    Exchange(String method, String path) {
      this.method = method;
      this.uri = URI.create(path);
      requestHeaders.set("Host", "127.0.0.1:4010");
      requestHeaders.set("X-Amz-Date", "20260101T000000Z");
      requestHeaders.set("Authorization", AUTHORIZATION);
    }

    void body(byte[] bytes) {
      body = new ByteArrayInputStream(bytes);
      requestHeaders.set("Content-Length", Integer.toString(bytes.length));
      rewind();
    }

    void rewind() {
      body.reset();
      responseHeaders.clear();
      status = 0;
    }

    @Override
    public Headers getRequestHeaders() {
      return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return uri;
    }

    @Override
    public String getRequestMethod() {
      return method;
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return body;
    }

    @Override
    public OutputStream getResponseBody() {
      return SINK;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
      status = rCode;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return CLIENT;
    }

    @Override
    public int getResponseCode() {
      return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return SERVER;
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream i, OutputStream o) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
