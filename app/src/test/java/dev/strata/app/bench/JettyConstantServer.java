package dev.strata.app.bench;

import dev.strata.app.server.StrataServer;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@link ConstantServer}'s constant response on Jetty 12 (its core API, no servlets), for {@link
 * StackBenchmark}: the loopback, one acceptor and one selector thread, a pool of {@link
 * StrataServer.Config#of} threads for the requests plus those two and two spare, HTTP/1.1 only, the
 * same body and response headers (and no {@code Server} header). Test code only.
 *
 * <p>{@code java -cp TEST_CLASSPATH dev.strata.app.bench.JettyConstantServer [PORT]} prints {@code
 * Jetty listening on http://127.0.0.1:PORT} and serves until the process is terminated.
 */
public final class JettyConstantServer {
  private JettyConstantServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    byte[] body = ConstantServer.body();
    StrataServer.Config config = StrataServer.Config.of("127.0.0.1", port);
    QueuedThreadPool pool = new QueuedThreadPool(config.threads() + 4, 4);
    pool.setName("jetty-http");
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    server.setHandler(new Constant(body));
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                }));
    System.out.println("Jetty listening on http://127.0.0.1:" + connector.getLocalPort());
    System.out.flush();
    stopped.await();
  }

  /** Writes the body (a GET has none to drain) with the headers a Strata success carries. */
  private static final class Constant extends Handler.Abstract {
    private final byte[] body;

    Constant(byte[] body) {
      super(InvocationType.BLOCKING);
      this.body = body;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put("x-amzn-RequestId", ConstantServer.REQUEST_ID);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }
}
