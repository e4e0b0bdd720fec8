package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one list of the attributes of a {@link ProvisionedThroughput}, shared by every form it
 * takes outside the JVM: the records Strata stores (a DynamoDB item, a state-file entry) and the
 * restJson1 output shapes of GetProvisionedModelThroughput and ListProvisionedModelThroughputs.
 *
 * <p>A record is a plain, insertion-ordered tree: String, Long, List and Map members, named after
 * the aggregate's accessors, in the order below; absent optional attributes are left out; enums
 * are their wire names; instants are ISO-8601 strings exact to the nanosecond. {@link
 * #fromRecord} reads one back through {@link ProvisionedThroughput#rehydrate()}, so its invariants
 * hold, or answers where the record is malformed.
 *
 * <p>The wire shapes carry the attributes service-2.json names, in its member order of {@code
 * ProvisionedModelSummary}; {@code GetProvisionedModelThroughputResponse} adds {@code
 * failureMessage}. Their timestamps stay {@link Instant}s, for the wire to render in its format.
 */
public final class ProvisionedThroughputAttributes {
  private static final List<Attribute<?>> ATTRIBUTES =
      List.of(
          required("provisionedModelArn", ProvisionedThroughput::provisionedModelArn,
                  ProvisionedModelArn::value, (r, m) -> r.parsed(m, ProvisionedModelArn::parse),
                  ProvisionedThroughput.Builder::provisionedModelArn)
              .inSummary(2),
          required("provisionedModelName", ProvisionedThroughput::provisionedModelName,
                  ProvisionedModelName::value, (r, m) -> r.parsed(m, ProvisionedModelName::parse),
                  ProvisionedThroughput.Builder::provisionedModelName)
              .inSummary(1),
          required("modelUnits", ProvisionedThroughput::modelUnits, NestedRecords::units,
                  StoredRecord::units, ProvisionedThroughput.Builder::modelUnits)
              .inSummary(6),
          required("desiredModelUnits", ProvisionedThroughput::desiredModelUnits,
                  NestedRecords::units, StoredRecord::units,
                  ProvisionedThroughput.Builder::desiredModelUnits)
              .inSummary(7),
          required("modelArn", ProvisionedThroughput::modelArn, ModelArn::value,
                  (r, m) -> r.parsed(m, ModelArn::parse), ProvisionedThroughput.Builder::modelArn)
              .inSummary(3),
          required("desiredModelArn", ProvisionedThroughput::desiredModelArn, ModelArn::value,
                  (r, m) -> r.parsed(m, ModelArn::parse), ProvisionedThroughput.Builder::desiredModelArn)
              .inSummary(4),
          required("foundationModelArn", ProvisionedThroughput::foundationModelArn, FoundationModelArn::value,
                  (r, m) -> r.text(m, NestedRecords::foundationModelArn),
                  ProvisionedThroughput.Builder::foundationModelArn)
              .inSummary(5),
          required("status", ProvisionedThroughput::status, ProvisionedModelStatus::name,
                  (r, m) -> r.text(m, NestedRecords::status),
                  ProvisionedThroughput.Builder::status)
              .inSummary(8),
          required("creationTime", ProvisionedThroughput::creationTime, Instant::toString,
                  (r, m) -> r.text(m, Instant::parse), ProvisionedThroughput.Builder::creationTime)
              .inSummary(11),
          required("lastModifiedTime", ProvisionedThroughput::lastModifiedTime, Instant::toString,
                  (r, m) -> r.text(m, Instant::parse), ProvisionedThroughput.Builder::lastModifiedTime)
              .inSummary(12),
          optional("failureMessage", ProvisionedThroughput::failureMessage, message -> message,
                  StoredRecord::text, ProvisionedThroughput.Builder::failureMessage)
              .inDetails(13),
          optional("commitmentDuration", ProvisionedThroughput::commitmentDuration, CommitmentDuration::name,
                  (r, m) -> r.text(m, NestedRecords::commitment),
                  ProvisionedThroughput.Builder::commitmentDuration)
              .inSummary(9),
          optional("commitmentExpirationTime", ProvisionedThroughput::commitmentExpirationTime,
                  Instant::toString, (r, m) -> r.text(m, Instant::parse),
                  ProvisionedThroughput.Builder::commitmentExpirationTime)
              .inSummary(10),
          required("tags", ProvisionedThroughput::tags, t -> NestedRecords.tags(t.asList()),
                  NestedRecords::resourceTags, ProvisionedThroughput.Builder::tags),
          optional("clientRequestToken", ProvisionedThroughput::clientRequestToken, ClientRequestToken::value,
                  (r, m) -> r.parsed(m, ClientRequestToken::parse), ProvisionedThroughput.Builder::clientRequestToken),
          required("creationRequest", ProvisionedThroughput::creationRequest,
                  NestedRecords::creationRequest,
                  (r, m) -> r.record(m).flatMap(NestedRecords::creationRequest),
                  ProvisionedThroughput.Builder::creationRequest),
          required("quotaCharge", ProvisionedThroughput::quotaCharge, NestedRecords::quotaCharge,
                  (r, m) -> r.record(m).flatMap(NestedRecords::quotaCharge),
                  ProvisionedThroughput.Builder::quotaCharge),
          required("pendingObservations", ProvisionedThroughput::pendingObservations, Long::valueOf,
                  (r, m) -> r.integer(m).flatMap(n -> r.refusing(m, n, Math::toIntExact)),
                  ProvisionedThroughput.Builder::pendingObservations),
          required("version", ProvisionedThroughput::version, version -> version, StoredRecord::integer,
                  ProvisionedThroughput.Builder::version));

  private ProvisionedThroughputAttributes() {}

  /** The member names of a record, in record order. */
  public static Seq<String> members() {
    return ATTRIBUTES.map(Attribute::member);
  }

  /** {@code pt} as a record. */
  public static Map<String, Object> toRecord(ProvisionedThroughput pt) {
    Map<String, Object> record = new LinkedHashMap<>();
    ATTRIBUTES.forEach(a -> a.stored(pt).ifPresent(v -> record.put(a.member(), v)));
    return record;
  }

  /**
   * The provisioned throughput {@code record} holds, or where it is malformed; {@code path} names
   * the record in the messages ({@code ""} for none). Members it does not know are ignored.
   */
  public static Either<String, ProvisionedThroughput> fromRecord(Object record, String path) {
    return StoredRecord.of(record, path).flatMap(ProvisionedThroughputAttributes::fromRecord);
  }

  /** The provisioned throughput {@code record} holds, or where it is malformed. */
  public static Either<String, ProvisionedThroughput> fromRecord(StoredRecord record) {
    return ATTRIBUTES
        .foldLeft(
            Either.<String, ProvisionedThroughput.Builder>right(ProvisionedThroughput.rehydrate()),
            (built, a) -> built.flatMap(b -> a.readInto(record, b)))
        .flatMap(b -> record.refusing("", b, ProvisionedThroughput.Builder::build));
  }

  /** The members of {@code ProvisionedModelSummary}, in its order. */
  public static Map<String, Object> summary(ProvisionedThroughput pt) {
    return wire(pt, false);
  }

  /** The members of {@code GetProvisionedModelThroughputResponse}. */
  public static Map<String, Object> details(ProvisionedThroughput pt) {
    return wire(pt, true);
  }

  private static Map<String, Object> wire(ProvisionedThroughput pt, boolean details) {
    Map<String, Object> shape = new LinkedHashMap<>();
    ATTRIBUTES
        .filter(a -> a.wirePosition() > 0 && (details || a.inSummary()))
        .sorted(Comparator.comparingInt(Attribute::wirePosition))
        .forEach(a -> a.onWire(pt).ifPresent(v -> shape.put(a.member(), v)));
    return shape;
  }

  private static <T> Attribute<T> required(
      String member,
      Function<ProvisionedThroughput, T> get,
      Function<T, Object> plain,
      BiFunction<StoredRecord, String, Either<String, T>> read,
      BiConsumer<ProvisionedThroughput.Builder, T> set) {
    return new Attribute<>(member, pt -> Optional.of(get.apply(pt)), plain, read, set, false, 0, false);
  }

  private static <T> Attribute<T> optional(
      String member,
      Function<ProvisionedThroughput, Optional<T>> get,
      Function<T, Object> plain,
      BiFunction<StoredRecord, String, Either<String, T>> read,
      BiConsumer<ProvisionedThroughput.Builder, T> set) {
    return new Attribute<>(member, get, plain, read, set, true, 0, false);
  }

  /**
   * One attribute: its member name, its value, its plain form and how that is read back, whether
   * it may be absent, and its position in the wire shapes (0: not on the wire), in the summary or
   * in the details only.
   */
  private record Attribute<T>(
      String member,
      Function<ProvisionedThroughput, Optional<T>> value,
      Function<T, Object> plain,
      BiFunction<StoredRecord, String, Either<String, T>> read,
      BiConsumer<ProvisionedThroughput.Builder, T> set,
      boolean optional,
      int wirePosition,
      boolean inSummary) {

    Attribute<T> inSummary(int position) {
      return new Attribute<>(member, value, plain, read, set, optional, position, true);
    }

    Attribute<T> inDetails(int position) {
      return new Attribute<>(member, value, plain, read, set, optional, position, false);
    }

    Optional<Object> stored(ProvisionedThroughput pt) {
      return value.apply(pt).map(plain);
    }

    Optional<Object> onWire(ProvisionedThroughput pt) {
      return value.apply(pt).map(v -> v instanceof Instant ? v : plain.apply(v));
    }

    /** Sets the attribute read from {@code r} on {@code b}; an absent optional one is left unset. */
    Either<String, ProvisionedThroughput.Builder> readInto(StoredRecord r, ProvisionedThroughput.Builder b) {
      if (optional && !r.has(member)) {
        return Either.right(b);
      }
      return read.apply(r, member).map(v -> {
        set.accept(b, v);
        return b;
      });
    }
  }
}
