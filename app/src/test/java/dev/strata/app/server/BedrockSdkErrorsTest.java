package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CatalogShapes;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.QuotaLedger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.ConflictException;
import software.amazon.awssdk.services.bedrock.model.InternalServerException;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrock.model.ThrottlingException;
import software.amazon.awssdk.services.bedrock.model.TooManyTagsException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

/** Every error shape of every operation, as the AWS SDK's own modeled exceptions. */
class BedrockSdkErrorsTest {
  static final String BASE_MODEL = "amazon.nova-lite-v1:0:24k";
  static final String UNKNOWN_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/zzzzzzzzzzzz";
  static final String SHORT_ARN =
      "1 validation error detected: Value 'short' at 'resourceARN' failed to satisfy constraint:"
          + " Member must have length greater than or equal to 20";

  final InMemoryStrata inMemory =
      InMemoryStrata.builder().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build();
  @AutoClose final ServedStrata served = ServedStrata.start(inMemory);

  static <T extends BedrockException> T fails(
      Class<T> type, int status, String message, Runnable call) {
    T e = assertThrows(type, call::run);
    assertEquals(status, e.statusCode());
    assertEquals(message, e.awsErrorDetails().errorMessage());
    return e;
  }

  String create(String name) {
    return served.bedrock.createProvisionedModelThroughput(
            r -> r.provisionedModelName(name).modelId(BASE_MODEL).modelUnits(1))
        .provisionedModelArn();
  }

  static Stream<Arguments> validationFailures() {
    return Stream.of(
        Arguments.of("CreateProvisionedModelThroughput", call(b -> b.createProvisionedModelThroughput(
            r -> r.provisionedModelName("a__b").modelId(BASE_MODEL).modelUnits(0))),
            "2 validation errors detected: Value '0' at 'modelUnits' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 1; Value 'a__b' at"
                + " 'provisionedModelName' failed to satisfy constraint: Member must satisfy regular"
                + " expression pattern: ^([0-9a-zA-Z][_-]?)+$"),
        Arguments.of("GetProvisionedModelThroughput", call(b -> b.getProvisionedModelThroughput(
            r -> r.provisionedModelId("no/such thing"))),
            "1 validation error detected: Value 'no/such thing' at 'provisionedModelId' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: " + ProvisionedModelIdentifier.PATTERN),
        Arguments.of("ListProvisionedModelThroughputs", call(b -> b.listProvisionedModelThroughputs(
            r -> r.maxResults(0).statusEquals("Sleeping"))),
            "2 validation errors detected: Value 'Sleeping' at 'statusEquals' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [Creating, InService, Updating,"
                + " Failed]; Value '0' at 'maxResults' failed to satisfy constraint: Member must have"
                + " value greater than or equal to 1"),
        Arguments.of("UpdateProvisionedModelThroughput", call(b -> b.updateProvisionedModelThroughput(
            r -> r.provisionedModelId("some-pt").desiredProvisionedModelName("a__b"))),
            "1 validation error detected: Value 'a__b' at 'desiredProvisionedModelName' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: ^([0-9a-zA-Z][_-]?)+$"),
        Arguments.of("DeleteProvisionedModelThroughput", call(b -> b.deleteProvisionedModelThroughput(
            r -> r.provisionedModelId("no such"))),
            "1 validation error detected: Value 'no such' at 'provisionedModelId' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: " + ProvisionedModelIdentifier.PATTERN),
        Arguments.of("TagResource", call(b -> b.tagResource(
            r -> r.resourceARN("short").tags(Tag.builder().key("k").value("v").build()))),
            SHORT_ARN),
        Arguments.of("UntagResource", call(b -> b.untagResource(
            r -> r.resourceARN(UNKNOWN_ARN).tagKeys("aws:reserved"))),
            "1 validation error detected: Value 'aws:reserved' at 'tagKeys.1.member' failed to"
                + " satisfy constraint: Member must not start with 'aws:' (reserved for AWS)"),
        Arguments.of("ListTagsForResource", call(b -> b.listTagsForResource(
            r -> r.resourceARN("short"))), SHORT_ARN),
        Arguments.of("GetFoundationModel", call(b -> b.getFoundationModel(
            r -> r.modelIdentifier("Not A Model"))),
            "1 validation error detected: Value 'Not A Model' at 'modelIdentifier' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: "
                + CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_PATTERN),
        Arguments.of("ListFoundationModels", call(b -> b.listFoundationModels(
            r -> r.byInferenceType("SOMETIMES"))),
            "1 validation error detected: Value 'SOMETIMES' at 'byInferenceType' failed to"
                + " satisfy constraint: Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]"),
        Arguments.of("GetCustomModel", call(b -> b.getCustomModel(
            r -> r.modelIdentifier("bad name!"))),
            "1 validation error detected: Value 'bad name!' at 'modelIdentifier' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: " + ModelIdentifier.PATTERN),
        Arguments.of("ListCustomModels", call(b -> b.listCustomModels(
            r -> r.maxResults(1001).modelStatus("Sleeping"))),
            "2 validation errors detected: Value '1001' at 'maxResults' failed to satisfy"
                + " constraint: Member must have value less than or equal to 1000; Value 'Sleeping'"
                + " at 'modelStatus' failed to satisfy constraint: Member must satisfy enum value set:"
                + " [Active, Creating, Failed]"));
  }

  static Consumer<BedrockClient> call(Consumer<BedrockClient> c) {
    return c;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationFailures")
  void every_operation_answers_validation_exception_400_with_the_aws_message(
      String operation, Consumer<BedrockClient> call, String message) {
    fails(ValidationException.class, 400, message, () -> call.accept(served.bedrock));
  }

  static Stream<Arguments> notFoundFailures() {
    return Stream.of(
        Arguments.of("CreateProvisionedModelThroughput", call(b -> b.createProvisionedModelThroughput(
            r -> r.provisionedModelName("pt").modelId("amazon.nope-v1:0:8k").modelUnits(1))),
            "The model 'amazon.nope-v1:0:8k' (modelId) was not found in account 123456789012,"
                + " region us-east-1."),
        Arguments.of("GetProvisionedModelThroughput", call(b -> b.getProvisionedModelThroughput(
            r -> r.provisionedModelId(UNKNOWN_ARN))),
            "Provisioned throughput '" + UNKNOWN_ARN + "' was not found in this account and region."),
        Arguments.of("UpdateProvisionedModelThroughput", call(b -> b.updateProvisionedModelThroughput(
            r -> r.provisionedModelId("missing").desiredProvisionedModelName("other"))),
            "Provisioned throughput 'missing' was not found in this account and region."),
        Arguments.of("DeleteProvisionedModelThroughput", call(b -> b.deleteProvisionedModelThroughput(
            r -> r.provisionedModelId("missing"))),
            "Provisioned throughput 'missing' was not found in this account and region."),
        Arguments.of("TagResource", call(b -> b.tagResource(
            r -> r.resourceARN(UNKNOWN_ARN).tags(Tag.builder().key("k").value("v").build()))),
            "Provisioned throughput '" + UNKNOWN_ARN + "' was not found in this account and region."),
        Arguments.of("UntagResource", call(b -> b.untagResource(
            r -> r.resourceARN(UNKNOWN_ARN).tagKeys("k"))),
            "Provisioned throughput '" + UNKNOWN_ARN + "' was not found in this account and region."),
        Arguments.of("ListTagsForResource", call(b -> b.listTagsForResource(
            r -> r.resourceARN(UNKNOWN_ARN))),
            "Provisioned throughput '" + UNKNOWN_ARN + "' was not found in this account and region."),
        Arguments.of("GetFoundationModel", call(b -> b.getFoundationModel(
            r -> r.modelIdentifier("amazon.nope-v1:0"))),
            "The model 'amazon.nope-v1:0' was not found in this account and region."),
        Arguments.of("GetCustomModel", call(b -> b.getCustomModel(
            r -> r.modelIdentifier("no-such-custom"))),
            "The model 'no-such-custom' was not found in this account and region."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notFoundFailures")
  void operations_on_unknown_resources_answer_resource_not_found_404(
      String operation, Consumer<BedrockClient> call, String message) {
    fails(ResourceNotFoundException.class, 404, message, () -> call.accept(served.bedrock));
  }

  @Test
  void deleting_inside_a_commitment_term_answers_conflict_exception_400() {
    served.bedrock.createProvisionedModelThroughput(
        r -> r.provisionedModelName("committed").modelId("anthropic.claude-v2:0:100k").modelUnits(1)
            .commitmentDuration(CommitmentDuration.SIX_MONTHS));
    String expiry =
        served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("committed"))
            .commitmentExpirationTime().toString();

    fails(ConflictException.class, 400,
        "Provisioned throughput committed has a SixMonths commitment until commitmentExpirationTime "
            + expiry + " and cannot be deleted before then.",
        () -> served.bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId("committed")));
  }

  @Test
  void model_units_beyond_the_quota_answer_service_quota_exceeded_400() {
    ServiceQuotaExceededException e = fails(ServiceQuotaExceededException.class, 400,
        "The request for 4 model units exceeds quota L-FE44174A ('Model units no-commitment"
            + " Provisioned Throughputs across base models'): limit 3, in use 0, available 3.",
        () -> served.bedrock.createProvisionedModelThroughput(
            r -> r.provisionedModelName("greedy").modelId(BASE_MODEL).modelUnits(4)));
    assertEquals("ServiceQuotaExceededException", e.awsErrorDetails().errorCode());
  }

  @Test
  void creating_with_more_than_50_tags_answers_too_many_tags_400() {
    Tag[] tags = IntStream.rangeClosed(1, 51)
        .mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toArray(Tag[]::new);

    TooManyTagsException e = fails(TooManyTagsException.class, 400,
        "A resource can have at most 50 tags: it has 0 and the request adds 51 new keys.",
        () -> served.bedrock.createProvisionedModelThroughput(
            r -> r.provisionedModelName("tag-heavy").modelId(BASE_MODEL).modelUnits(1).tags(tags)));
    assertEquals(null, e.resourceName());
  }

  @Test
  void tagging_past_50_tags_answers_too_many_tags_naming_the_resource() {
    String arn = create("full");
    served.bedrock.tagResource(r -> r.resourceARN(arn).tags(IntStream.rangeClosed(1, 50)
        .mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).collect(Collectors.toList())));

    TooManyTagsException e = fails(TooManyTagsException.class, 400,
        "A resource can have at most 50 tags: it has 50 and the request adds 1 new keys.",
        () -> served.bedrock.tagResource(
            r -> r.resourceARN(arn).tags(Tag.builder().key("one-more").value("v").build())));
    assertEquals(arn, e.resourceName());
  }

  static Stream<Arguments> everyOperation() {
    return Stream.of(
        call(b -> b.createProvisionedModelThroughput(
            r -> r.provisionedModelName("pt").modelId(BASE_MODEL).modelUnits(1))),
        call(b -> b.getProvisionedModelThroughput(r -> r.provisionedModelId("pt"))),
        call(b -> b.listProvisionedModelThroughputs(r -> {})),
        call(b -> b.updateProvisionedModelThroughput(
            r -> r.provisionedModelId("pt").desiredProvisionedModelName("pt2"))),
        call(b -> b.deleteProvisionedModelThroughput(r -> r.provisionedModelId("pt"))),
        call(b -> b.tagResource(
            r -> r.resourceARN(UNKNOWN_ARN).tags(Tag.builder().key("k").value("v").build()))),
        call(b -> b.untagResource(r -> r.resourceARN(UNKNOWN_ARN).tagKeys("k"))),
        call(b -> b.listTagsForResource(r -> r.resourceARN(UNKNOWN_ARN))),
        call(b -> b.getFoundationModel(r -> r.modelIdentifier(BASE_MODEL))),
        call(b -> b.listFoundationModels(r -> {})),
        call(b -> b.getCustomModel(r -> r.modelIdentifier("support-bot-titan"))),
        call(b -> b.listCustomModels(r -> {})))
        .flatMap(op -> Stream.of(
            Arguments.of(op, new BedrockError.AccessDenied("Denied by policy."),
                AccessDeniedException.class, 403),
            Arguments.of(op, new BedrockError.Throttling("Rate exceeded."),
                ThrottlingException.class, 429),
            Arguments.of(op, new BedrockError.InternalServerError("Dependency timed out."),
                InternalServerException.class, 500)));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("everyOperation")
  void failures_of_driven_ports_reach_every_operation_as_their_own_shape(
      Consumer<BedrockClient> call,
      BedrockError fault,
      Class<? extends BedrockException> shape,
      int status) {
    inMemory.catalog().faults().failWith(fault);
    inMemory.repository().faults().failWith(fault);
    inMemory.limits().faults().failWith(fault);
    inMemory.minter().faults().failWith(fault);

    BedrockException e = fails(shape, status, fault.message(), () -> call.accept(served.bedrock));
    assertEquals(fault.errorCode(), e.awsErrorDetails().errorCode());
  }
}
