package dev.strata.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata list}: ListProvisionedModelThroughputs, as {@code aws bedrock
 * list-provisioned-model-throughputs}: one page per invocation, like the AWS CLI with {@code
 * --no-paginate}; pass the printed {@code nextToken} to {@code --next-token} for the next page.
 * Filter values reach the service as given, so a bad one is its ValidationException.
 *
 * <p>Text output: one line per provisioned throughput, {@code
 * provisionedModelName<TAB>provisionedModelArn<TAB>status<TAB>modelUnits<TAB>modelArn<TAB>commitmentDuration<TAB>creationTime}
 * ({@code -} for no commitment), then {@code NEXTTOKEN<TAB>token} when another page may follow.
 */
@Command(
    name = "list",
    aliases = "list-provisioned-model-throughputs",
    mixinStandardHelpOptions = true,
    description = {
      "Prints one page of provisioned throughputs, newest first unless --sort-order says otherwise.",
      "Text output: one line per provisioned throughput, with the tab-separated columns"
          + " provisionedModelName, provisionedModelArn, status, modelUnits, modelArn,"
          + " commitmentDuration (- for none) and creationTime; then NEXTTOKEN<TAB><token> when"
          + " another page may follow."
    })
final class ListCommand extends ServiceCommand {
  static final String OPERATION = "ListProvisionedModelThroughputs";

  private static final List<String> COLUMNS =
      List.of(
          "provisionedModelName",
          "provisionedModelArn",
          "status",
          "modelUnits",
          "modelArn",
          "commitmentDuration",
          "creationTime");

  @Option(
      names = "--creation-time-after",
      paramLabel = "<timestamp>",
      converter = TimestampConverter.class,
      description = "Only those created after this ISO-8601 time, e.g. 2025-01-31T12:00:00Z.")
  private Instant creationTimeAfter;

  @Option(
      names = "--creation-time-before",
      paramLabel = "<timestamp>",
      converter = TimestampConverter.class,
      description = "Only those created before this ISO-8601 time.")
  private Instant creationTimeBefore;

  @Option(
      names = "--status-equals",
      paramLabel = "<string>",
      description = "Only those in this status: Creating, InService, Updating or Failed.")
  private String statusEquals;

  @Option(
      names = "--model-arn-equals",
      paramLabel = "<string>",
      description = "Only those serving the model with this ARN.")
  private String modelArnEquals;

  @Option(
      names = "--name-contains",
      paramLabel = "<string>",
      description = "Only those whose name contains this (case-sensitive).")
  private String nameContains;

  @Option(
      names = "--max-results",
      paramLabel = "<integer>",
      description = "Page size, 1 to 1000. Default: 1000.")
  private Integer maxResults;

  @Option(
      names = "--next-token",
      paramLabel = "<string>",
      description = "The nextToken of the previous page, with the same filters and order.")
  private String nextToken;

  @Option(names = "--sort-by", paramLabel = "<string>", description = "CreationTime.")
  private String sortBy;

  @Option(
      names = "--sort-order",
      paramLabel = "<string>",
      description = "Ascending or Descending. Default: Descending.")
  private String sortOrder;

  @Override
  ServiceCall<?> serviceCall() {
    ListProvisionedModelThroughputsCommand command =
        new ListProvisionedModelThroughputsCommand(
            creationTimeAfter,
            creationTimeBefore,
            statusEquals,
            modelArnEquals,
            nameContains,
            maxResults,
            nextToken,
            sortBy,
            sortOrder);
    return new ServiceCall<>(
            OPERATION,
            strata -> strata.listProvisionedModelThroughputs(command),
            WireShapes::provisionedThroughputPage,
            ListCommand::rows);
  }

  private static List<String> rows(ObjectNode response) {
    List<String> lines = new ArrayList<>();
    for (JsonNode summary : response.get("provisionedModelSummaries")) {
      List<String> cells = new ArrayList<>();
      COLUMNS.forEach(c -> cells.add(summary.has(c) ? summary.get(c).asText() : "-"));
      lines.add(String.join("\t", cells));
    }
    if (response.has("nextToken")) {
      lines.add("NEXTTOKEN\t" + response.get("nextToken").asText());
    }
    return lines;
  }

  /**
   * An ISO-8601 instant ({@code 2025-01-31T12:00:00Z}), date-time with offset ({@code
   * 2025-01-31T13:00:00+01:00}) or date ({@code 2025-01-31}, midnight UTC).
   */
  static final class TimestampConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notDateTime) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new TypeConversionException(
              "'" + value + "' is not an ISO-8601 timestamp such as 2025-01-31T12:00:00Z");
        }
      }
    }
  }
}
