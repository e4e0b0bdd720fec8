package dev.strata.app.server;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The java.util.logging records a logger publishes while this is open. Opened {@link #everything()
 * on the root}, it sees every record at INFO and above (the build's logging configuration leaves
 * the root at WARNING) and the console still gets what it would; opened {@link #instead(String)
 * instead of the console} for one logger, that logger's records reach only the test, so a
 * deliberate failure is asserted on rather than printed. Closing restores the logger.
 */
final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level level;
  private final boolean useParentHandlers;
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (records) {
            records.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLog(Logger logger, Level level, boolean exclusive) {
    this.logger = logger;
    this.level = logger.getLevel();
    this.useParentHandlers = logger.getUseParentHandlers();
    handler.setLevel(Level.ALL);
    logger.setLevel(level);
    logger.addHandler(handler);
    if (exclusive) {
      logger.setUseParentHandlers(false);
    }
  }

  /** Every record at INFO and above, from any logger, as well as where it goes anyway. */
  static CapturedLog everything() {
    return new CapturedLog(Logger.getLogger(""), Level.INFO, false);
  }

  /** Every record of logger {@code name}, kept from the console. */
  static CapturedLog instead(String name) {
    return new CapturedLog(Logger.getLogger(name), Level.ALL, true);
  }

  /** Each record so far as {@code LEVEL message thrown}. */
  List<String> lines() {
    synchronized (records) {
      return records.stream()
          .map(r -> r.getLevel() + " " + r.getMessage() + " " + r.getThrown())
          .toList();
    }
  }

  List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(useParentHandlers);
    logger.setLevel(level);
  }
}
