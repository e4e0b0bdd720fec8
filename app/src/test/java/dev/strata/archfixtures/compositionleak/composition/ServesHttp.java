package dev.strata.archfixtures.compositionleak.composition;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;

/** Violation (no HTTP server): the composition module opens the JDK's HTTP server. */
public final class ServesHttp {
  public HttpServer serve() throws IOException {
    return HttpServer.create();
  }
}
