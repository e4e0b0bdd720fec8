package dev.strata.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.strata.app.wiring.Wiring;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata create}: CreateProvisionedModelThroughput, with the options of {@code aws bedrock
 * create-provisioned-model-throughput}. The three required options are checked here, as the AWS
 * CLI does; every other constraint is the service's, so {@code --model-units 0} is answered with
 * its ValidationException.
 *
 * <p>Output: {@code text} prints the ARN on its own line; {@code json} prints the response {@code
 * {"provisionedModelArn": "arn:..."}}, indented by four spaces as the AWS CLI prints it.
 */
@Command(
    name = "create",
    aliases = "create-provisioned-model-throughput",
    mixinStandardHelpOptions = true,
    description = "Creates a provisioned throughput and prints its ARN.")
final class CreateCommand implements Callable<Integer> {
  static final String OPERATION = "CreateProvisionedModelThroughput";

  private static final ObjectWriter JSON =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                  .withObjectIndenter(new DefaultIndenter("    ", "\n")));

  /** The output formats of the AWS CLI that Strata supports. */
  enum Output {
    text,
    json
  }

  /** The response shape CreateProvisionedModelThroughputResponse. */
  record Response(String provisionedModelArn) {}

  @ParentCommand private StrataCli global;

  @Spec private CommandSpec spec;

  @Option(
      names = "--model-units",
      required = true,
      paramLabel = "<integer>",
      description = "Number of model units to buy; at least 1.")
  private Integer modelUnits;

  @Option(
      names = "--provisioned-model-name",
      required = true,
      paramLabel = "<string>",
      description = "Name for the provisioned throughput, unique in the account and region.")
  private String provisionedModelName;

  @Option(
      names = "--model-id",
      required = true,
      paramLabel = "<string>",
      description =
          "Foundation-model id with context variant (e.g. amazon.nova-lite-v1:0:24k), "
              + "foundation- or custom-model ARN, or custom-model name.")
  private String modelId;

  @Option(
      names = "--commitment-duration",
      paramLabel = "<string>",
      description = "OneMonth or SixMonths; omit for no commitment.")
  private String commitmentDuration;

  @Option(
      names = "--client-request-token",
      paramLabel = "<string>",
      description = "Idempotency token. Unlike the AWS CLI, none is generated when omitted.")
  private String clientRequestToken;

  @Option(
      names = "--tags",
      arity = "1..*",
      paramLabel = "key=<k>,value=<v>",
      converter = TagConverter.class,
      description =
          "Tags in the AWS CLI shorthand, e.g. --tags key=team,value=ml key=env,value=dev "
              + "(Key= and Value= are accepted as well).")
  private List<RequestTag> tags;

  @Option(
      names = "--output",
      defaultValue = "text",
      paramLabel = "<text|json>",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  private Output output;

  @Override
  public Integer call() throws JsonProcessingException {
    Either<BedrockError, ProvisionedModelArn> result =
        Wiring.strata(global.configuration())
            .createProvisionedModelThroughput(
                new CreateProvisionedModelThroughputCommand(
                    clientRequestToken,
                    modelUnits,
                    provisionedModelName,
                    modelId,
                    commitmentDuration,
                    tags));
    if (result.isLeft()) {
      return serviceError(spec.commandLine().getErr(), OPERATION, result.getLeft());
    }
    PrintWriter out = spec.commandLine().getOut();
    String arn = result.get().value();
    out.println(output == Output.json ? JSON.writeValueAsString(new Response(arn)) : arn);
    out.flush();
    return 0;
  }

  /** Reports {@code error} as the AWS CLI does; the AWS CLI's exit code for it. */
  static int serviceError(PrintWriter err, String operation, BedrockError error) {
    err.println(
        "An error occurred ("
            + error.errorCode()
            + ") when calling the "
            + operation
            + " operation: "
            + error.message());
    err.flush();
    return StrataCli.SERVICE_ERROR;
  }

  /**
   * One tag in the AWS CLI shorthand {@code key=k,value=v}. Bedrock's Tag members are {@code key}
   * and {@code value}; the capitalised {@code Key}/{@code Value} of other services are accepted
   * too. A value may contain {@code =}.
   */
  static final class TagConverter implements ITypeConverter<RequestTag> {
    @Override
    public RequestTag convert(String shorthand) {
      String key = null;
      String value = null;
      for (String member : shorthand.split(",", -1)) {
        int eq = member.indexOf('=');
        String name = eq < 0 ? member : member.substring(0, eq);
        if (eq < 0 || !(name.equalsIgnoreCase("key") || name.equalsIgnoreCase("value"))) {
          throw new TypeConversionException(
              "'" + shorthand + "' is not a tag; expected key=<k>,value=<v>");
        }
        if (name.equalsIgnoreCase("key") ? key != null : value != null) {
          throw new TypeConversionException(
              "'" + shorthand + "' names " + name.toLowerCase(java.util.Locale.ROOT) + " twice");
        }
        if (name.equalsIgnoreCase("key")) {
          key = member.substring(eq + 1);
        } else {
          value = member.substring(eq + 1);
        }
      }
      if (key == null || value == null) {
        throw new TypeConversionException(
            "'" + shorthand + "' needs both key and value: key=<k>,value=<v>");
      }
      return RequestTag.of(key, value);
    }
  }
}
