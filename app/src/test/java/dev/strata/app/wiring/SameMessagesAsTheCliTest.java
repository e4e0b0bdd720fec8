package dev.strata.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.app.cli.StrataCli;
import dev.strata.composition.ConfigurationException;
import dev.strata.composition.StrataSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad key or value refused by the Java entry point ({@link StrataSettings}) and by the CLI in
 * the same words: one implementation of the keys, their precedence and their messages.
 */
class SameMessagesAsTheCliTest {
  @TempDir Path directory;

  /** The first line the CLI prints on stderr for {@code get} in {@code environment}. */
  private static String cliComplaint(Map<String, String> environment, String... options) {
    StringWriter err = new StringWriter();
    String[] args = new String[options.length + 3];
    args[0] = "get";
    args[1] = "--provisioned-model-id";
    args[2] = "x";
    System.arraycopy(options, 0, args, 3, options.length);
    int code = StrataCli.execute(environment, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    assertEquals(StrataCli.USAGE_ERROR, code, err::toString);
    return err.toString().lines().findFirst().orElseThrow();
  }

  private static String javaComplaint(Map<String, String> environment) {
    return assertThrows(
            ConfigurationException.class, () -> StrataSettings.fromEnvironment(environment, new Properties()))
        .getMessage();
  }

  @Test
  void a_bad_variable_is_refused_in_the_same_words() {
    Map<String, String> environment = Map.of("STRATA_STORE", "dynamo");

    assertEquals("store: unknown adapter 'dynamo'; expected inmemory or aws (from STRATA_STORE)", javaComplaint(environment));
    assertEquals(javaComplaint(environment), cliComplaint(environment));
  }

  @Test
  void a_bad_key_of_the_configuration_file_is_refused_in_the_same_words() throws IOException {
    Path file = Files.writeString(directory.resolve("strata.properties"), "store = aws\ntabel = typo\n");
    Map<String, String> environment = Map.of("STRATA_CONFIG", file.toString());

    assertEquals(javaComplaint(environment), cliComplaint(environment));
  }

  @Test
  void a_bad_scope_or_quota_value_is_refused_in_the_same_words() {
    for (Map<String, String> environment :
        new Map[] {
          Map.of("STRATA_REGION", "Mars"),
          Map.of("STRATA_QUOTA_L_FE44174A", "-1"),
          Map.of("STRATA_TRANSITIONS", "eventually"),
          Map.of("STRATA_IDEMPOTENCY", "sometimes")
        }) {
      assertEquals(javaComplaint(environment), cliComplaint(environment), environment::toString);
    }
  }

  @Test
  void a_state_file_with_an_aws_adapter_is_refused_in_the_same_words() {
    Map<String, String> environment =
        Map.of("STRATA_STATE", directory.resolve("s.db").toString(), "STRATA_STORE", "aws");

    assertEquals(javaComplaint(environment), cliComplaint(environment));
  }
}
