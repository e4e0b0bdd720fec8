package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.PT_ARN;
import static dev.strata.domain.DomainFixtures.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.control.Either;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one attribute table: it covers the aggregate, and each form reads back what it wrote. */
class ProvisionedThroughputAttributesTest {
  private static final Instant CREATED = Instant.parse("2026-01-31T10:00:00.123456789Z");
  private static final Instant MODIFIED = Instant.parse("2026-02-01T11:30:00.5Z");
  private static final Instant EXPIRES = Instant.parse("2026-07-31T10:00:00.123456789Z");

  /** Every required attribute, no two attributes of one type alike, so that a swap would show. */
  private static ProvisionedThroughput.Builder required(ProvisionedModelStatus status) {
    ProvisionedThroughput.Builder b = ProvisionedThroughput.rehydrate();
    b.provisionedModelArn(PT_ARN)
        .provisionedModelName(ProvisionedModelName.of("renamed"))
        .modelUnits(ModelUnits.of(2))
        .desiredModelUnits(ModelUnits.of(3))
        .modelArn(CustomModelArn.of(SCOPE, "amazon.titan-text-express-v1:0:8k", "abcdef123456"))
        .desiredModelArn(SCOPE.foundationModelArn("amazon.titan-text-express-v1:0:8k"))
        .foundationModelArn(SCOPE.foundationModelArn("amazon.titan-text-express-v1:0:8k"))
        .status(status)
        .creationTime(CREATED)
        .lastModifiedTime(MODIFIED)
        .creationRequest(
            CreationRequest.of(
                ProvisionedModelName.of("original"),
                ModelUnits.of(2),
                ModelIdentifier.of("my-model_1"),
                Optional.of(CommitmentDuration.SixMonths),
                DomainFixtures.tagList(1)))
        .pendingObservations(4)
        .version(9);
    return b;
  }

  /** Every attribute present. */
  static ProvisionedThroughput everyAttribute() {
    ProvisionedThroughput.Builder b = required(ProvisionedModelStatus.Failed);
    b.failureMessage("Capacity is not available.")
        .commitmentDuration(CommitmentDuration.SixMonths)
        .commitmentExpirationTime(EXPIRES)
        .tags(DomainFixtures.tags(2))
        .clientRequestToken(ClientRequestToken.of("token-1"))
        .quotaCharge(QuotaCharge.of(QuotaKey.committed("amazon.titan-text-express-v1:0:8k"), ModelUnits.of(2)));
    return b.build();
  }

  /** Every optional attribute absent. */
  static ProvisionedThroughput noOptionalAttribute() {
    ProvisionedThroughput.Builder b = required(ProvisionedModelStatus.InService);
    b.tags(Tags.empty()).quotaCharge(QuotaCharge.of(QuotaKey.noCommitmentCustomModels(), ModelUnits.of(2)));
    return b.build();
  }

  @Test
  void every_accessor_of_the_aggregate_is_an_attribute_of_the_table() {
    Set<String> accessors =
        Arrays.stream(ProvisionedThroughput.class.getDeclaredMethods())
            .filter(m -> Modifier.isAbstract(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
            .filter(m -> m.getParameterCount() == 0)
            .map(Method::getName)
            .collect(Collectors.toSet());

    assertEquals(19, accessors.size());
    assertEquals(accessors, ProvisionedThroughputAttributes.members().toJavaSet());
    assertEquals(19, ProvisionedThroughputAttributes.members().distinct().size());
  }

  @Test
  void a_record_names_every_attribute_in_table_order_and_reads_back_equal() {
    ProvisionedThroughput pt = everyAttribute();

    Map<String, Object> record = ProvisionedThroughputAttributes.toRecord(pt);

    assertEquals(ProvisionedThroughputAttributes.members().toJavaList(), new ArrayList<>(record.keySet()));
    assertEquals("2026-01-31T10:00:00.123456789Z", record.get("creationTime"));
    assertEquals(2L, record.get("modelUnits"));
    assertEquals(
        Map.of("ledger", "COMMITTED_PER_MODEL", "modelId", "amazon.titan-text-express-v1:0:8k", "units", 2L),
        record.get("quotaCharge"));
    assertEquals(List.of("key", "value"), memberNames(((List<?>) record.get("tags")).get(0)));
    assertEquals(
        List.of("provisionedModelName", "modelUnits", "modelId", "commitmentDuration", "tags"),
        memberNames(record.get("creationRequest")));
    assertEquals(List.of("ledger", "modelId", "units"), memberNames(record.get("quotaCharge")));
    assertEquals(Either.right(pt), ProvisionedThroughputAttributes.fromRecord(record, "$"));
  }

  private static List<Object> memberNames(Object record) {
    return new ArrayList<>(((Map<?, ?>) record).keySet());
  }

  @Test
  void a_record_leaves_absent_optional_attributes_out_and_reads_back_equal() {
    ProvisionedThroughput pt = noOptionalAttribute();

    Map<String, Object> record = ProvisionedThroughputAttributes.toRecord(pt);

    assertEquals(
        List.of("provisionedModelArn", "provisionedModelName", "modelUnits", "desiredModelUnits", "modelArn",
            "desiredModelArn", "foundationModelArn", "status", "creationTime", "lastModifiedTime", "tags",
            "creationRequest", "quotaCharge", "pendingObservations", "version"),
        new ArrayList<>(record.keySet()));
    assertEquals(Map.of("ledger", "NO_COMMITMENT_CUSTOM_MODELS", "units", 2L), record.get("quotaCharge"));
    assertEquals(Either.right(pt), ProvisionedThroughputAttributes.fromRecord(record, ""));
  }

  @Test
  void the_wire_shapes_carry_the_service_model_members_in_its_order_with_instants_for_timestamps() {
    ProvisionedThroughput pt = everyAttribute();

    Map<String, Object> summary = ProvisionedThroughputAttributes.summary(pt);
    Map<String, Object> details = ProvisionedThroughputAttributes.details(pt);

    List<String> summaryMembers =
        List.of("provisionedModelName", "provisionedModelArn", "modelArn", "desiredModelArn",
            "foundationModelArn", "modelUnits", "desiredModelUnits", "status", "commitmentDuration",
            "commitmentExpirationTime", "creationTime", "lastModifiedTime");
    assertEquals(summaryMembers, new ArrayList<>(summary.keySet()));
    List<String> detailMembers = new ArrayList<>(summaryMembers);
    detailMembers.add("failureMessage");
    assertEquals(detailMembers, new ArrayList<>(details.keySet()));
    assertEquals(EXPIRES, summary.get("commitmentExpirationTime"));
    assertEquals(3L, summary.get("desiredModelUnits"));
    assertEquals("Capacity is not available.", details.get("failureMessage"));
    assertEquals(
        List.of("provisionedModelName", "provisionedModelArn", "modelArn", "desiredModelArn",
            "foundationModelArn", "modelUnits", "desiredModelUnits", "status", "creationTime", "lastModifiedTime"),
        new ArrayList<>(ProvisionedThroughputAttributes.details(noOptionalAttribute()).keySet()));
  }

  private static String malformed(Map<String, Object> record) {
    return ProvisionedThroughputAttributes.fromRecord(record, "$.provisionedThroughputs[0]").getLeft();
  }

  private static Map<String, Object> record() {
    return new LinkedHashMap<>(ProvisionedThroughputAttributes.toRecord(everyAttribute()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<String, Object> record, String name) {
    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) record.get(name));
    record.put(name, copy);
    return copy;
  }

  @Test
  void a_malformed_record_is_answered_with_the_path_of_the_first_malformed_member() {
    Map<String, Object> r = record();
    r.remove("status");
    assertEquals("$.provisionedThroughputs[0].status is missing", malformed(r));

    r = record();
    r.put("modelUnits", "two");
    assertEquals("$.provisionedThroughputs[0].modelUnits must be an integer", malformed(r));

    r = record();
    r.put("desiredModelUnits", 0L);
    assertEquals("$.provisionedThroughputs[0].desiredModelUnits: ModelUnits 0 is below 1", malformed(r));

    r = record();
    r.put("failureMessage", 7L);
    assertEquals("$.provisionedThroughputs[0].failureMessage must be a string", malformed(r));

    r = record();
    r.put("commitmentDuration", "TwoYears");
    assertEquals("$.provisionedThroughputs[0].commitmentDuration: unknown value 'TwoYears'", malformed(r));

    r = record();
    r.put("pendingObservations", 1L << 40);
    assertEquals("$.provisionedThroughputs[0].pendingObservations: integer overflow", malformed(r));

    r = record();
    r.put("tags", List.of(Map.of("key", "team")));
    assertEquals("$.provisionedThroughputs[0].tags[0].value is missing", malformed(r));

    r = record();
    member(r, "creationRequest").put("tags", List.of("team=ml"));
    assertEquals("$.provisionedThroughputs[0].creationRequest.tags[0] must be an object", malformed(r));

    r = record();
    member(r, "quotaCharge").remove("modelId");
    assertEquals(
        "$.provisionedThroughputs[0].quotaCharge.modelId is present exactly when the ledger is COMMITTED_PER_MODEL",
        malformed(r));

    r = record();
    r.put("status", "InService");
    assertEquals(
        "$.provisionedThroughputs[0]: only a Failed provisioned throughput has a failure message", malformed(r));
    assertEquals(
        "only a Failed provisioned throughput has a failure message",
        ProvisionedThroughputAttributes.fromRecord(r, "").getLeft());

    assertEquals(
        "$.provisionedThroughputs[0] must be an object",
        ProvisionedThroughputAttributes.fromRecord(List.of(), "$.provisionedThroughputs[0]").getLeft());
  }
}
