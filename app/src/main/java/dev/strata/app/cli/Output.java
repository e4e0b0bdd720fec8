package dev.strata.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The output formats of the AWS CLI that Strata supports.
 *
 * <p>{@code json} prints the response shape exactly as the HTTP endpoint sends it, indented by
 * four spaces as the AWS CLI prints it; an empty response prints nothing. {@code text} prints
 * lines of tab-separated fields, described by each command.
 */
enum Output {
  text,
  json;

  /**
   * The AWS CLI's indented JSON writer, built on first use: picocli initializes this enum while it
   * reads the command line, and {@code serve} never prints JSON, so it does not pay for a mapper.
   */
  private static final class Indented {
    static final ObjectWriter JSON =
        new ObjectMapper()
            .writer(
                new DefaultPrettyPrinter(
                        Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("    ", "\n")));
  }

  /** Prints {@code response} in this format; {@code lines} gives its text form. */
  void print(PrintWriter out, ObjectNode response, Function<ObjectNode, List<String>> lines) {
    if (this == json) {
      if (!response.isEmpty()) {
        out.println(json(response));
      }
    } else {
      lines.apply(response).forEach(out::println);
    }
    out.flush();
  }

  private static String json(ObjectNode response) {
    try {
      return Indented.JSON.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code --output} option of every service command. */
  static final class Option {
    @picocli.CommandLine.Option(
        names = "--output",
        defaultValue = "text",
        paramLabel = "<text|json>",
        description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Output output;
  }
}
