package dev.strata.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.json.PlainJson;
import dev.strata.domain.CustomModel;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ProvisionedThroughputAttributes;
import dev.strata.domain.Tags;
import dev.strata.ports.driving.CustomModelPage;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Domain values as the output shapes of service-2.json: member names exactly as the model spells
 * them, timestamps as ISO-8601 UTC strings with milliseconds, absent optional members omitted.
 * The public methods render whole responses for other front ends (the CLI), so that they print
 * exactly what the wire carries.
 */
public final class WireShapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final byte[] TIMESTAMP_TEMPLATE =
      "0000-00-00T00:00:00.000Z".getBytes(StandardCharsets.ISO_8859_1);

  private WireShapes() {}

  /** An empty structure, e.g. the response of UpdateProvisionedModelThroughput. */
  public static ObjectNode object() {
    return JSON.objectNode();
  }

  /**
   * {@code instant} as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, written digit by digit for the
   * years 1 to 9999 (every response carries two or more; the formatter allocates a builder and a
   * BigDecimal for the fraction each time), by the formatter otherwise.
   */
  static String timestamp(Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    if (date.getYear() < 1 || date.getYear() > 9999) {
      return TIMESTAMP.format(instant);
    }
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    byte[] text = TIMESTAMP_TEMPLATE.clone();
    digits(text, 0, 4, date.getYear());
    digits(text, 5, 2, date.getMonthValue());
    digits(text, 8, 2, date.getDayOfMonth());
    digits(text, 11, 2, secondOfDay / 3600);
    digits(text, 14, 2, secondOfDay / 60 % 60);
    digits(text, 17, 2, secondOfDay % 60);
    digits(text, 20, 3, instant.getNano() / 1_000_000);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code value} as {@code width} decimal digits ending at {@code at + width}. */
  private static void digits(byte[] text, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** {@code ProvisionedModelSummary}: GetProvisionedModelThroughputResponse less failureMessage. */
  static ObjectNode provisionedModelSummary(ProvisionedThroughput pt) {
    return shape(ProvisionedThroughputAttributes.summary(pt));
  }

  /** {@code GetProvisionedModelThroughputResponse}. */
  public static ObjectNode provisionedModelDetails(ProvisionedThroughput pt) {
    return shape(ProvisionedThroughputAttributes.details(pt));
  }

  /** Wire members as JSON, their timestamps rendered in the wire's format. */
  private static ObjectNode shape(Map<String, Object> members) {
    members.replaceAll((name, value) -> value instanceof Instant instant ? timestamp(instant) : value);
    return PlainJson.object(members);
  }

  /** {@code ListProvisionedModelThroughputsResponse}. */
  public static ObjectNode provisionedThroughputPage(ProvisionedThroughputPage page) {
    return page(
        "provisionedModelSummaries",
        page.provisionedModelSummaries().map(WireShapes::provisionedModelSummary),
        page.nextToken());
  }

  /** {@code ListCustomModelsResponse}. */
  static ObjectNode customModelPage(CustomModelPage page) {
    return page(
        "modelSummaries", page.modelSummaries().map(WireShapes::customModelSummary), page.nextToken());
  }

  /** {@code ListFoundationModelsResponse}, which is not paginated. */
  static ObjectNode foundationModelList(io.vavr.collection.Seq<FoundationModel> models) {
    return page("modelSummaries", models.map(WireShapes::foundationModel), io.vavr.control.Option.none());
  }

  /** A page of a paginated list: its items under {@code member}, and {@code nextToken} if any. */
  private static ObjectNode page(
      String member, io.vavr.collection.Seq<ObjectNode> items, io.vavr.control.Option<String> next) {
    ObjectNode body = object();
    ArrayNode list = body.putArray(member);
    items.forEach(list::add);
    next.forEach(t -> body.put("nextToken", t));
    return body;
  }

  /** {@code FoundationModelDetails} and {@code FoundationModelSummary}, which share members. */
  static ObjectNode foundationModel(FoundationModel model) {
    ObjectNode node =
        object()
            .put("modelArn", model.arn().value())
            .put("modelId", model.modelId())
            .put("modelName", model.modelName())
            .put("providerName", model.providerName());
    putNames(node, "inputModalities", model.inputModalities());
    putNames(node, "outputModalities", model.outputModalities());
    node.put("responseStreamingSupported", model.responseStreamingSupported());
    putNames(node, "customizationsSupported", model.customizationsSupported());
    putNames(node, "inferenceTypesSupported", model.inferenceTypesSupported());
    node.putObject("modelLifecycle").put("status", model.lifecycleStatus().name());
    return node;
  }

  /** {@code GetCustomModelResponse}: the members Strata knows; job and training members omitted. */
  public static ObjectNode customModelDetails(CustomModel model) {
    return object()
        .put("modelArn", model.arn().value())
        .put("modelName", model.modelName())
        .put("baseModelArn", model.baseModelArn().value())
        .put("customizationType", model.customizationType().name())
        .put("creationTime", timestamp(model.creationTime()))
        .put("modelStatus", model.modelStatus().name());
  }

  /**
   * {@code CustomModelSummary}. {@code baseModelName} (shape {@code ModelName}, {@code
   * provider.name}) is the base model id without its version and context suffixes.
   */
  static ObjectNode customModelSummary(CustomModel model) {
    String baseModelId = model.baseModelArn().modelId();
    int colon = baseModelId.indexOf(':');
    return object()
        .put("modelArn", model.arn().value())
        .put("modelName", model.modelName())
        .put("creationTime", timestamp(model.creationTime()))
        .put("baseModelArn", model.baseModelArn().value())
        .put("baseModelName", colon < 0 ? baseModelId : baseModelId.substring(0, colon))
        .put("customizationType", model.customizationType().name())
        .put("ownerAccountId", model.ownerAccountId().value())
        .put("modelStatus", model.modelStatus().name());
  }

  /** {@code ListTagsForResourceResponse}. */
  public static ObjectNode tags(Tags tags) {
    ObjectNode node = object();
    ArrayNode list = node.putArray("tags");
    tags.asList()
        .forEach(t -> list.addObject().put("key", t.key().value()).put("value", t.value().value()));
    return node;
  }

  private static void putNames(ObjectNode node, String member, List<? extends Enum<?>> values) {
    ArrayNode list = node.putArray(member);
    values.forEach(v -> list.add(v.name()));
  }
}
