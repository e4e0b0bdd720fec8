package dev.strata.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the server records every mutating call (Create, Update, Delete, TagResource,
 * UntagResource), whatever its outcome, refused ones included: one {@link AuditEvent} each, once
 * the answer is known and before it is sent, so a caller that has its answer finds its line.
 * Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface AuditTrail {

  void record(AuditEvent event);

  /** Records nothing. */
  static AuditTrail off() {
    return event -> {};
  }

  /**
   * One JSON object per line on {@code out}, members in {@link AuditEvent}'s order and absent ones
   * left out, e.g. {@code {"time":"2026-11-24T10:00:00Z","requestId":"...","operation":
   * "DeleteProvisionedModelThroughput","account":"111111111111",...,"status":200,"outcome":"Success"}}.
   * Lines are written whole, never interleaved. A line reaches {@code out} before {@link #record}
   * returns unless other lines are being recorded at that moment: then the last of them to finish
   * writes them all at once, so concurrent calls share one write instead of queueing for one each.
   */
  static AuditTrail jsonLines(PrintStream out) {
    Objects.requireNonNull(out, "out");
    ObjectMapper json = new ObjectMapper();
    BufferedOutputStream buffer = new BufferedOutputStream(out, 64 * 1024);
    AtomicInteger recording = new AtomicInteger();
    return event -> {
      ObjectNode line = json.createObjectNode();
      line.put("time", event.time().toString());
      line.put("requestId", event.requestId());
      line.put("operation", event.operation());
      putIfPresent(line, "account", event.account());
      putIfPresent(line, "region", event.region());
      putIfPresent(line, "principal", event.principal());
      putIfPresent(line, "sourceAddress", event.sourceAddress());
      putIfPresent(line, "target", event.target());
      putIfPresent(line, "resourceArn", event.resourceArn());
      line.put("status", event.status());
      line.put("outcome", event.outcome());
      byte[] bytes;
      try {
        bytes = json.writeValueAsBytes(line);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree of strings always serializes", e);
      }
      recording.incrementAndGet();
      try {
        synchronized (buffer) {
          buffer.write(bytes);
          buffer.write('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException("the audit log could not be written", e);
      } finally {
        if (recording.decrementAndGet() == 0) {
          synchronized (buffer) {
            try {
              buffer.flush();
            } catch (IOException e) {
              throw new UncheckedIOException("the audit log could not be written", e);
            }
          }
        }
      }
    };
  }

  private static void putIfPresent(ObjectNode line, String name, String value) {
    if (value != null) {
      line.put(name, value);
    }
  }
}
