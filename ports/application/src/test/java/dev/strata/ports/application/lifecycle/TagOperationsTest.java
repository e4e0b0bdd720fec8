package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.get;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.BedrockError.TooManyTags;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.Tag;
import dev.strata.domain.TaggableResourceArn;
import dev.strata.domain.Tags;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.ListTagsForResourceCommand;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.TagResourceCommand;
import dev.strata.ports.driving.UntagResourceCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagOperationsTest {
  private final TestClock clock = TestClock.at(T0);
  private final StrataService service = strataOn(clock).build().service();
  private String arn;

  @BeforeEach
  void a_provisioned_throughput_created_with_two_tags() {
    arn =
        ok(
                service.createProvisionedModelThroughput(
                    CreateProvisionedModelThroughputCommand.builder("tagged", NOVA_MICRO, 1)
                        .tag("team", "ml")
                        .tag("env", "dev")
                        .build()))
            .value();
  }

  private Either<BedrockError, Tags> tag(String resource, java.util.List<RequestTag> tags) {
    return service.tagResource(new TagResourceCommand(resource, tags));
  }

  private Either<BedrockError, Tags> untag(String resource, java.util.List<String> keys) {
    return service.untagResource(new UntagResourceCommand(resource, keys));
  }

  private List<Tag> tagsOf(String resource) {
    return ok(service.listTagsForResource(new ListTagsForResourceCommand(resource))).asList();
  }

  private static java.util.List<RequestTag> numbered(String prefix, int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> RequestTag.of(prefix + i, "v"))
        .collect(Collectors.toList());
  }

  private static ResourceNotFound notFound(String resource) {
    return new ResourceNotFound(
        "Provisioned throughput '" + resource + "' was not found in this account and region.");
  }

  @Test
  void tags_given_at_creation_are_listed_in_the_order_they_were_set() {
    assertEquals(List.of(Tag.of("team", "ml"), Tag.of("env", "dev")), tagsOf(arn));
  }

  @Test
  void tagging_adds_new_keys_and_replaces_the_value_of_existing_ones() {
    Tags after = ok(tag(arn, java.util.List.of(RequestTag.of("env", "prod"), RequestTag.of("cost", "42"))));

    List<Tag> expected = List.of(Tag.of("team", "ml"), Tag.of("env", "prod"), Tag.of("cost", "42"));
    assertEquals(expected, after.asList());
    assertEquals(expected, tagsOf(arn));
  }

  @Test
  void untagging_removes_the_keys_and_ignores_absent_ones() {
    ok(untag(arn, java.util.List.of("team", "never-set")));

    assertEquals(List.of(Tag.of("env", "dev")), tagsOf(arn));
  }

  @Test
  void more_than_two_hundred_tags_in_one_request_is_a_validation_exception() {
    java.util.List<RequestTag> tooMany = numbered("k", 0, 201);

    assertInvalidMembers(
        "1 validation error detected: Value '"
            + tooMany
            + "' at 'tags' failed to satisfy constraint: Member must have length less than or"
            + " equal to 200",
        failure(tag(arn, tooMany)));
    assertEquals(List.of(Tag.of("team", "ml"), Tag.of("env", "dev")), tagsOf(arn));
  }

  @Test
  void a_request_that_would_take_a_resource_past_fifty_tags_is_too_many_tags_and_changes_nothing() {
    ok(tag(arn, numbered("k", 0, 45)));
    List<Tag> before = tagsOf(arn);

    assertEquals(
        new TooManyTags(
            "A resource can have at most 50 tags: it has 47 and the request adds 4 new keys.",
            Optional.of(arn)),
        failure(tag(arn, java.util.List.of(
            RequestTag.of("team", "replaced"),
            RequestTag.of("n1", "v"),
            RequestTag.of("n2", "v"),
            RequestTag.of("n3", "v"),
            RequestTag.of("n4", "v")))));
    assertEquals(before, tagsOf(arn));
  }

  @Test
  void a_resource_may_hold_exactly_fifty_tags_and_still_replace_their_values() {
    ok(tag(arn, numbered("k", 0, 48)));

    ok(tag(arn, java.util.List.of(RequestTag.of("team", "platform"))));

    List<Tag> tags = tagsOf(arn);
    assertEquals(50, tags.size());
    assertEquals(Tag.of("team", "platform"), tags.head());
  }

  @Test
  void a_key_repeated_within_one_request_is_a_validation_exception() {
    assertInvalidMembers(
        "1 validation error detected: Value 'owner' at 'tags.2.member.key' failed to satisfy"
            + " constraint: Member must be unique within the request (it repeats"
            + " tags.1.member.key)",
        failure(tag(arn, java.util.List.of(RequestTag.of("owner", "a"), RequestTag.of("owner", "b")))));
    assertInvalidMembers(
        "1 validation error detected: Value 'team' at 'tagKeys.3.member' failed to satisfy"
            + " constraint: Member must be unique within the request (it repeats"
            + " tagKeys.1.member)",
        failure(untag(arn, java.util.List.of("team", "env", "team"))));
    assertEquals(List.of(Tag.of("team", "ml"), Tag.of("env", "dev")), tagsOf(arn));
  }

  @Test
  void a_key_in_the_aws_namespace_is_a_validation_exception() {
    assertInvalidMembers(
        "1 validation error detected: Value 'aws:owner' at 'tags.1.member.key' failed to"
            + " satisfy constraint: Member must not start with 'aws:' (reserved for AWS)",
        failure(tag(arn, java.util.List.of(RequestTag.of("aws:owner", "a")))));
    assertInvalidMembers(
        "1 validation error detected: Value 'aws:owner' at 'tagKeys.1.member' failed to"
            + " satisfy constraint: Member must not start with 'aws:' (reserved for AWS)",
        failure(untag(arn, java.util.List.of("aws:owner"))));
  }

  @Test
  void an_unknown_provisioned_model_arn_is_resource_not_found() {
    String unknown = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/000000000000";

    assertEquals(notFound(unknown), failure(tag(unknown, numbered("k", 0, 1))));
    assertEquals(notFound(unknown), failure(untag(unknown, java.util.List.of("team"))));
    assertEquals(
        notFound(unknown),
        failure(service.listTagsForResource(new ListTagsForResourceCommand(unknown))));
  }

  @Test
  void another_accounts_caller_cannot_tag_or_read_the_tags() {
    StrataService other = service.forScope(OTHER_ACCOUNT_SCOPE);

    assertEquals(
        notFound(arn),
        failure(other.tagResource(new TagResourceCommand(arn, numbered("k", 0, 1)))));
    assertEquals(
        notFound(arn), failure(other.listTagsForResource(new ListTagsForResourceCommand(arn))));
    assertEquals(List.of(Tag.of("team", "ml"), Tag.of("env", "dev")), tagsOf(arn));
  }

  @Test
  void a_taggable_arn_that_is_no_provisioned_throughput_is_resource_not_found() {
    assertEquals(notFound(SUPPORT_BOT_ARN), failure(tag(SUPPORT_BOT_ARN, numbered("k", 0, 1))));
    assertEquals(
        notFound(SUPPORT_BOT_ARN),
        failure(service.listTagsForResource(new ListTagsForResourceCommand(SUPPORT_BOT_ARN))));
  }

  @Test
  void an_arn_outside_the_taggable_resources_pattern_is_a_validation_exception() {
    String bucket = "arn:aws:s3:::some-bucket/some-key";

    assertInvalidMembers(
        "1 validation error detected: Value '"
            + bucket
            + "' at 'resourceARN' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: "
            + TaggableResourceArn.PATTERN,
        failure(service.listTagsForResource(new ListTagsForResourceCommand(bucket))));
  }

  @Test
  void tag_changes_leave_last_modified_time_and_status_alone() {
    ProvisionedThroughput before = ok(get(service, arn));
    clock.advance(Duration.ofHours(3));

    ok(tag(arn, java.util.List.of(RequestTag.of("new", "tag"))));
    clock.advance(Duration.ofHours(3));
    ok(untag(arn, java.util.List.of("team")));
    ProvisionedThroughput after = ok(get(service, arn));

    assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
    assertEquals(before.status(), after.status());
    assertEquals(List.of(Tag.of("env", "dev"), Tag.of("new", "tag")), after.tags().asList());
  }
}
