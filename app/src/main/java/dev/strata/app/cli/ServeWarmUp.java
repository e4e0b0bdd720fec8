package dev.strata.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.validation.RequestValidator;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code serve}'s first answer needs and no command-line option changes, prepared on a
 * daemon thread while the main thread reads the command line, opens the adapters and binds: the
 * shared Jakarta validator with the constraint metadata of every command of the driving port, and
 * Jackson's shared set-up (its classes and static tables, which every mapper then reuses). The
 * main thread never waits for it except where it needs the same work, which it then finds done or
 * in progress.
 */
final class ServeWarmUp {
  private ServeWarmUp() {}

  static void start() {
    Thread warmUp = new Thread(ServeWarmUp::run, "strata-serve-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static void run() {
    RequestValidator.prepareShared(commands());
    try {
      new ObjectMapper().writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("warm", 1));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson cannot write an object node", e);
    }
  }

  /** The commands the driving port's operations take. */
  static List<Class<?>> commands() {
    return Arrays.stream(Strata.class.getMethods())
        .flatMap(m -> Arrays.stream(m.getParameterTypes()))
        .filter(Class::isRecord)
        .<Class<?>>map(c -> c)
        .distinct()
        .toList();
  }
}
