package dev.strata.app.server;

import com.sun.net.httpserver.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as it arrived, before anything is decoded: method, raw path and query, headers by
 * lowercase name with their values in arrival order, and the body.
 */
record IncomingRequest(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  static IncomingRequest of(
      String method, String rawPath, String rawQuery, Headers received, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    received.forEach(
        (name, values) ->
            headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
    return new IncomingRequest(
        method, rawPath == null ? "" : rawPath, rawQuery == null ? "" : rawQuery, headers, body);
  }

  /** The first value of header {@code lowercaseName}, or {@code null}. */
  String header(String lowercaseName) {
    List<String> values = headers.get(lowercaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Whether the raw query has a parameter named exactly {@code name}. */
  boolean hasQueryParameter(String name) {
    for (String pair : rawQuery.split("&")) {
      if (pair.equals(name) || pair.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }
}
