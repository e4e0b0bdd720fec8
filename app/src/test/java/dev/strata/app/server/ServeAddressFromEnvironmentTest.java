package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code STRATA_HOST} and {@code STRATA_PORT} set where {@code strata serve} listens when {@code
 * --host} and {@code --port} are not given; a flag wins over its variable, and an empty variable is
 * ignored. Through the real process.
 */
class ServeAddressFromEnvironmentTest {

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Test
  void serve_listens_on_strata_host_and_strata_port() throws Exception {
    int port = freePort();
    try (ServeProcess serve =
        ServeProcess.startAsGiven(
            Map.of("STRATA_HOST", "127.0.0.1", "STRATA_PORT", String.valueOf(port)))) {
      assertEquals(port, serve.port);
      assertEquals(200, serve.statusOfGet("/foundation-models"));
    }
  }

  @Test
  void the_port_flag_wins_over_strata_port_and_an_empty_strata_host_is_ignored() throws Exception {
    int taken = freePort();
    try (ServerSocket occupied = new ServerSocket(taken, 1, InetAddress.getByName("127.0.0.1"));
        ServeProcess serve =
            ServeProcess.startAsGiven(
                Map.of("STRATA_HOST", "", "STRATA_PORT", String.valueOf(taken)), "--port", "0")) {
      assertEquals(200, serve.statusOfGet("/foundation-models"));
      assertNotEquals(taken, serve.port);
    }
  }
}
