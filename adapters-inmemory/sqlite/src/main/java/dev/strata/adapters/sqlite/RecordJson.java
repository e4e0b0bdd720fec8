package dev.strata.adapters.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.Tag;
import dev.strata.domain.Tags;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One provisioned throughput as the JSON text of its {@code record} column: every attribute of the
 * aggregate, with the member names of the JSON state file ({@code strata export}), the optional
 * ones only when present. The one place that maps the aggregate to stored form, so that it can be
 * replaced by a shared attribute table.
 */
final class RecordJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {}

  static String write(ProvisionedThroughput pt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("provisionedModelArn", pt.provisionedModelArn().value());
    node.put("provisionedModelName", pt.provisionedModelName().value());
    node.put("modelUnits", pt.modelUnits().value());
    node.put("desiredModelUnits", pt.desiredModelUnits().value());
    node.put("modelArn", pt.modelArn().value());
    node.put("desiredModelArn", pt.desiredModelArn().value());
    node.put("foundationModelArn", pt.foundationModelArn().value());
    node.put("status", pt.status().name());
    node.put("creationTime", pt.creationTime().toString());
    node.put("lastModifiedTime", pt.lastModifiedTime().toString());
    pt.failureMessage().ifPresent(m -> node.put("failureMessage", m));
    pt.commitmentDuration().ifPresent(c -> node.put("commitmentDuration", c.name()));
    pt.commitmentExpirationTime().ifPresent(t -> node.put("commitmentExpirationTime", t.toString()));
    tags(node, pt.tags().asList());
    pt.clientRequestToken().ifPresent(t -> node.put("clientRequestToken", t.value()));
    CreationRequest request = pt.creationRequest();
    ObjectNode creation = node.putObject("creationRequest");
    creation.put("provisionedModelName", request.provisionedModelName().value());
    creation.put("modelUnits", request.modelUnits().value());
    creation.put("modelId", request.modelId().value());
    request.commitmentDuration().ifPresent(c -> creation.put("commitmentDuration", c.name()));
    tags(creation, request.tags());
    ObjectNode charge = node.putObject("quotaCharge");
    charge.put("ledger", pt.quotaCharge().key().ledger().name());
    pt.quotaCharge().key().modelId().ifPresent(m -> charge.put("modelId", m));
    charge.put("units", pt.quotaCharge().units().value());
    node.put("pendingObservations", pt.pendingObservations());
    node.put("version", pt.version());
    return node.toString();
  }

  private static void tags(ObjectNode node, Iterable<Tag> tags) {
    ArrayNode list = node.putArray("tags");
    tags.forEach(t -> list.addObject().put("key", t.key().value()).put("value", t.value().value()));
  }

  /**
   * The provisioned throughput {@code json} holds.
   *
   * @throws IllegalStateException when it is not one {@link #write} wrote: the file is corrupt
   */
  static ProvisionedThroughput read(String json) {
    try {
      JsonNode n = MAPPER.readTree(json);
      JsonNode request = n.required("creationRequest");
      JsonNode charge = n.required("quotaCharge");
      return ProvisionedThroughput.rehydrate()
          .provisionedModelArn(valid(ProvisionedModelArn.parse(text(n, "provisionedModelArn"))))
          .provisionedModelName(valid(ProvisionedModelName.parse(text(n, "provisionedModelName"))))
          .modelUnits(ModelUnits.of(n.required("modelUnits").intValue()))
          .desiredModelUnits(ModelUnits.of(n.required("desiredModelUnits").intValue()))
          .modelArn(valid(ModelArn.parse(text(n, "modelArn"))))
          .desiredModelArn(valid(ModelArn.parse(text(n, "desiredModelArn"))))
          .foundationModelArn((FoundationModelArn) valid(ModelArn.parse(text(n, "foundationModelArn"))))
          .status(ProvisionedModelStatus.fromName(text(n, "status")).get())
          .creationTime(Instant.parse(text(n, "creationTime")))
          .lastModifiedTime(Instant.parse(text(n, "lastModifiedTime")))
          .failureMessage(optional(n, "failureMessage", Function.identity()))
          .commitmentDuration(optional(n, "commitmentDuration", c -> CommitmentDuration.fromName(c).get()))
          .commitmentExpirationTime(optional(n, "commitmentExpirationTime", Instant::parse))
          .tags(
              Tags.empty()
                  .tag(tags(n), "tags", Optional.empty())
                  .getOrElseThrow(e -> new IllegalStateException(e.message())))
          .clientRequestToken(optional(n, "clientRequestToken", ClientRequestToken::of))
          .creationRequest(
              CreationRequest.of(
                  valid(ProvisionedModelName.parse(text(request, "provisionedModelName"))),
                  ModelUnits.of(request.required("modelUnits").intValue()),
                  valid(ModelIdentifier.parse(text(request, "modelId"))),
                  optional(request, "commitmentDuration", c -> CommitmentDuration.fromName(c).get()),
                  tags(request).toJavaList()))
          .quotaCharge(
              QuotaCharge.of(
                  quotaKey(QuotaLedger.valueOf(text(charge, "ledger")), optional(charge, "modelId", Function.identity())),
                  ModelUnits.of(charge.required("units").intValue())))
          .pendingObservations(n.required("pendingObservations").intValue())
          .version(n.required("version").longValue())
          .build();
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("a stored record is not one Strata wrote: " + e.getMessage(), e);
    }
  }

  private static QuotaKey quotaKey(QuotaLedger ledger, Optional<String> modelId) {
    return switch (ledger) {
      case NO_COMMITMENT_BASE_MODELS -> QuotaKey.noCommitmentBaseModels();
      case NO_COMMITMENT_CUSTOM_MODELS -> QuotaKey.noCommitmentCustomModels();
      case COMMITTED_PER_MODEL -> QuotaKey.committed(modelId.orElseThrow());
    };
  }

  private static Seq<Tag> tags(JsonNode node) {
    List<Tag> tags = List.empty();
    for (JsonNode t : node.required("tags")) {
      tags = tags.append(Tag.of(text(t, "key"), text(t, "value")));
    }
    return tags;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.required(member);
    if (!value.isTextual()) {
      throw new IllegalStateException(member + " is not a string");
    }
    return value.textValue();
  }

  private static <T> Optional<T> optional(JsonNode node, String member, Function<String, T> parse) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(parse.apply(value.textValue()));
  }

  private static <T> T valid(Validation<Seq<String>, ? extends T> parsed) {
    if (parsed.isInvalid()) {
      throw new IllegalStateException(parsed.getError().mkString("; "));
    }
    return parsed.get();
  }
}
