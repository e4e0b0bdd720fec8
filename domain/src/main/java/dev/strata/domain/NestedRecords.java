package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The records nested in a provisioned throughput's record ({@link ProvisionedThroughputAttributes}):
 * its tags, its creation request and its quota charge, each written as a plain tree and read back
 * with the path of what is malformed; and the text forms of its enums and foundation-model ARN.
 */
final class NestedRecords {
  private NestedRecords() {}

  static Long units(ModelUnits units) {
    return (long) units.value();
  }

  static java.util.List<Object> tags(Iterable<Tag> tags) {
    java.util.List<Object> list = new ArrayList<>();
    tags.forEach(
        t -> {
          Map<String, Object> tag = new LinkedHashMap<>();
          tag.put("key", t.key().value());
          tag.put("value", t.value().value());
          list.add(tag);
        });
    return list;
  }

  private static Either<String, Seq<Tag>> tags(StoredRecord r, String member) {
    return r.records(member)
        .flatMap(
            items ->
                Either.sequenceRight(
                    items.map(
                        item ->
                            item.parsed("key", TagKey::parse)
                                .flatMap(k -> item.parsed("value", TagValue::parse).map(v -> Tag.of(k, v))))));
  }

  static Either<String, Tags> resourceTags(StoredRecord r, String member) {
    return tags(r, member)
        .flatMap(tags -> Tags.empty().tag(tags.toList(), member, Optional.empty()).mapLeft(e -> r.at(member, e.message())));
  }

  static Map<String, Object> creationRequest(CreationRequest request) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("provisionedModelName", request.provisionedModelName().value());
    record.put("modelUnits", units(request.modelUnits()));
    record.put("modelId", request.modelId().value());
    request.commitmentDuration().ifPresent(c -> record.put("commitmentDuration", c.name()));
    record.put("tags", tags(request.tags()));
    return record;
  }

  static Either<String, CreationRequest> creationRequest(StoredRecord r) {
    return Validation.combine(
            r.parsed("provisionedModelName", ProvisionedModelName::parse).toValidation(),
            r.units("modelUnits").toValidation(),
            r.parsed("modelId", ModelIdentifier::parse).toValidation(),
            r.optionalText("commitmentDuration", NestedRecords::commitment).toValidation(),
            tags(r, "tags").toValidation())
        .ap(CreationRequest::of)
        .toEither()
        .mapLeft(Seq::head);
  }

  static Map<String, Object> quotaCharge(QuotaCharge charge) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("ledger", charge.key().ledger().name());
    charge.key().modelId().ifPresent(m -> record.put("modelId", m));
    record.put("units", units(charge.units()));
    return record;
  }

  static Either<String, QuotaCharge> quotaCharge(StoredRecord r) {
    return r.text("ledger", NestedRecords::ledger)
        .flatMap(ledger -> r.optionalText("modelId", Function.identity()).flatMap(modelId -> quotaKey(r, ledger, modelId)))
        .flatMap(key -> r.units("units").map(units -> QuotaCharge.of(key, units)));
  }

  private static Either<String, QuotaKey> quotaKey(StoredRecord r, QuotaLedger ledger, Optional<String> modelId) {
    if ((ledger == QuotaLedger.COMMITTED_PER_MODEL) != modelId.isPresent()) {
      return Either.left(
          r.path("modelId") + " is present exactly when the ledger is " + QuotaLedger.COMMITTED_PER_MODEL);
    }
    return Either.right(
        switch (ledger) {
          case NO_COMMITMENT_BASE_MODELS -> QuotaKey.noCommitmentBaseModels();
          case NO_COMMITMENT_CUSTOM_MODELS -> QuotaKey.noCommitmentCustomModels();
          case COMMITTED_PER_MODEL -> QuotaKey.committed(modelId.get());
        });
  }

  private static QuotaLedger ledger(String name) {
    return List.of(QuotaLedger.values()).find(l -> l.name().equals(name)).getOrElseThrow(() -> unknown(name));
  }

  static FoundationModelArn foundationModelArn(String raw) {
    ModelArn arn =
        ModelArn.parse(raw).toEither().getOrElseThrow(broken -> new IllegalArgumentException(broken.mkString("; ")));
    if (arn instanceof FoundationModelArn foundation) {
      return foundation;
    }
    throw new IllegalArgumentException("not a foundation-model ARN");
  }

  static CommitmentDuration commitment(String name) {
    return CommitmentDuration.fromName(name).orElseThrow(() -> unknown(name));
  }

  static ProvisionedModelStatus status(String name) {
    return ProvisionedModelStatus.fromName(name).orElseThrow(() -> unknown(name));
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown value '" + name + "'");
  }
}
