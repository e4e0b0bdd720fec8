package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.app.server.HttpLimits.Limit;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strata's defaults for the JDK server's limits, as system properties. Restores the properties it
 * changes; the JDK server of this JVM has read them already, or reads the same values later.
 */
class HttpLimitsTest {
  final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void clearTheProperties() {
    Properties system = System.getProperties();
    for (Limit limit : Limit.values()) {
      saved.put(limit.property(), system.getProperty(limit.property()));
      system.remove(limit.property());
    }
    saved.put(HttpLimits.NODELAY, system.getProperty(HttpLimits.NODELAY));
    system.remove(HttpLimits.NODELAY);
  }

  @AfterEach
  void restoreTheProperties() {
    saved.forEach(
        (property, value) -> {
          if (value == null) {
            System.clearProperty(property);
          } else {
            System.setProperty(property, value);
          }
        });
  }

  @Test
  void strata_sets_its_default_for_every_limit_the_user_left_unset() {
    HttpLimits.applyDefaults();

    assertEquals("100", System.getProperty("sun.net.httpserver.maxReqHeaders"));
    assertEquals("65536", System.getProperty("sun.net.httpserver.maxReqHeaderSize"));
    assertEquals("30", System.getProperty("sun.net.httpserver.maxReqTime"));
    assertEquals("30", System.getProperty("sun.net.httpserver.maxRspTime"));
    assertEquals("30", System.getProperty("sun.net.httpserver.idleInterval"));
    assertEquals("1024", System.getProperty("jdk.httpserver.maxConnections"));
    assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
  }

  @Test
  void a_limit_the_user_set_is_kept() {
    System.setProperty("sun.net.httpserver.maxReqTime", "120");
    System.setProperty("sun.net.httpserver.nodelay", "false");

    HttpLimits.applyDefaults();

    assertEquals("120", System.getProperty("sun.net.httpserver.maxReqTime"));
    assertEquals("false", System.getProperty("sun.net.httpserver.nodelay"));
  }

  @Test
  void set_replaces_a_default_and_refuses_a_value_below_one() {
    HttpLimits.applyDefaults();

    HttpLimits.set(Limit.MAX_CONNECTIONS, 50);

    assertEquals("50", System.getProperty("jdk.httpserver.maxConnections"));
    assertThrows(IllegalArgumentException.class, () -> HttpLimits.set(Limit.MAX_HEADERS, 0));
    assertEquals("100", System.getProperty("sun.net.httpserver.maxReqHeaders"));
  }
}
