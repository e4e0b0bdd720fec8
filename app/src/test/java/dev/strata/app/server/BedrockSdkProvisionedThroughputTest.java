package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.ports.driving.ListProvisionedModelThroughputsCommand;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.Tag;

/** The provisioned-throughput lifecycle through the real AWS SDK for Java v2. */
class BedrockSdkProvisionedThroughputTest {
  static final Instant NOW = Instant.parse("2026-11-24T00:38:40.382Z");
  static final String BASE_MODEL = "amazon.nova-lite-v1:0:24k";
  static final String ACCOUNT_PREFIX = "arn:aws:bedrock:us-east-1:123456789012:";

  @AutoClose
  final ServedStrata served =
      ServedStrata.start(
          InMemoryStrata.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).seed(7).build());

  String create(String name) {
    return served
        .bedrock
        .createProvisionedModelThroughput(
            r -> r.provisionedModelName(name).modelId(BASE_MODEL).modelUnits(1))
        .provisionedModelArn();
  }

  @Test
  void create_answers_the_new_arn_and_get_returns_every_member_with_millisecond_timestamps() {
    CreateProvisionedModelThroughputResponse created =
        served.bedrock.createProvisionedModelThroughput(
            r ->
                r.provisionedModelName("committed-pt")
                    .modelId("anthropic.claude-v2:0:100k")
                    .modelUnits(2)
                    .commitmentDuration(CommitmentDuration.ONE_MONTH));

    assertEquals(201, created.sdkHttpResponse().statusCode());
    assertTrue(created.provisionedModelArn().startsWith(ACCOUNT_PREFIX + "provisioned-model/"));
    GetProvisionedModelThroughputResponse pt =
        served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("committed-pt"));
    assertEquals(created.provisionedModelArn(), pt.provisionedModelArn());
    assertEquals("committed-pt", pt.provisionedModelName());
    assertEquals(2, pt.modelUnits());
    assertEquals(2, pt.desiredModelUnits());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:0:100k", pt.modelArn());
    assertEquals(pt.modelArn(), pt.desiredModelArn());
    assertEquals(pt.modelArn(), pt.foundationModelArn());
    assertEquals(ProvisionedModelStatus.IN_SERVICE, pt.status());
    assertEquals(CommitmentDuration.ONE_MONTH, pt.commitmentDuration());
    assertEquals(NOW, pt.creationTime());
    assertEquals(NOW, pt.lastModifiedTime());
    assertEquals(Instant.parse("2026-12-24T00:38:40.382Z"), pt.commitmentExpirationTime());
    assertNull(pt.failureMessage());
  }

  @Test
  void absent_optional_members_are_omitted_from_the_json_and_null_in_the_sdk() throws Exception {
    create("no-commit");

    GetProvisionedModelThroughputResponse pt =
        served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("no-commit"));
    HttpResponse<String> raw = served.send("GET", "/provisioned-model-throughput/no-commit", null);

    assertNull(pt.commitmentDurationAsString());
    assertNull(pt.commitmentExpirationTime());
    assertEquals(
        "{\"provisionedModelName\":\"no-commit\",\"provisionedModelArn\":\"" + pt.provisionedModelArn()
            + "\",\"modelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/" + BASE_MODEL
            + "\",\"desiredModelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/" + BASE_MODEL
            + "\",\"foundationModelArn\":\"arn:aws:bedrock:us-east-1::foundation-model/" + BASE_MODEL
            + "\",\"modelUnits\":1,\"desiredModelUnits\":1,\"status\":\"InService\","
            + "\"creationTime\":\"2026-11-24T00:38:40.382Z\","
            + "\"lastModifiedTime\":\"2026-11-24T00:38:40.382Z\"}",
        raw.body());
    assertEquals(List.of("application/json"), raw.headers().allValues("Content-Type"));
  }

  @Test
  void get_update_and_delete_accept_the_arn_percent_encoded_in_one_path_segment() throws Exception {
    String arn = create("by-arn");

    assertEquals(
        "by-arn",
        served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn))
            .provisionedModelName());
    served.bedrock.updateProvisionedModelThroughput(
        r -> r.provisionedModelId(arn).desiredProvisionedModelName("renamed-by-arn"));
    assertEquals(
        arn,
        served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId("renamed-by-arn"))
            .provisionedModelArn());
    HttpResponse<String> raw =
        served.send(
            "GET",
            "/provisioned-model-throughput/" + URLEncoder.encode(arn, StandardCharsets.UTF_8),
            null);
    assertEquals(200, raw.statusCode());
    assertTrue(raw.body().contains("\"provisionedModelName\":\"renamed-by-arn\""), raw.body());

    served.bedrock.deleteProvisionedModelThroughput(r -> r.provisionedModelId(arn));
    assertThrows(
        ResourceNotFoundException.class,
        () -> served.bedrock.getProvisionedModelThroughput(r -> r.provisionedModelId(arn)));
  }

  @Test
  void update_and_delete_answer_200_with_an_empty_json_object() throws Exception {
    create("empty-output");

    HttpResponse<String> updated =
        served.send(
            "PATCH",
            "/provisioned-model-throughput/empty-output",
            "{\"desiredProvisionedModelName\":\"still-empty\"}");
    HttpResponse<String> deleted =
        served.send("DELETE", "/provisioned-model-throughput/still-empty", null);

    assertEquals(200, updated.statusCode());
    assertEquals("{}", updated.body());
    assertEquals(200, deleted.statusCode());
    assertEquals("{}", deleted.body());
  }

  @Test
  void the_same_client_request_token_twice_answers_the_same_arn_and_creates_one() {
    String first =
        served.bedrock.createProvisionedModelThroughput(
                r -> r.provisionedModelName("once").modelId(BASE_MODEL).modelUnits(1)
                    .clientRequestToken("token-1"))
            .provisionedModelArn();
    String second =
        served.bedrock.createProvisionedModelThroughput(
                r -> r.provisionedModelName("once").modelId(BASE_MODEL).modelUnits(1)
                    .clientRequestToken("token-1"))
            .provisionedModelArn();

    assertEquals(first, second);
    assertEquals(
        List.of(first),
        served.bedrock.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().stream()
            .map(ProvisionedModelSummary::provisionedModelArn)
            .collect(Collectors.toList()));
  }

  @Test
  void the_sdk_paginator_walks_every_page_of_max_results_in_the_service_order() {
    IntStream.rangeClosed(1, 7).forEach(i -> create("page-pt-" + i));

    List<ListProvisionedModelThroughputsResponse> pages =
        served.bedrock.listProvisionedModelThroughputsPaginator(r -> r.maxResults(3)).stream()
            .collect(Collectors.toList());

    assertEquals(List.of(3, 3, 1), pages.stream().map(p -> p.provisionedModelSummaries().size())
        .collect(Collectors.toList()));
    assertNull(pages.get(2).nextToken());
    List<String> expected =
        served.inMemory.service()
            .listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand.all())
            .get()
            .provisionedModelSummaries()
            .map(pt -> pt.provisionedModelName().value())
            .toJavaList();
    assertEquals(
        expected,
        pages.stream()
            .flatMap(p -> p.provisionedModelSummaries().stream())
            .map(ProvisionedModelSummary::provisionedModelName)
            .collect(Collectors.toList()));
  }

  @Test
  void list_filters_arrive_from_the_querystring_with_timestamps_in_the_sdk_format() {
    create("alpha-one");
    create("beta-two");

    List<String> named =
        served.bedrock.listProvisionedModelThroughputs(
                r -> r.nameContains("alpha").statusEquals(ProvisionedModelStatus.IN_SERVICE)
                    .creationTimeAfter(NOW.minusMillis(1)).creationTimeBefore(NOW.plusMillis(1))
                    .sortBy("CreationTime").sortOrder("Ascending"))
            .provisionedModelSummaries().stream()
            .map(ProvisionedModelSummary::provisionedModelName)
            .collect(Collectors.toList());
    List<ProvisionedModelSummary> later =
        served.bedrock.listProvisionedModelThroughputs(r -> r.creationTimeAfter(NOW))
            .provisionedModelSummaries();

    assertEquals(List.of("alpha-one"), named);
    assertEquals(List.of(), later);
  }

  @Test
  void summaries_carry_timestamps_to_the_millisecond_and_omit_absent_commitment() {
    create("summary");

    ProvisionedModelSummary summary =
        served.bedrock.listProvisionedModelThroughputs(r -> {}).provisionedModelSummaries().get(0);

    assertEquals(NOW, summary.creationTime());
    assertEquals(NOW, summary.lastModifiedTime());
    assertNull(summary.commitmentDurationAsString());
    assertNull(summary.commitmentExpirationTime());
    assertEquals(1, summary.modelUnits());
  }

  @Test
  void tags_are_set_listed_and_removed_by_arn() {
    String arn =
        served.bedrock.createProvisionedModelThroughput(
                r -> r.provisionedModelName("tagged").modelId(BASE_MODEL).modelUnits(1)
                    .tags(Tag.builder().key("team").value("search").build()))
            .provisionedModelArn();

    served.bedrock.tagResource(
        r -> r.resourceARN(arn).tags(Tag.builder().key("env").value("prod").build(),
            Tag.builder().key("team").value("ranking").build()));
    List<Tag> afterTag = served.bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags();
    served.bedrock.untagResource(r -> r.resourceARN(arn).tagKeys("team", "absent"));
    List<Tag> afterUntag = served.bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags();

    assertEquals(
        List.of(Tag.builder().key("team").value("ranking").build(),
            Tag.builder().key("env").value("prod").build()),
        afterTag);
    assertEquals(List.of(Tag.builder().key("env").value("prod").build()), afterUntag);
  }

  @Test
  void an_untagged_resource_lists_an_empty_tag_list() throws Exception {
    String arn = create("bare");

    HttpResponse<String> raw =
        served.send("POST", "/listTagsForResource", "{\"resourceARN\":\"" + arn + "\"}");

    assertEquals(List.of(), served.bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags());
    assertEquals("{\"tags\":[]}", raw.body());
  }
}
