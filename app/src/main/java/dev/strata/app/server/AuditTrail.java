package dev.strata.app.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
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
    JsonFactory json = new JsonFactory();
    BufferedOutputStream buffer = new BufferedOutputStream(out, 64 * 1024);
    AtomicInteger recording = new AtomicInteger();
    return event -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(384);
      try (JsonGenerator line = json.createGenerator(bytes)) {
        line.writeStartObject();
        line.writeStringField("time", event.time().toString());
        line.writeStringField("requestId", event.requestId());
        line.writeStringField("operation", event.operation());
        writeIfPresent(line, "account", event.account());
        writeIfPresent(line, "region", event.region());
        writeIfPresent(line, "principal", event.principal());
        writeIfPresent(line, "sourceAddress", event.sourceAddress());
        writeIfPresent(line, "target", event.target());
        writeIfPresent(line, "resourceArn", event.resourceArn());
        line.writeNumberField("status", event.status());
        line.writeStringField("outcome", event.outcome());
        line.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException("a line of strings always serializes", e);
      }
      recording.incrementAndGet();
      try {
        synchronized (buffer) {
          bytes.writeTo(buffer);
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

  private static void writeIfPresent(JsonGenerator line, String name, String value)
      throws IOException {
    if (value != null) {
      line.writeStringField(name, value);
    }
  }
}
