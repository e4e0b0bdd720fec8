package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.PT_ARN;
import static dev.strata.domain.DomainFixtures.assertLeft;
import static dev.strata.domain.DomainFixtures.tagList;
import static dev.strata.domain.DomainFixtures.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError.TooManyTags;
import dev.strata.domain.BedrockError.ValidationError;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D4–D6: tags per request, tags per resource, duplicate and reserved keys. */
class TagsTest {
  private static final Optional<String> RESOURCE = Optional.of(PT_ARN.value());

  private static Either<BedrockError, Tags> tag(Tags tags, Seq<Tag> requested) {
    return tags.tag(requested, "tags", RESOURCE);
  }

  private static List<String> keys(Tags tags) {
    return tags.asList().map(t -> t.key().value());
  }

  private static Seq<TagKey> tagKeys(String... keys) {
    return List.of(keys).map(TagKey::of);
  }

  private static String violation(String value, String path, String constraint) {
    return new FieldViolation(path, value, constraint).render();
  }

  @Test
  void a_request_of_200_tags_passes_the_request_check_and_meets_the_resource_limit() {
    TooManyTags e = assertLeft(TooManyTags.class, tag(Tags.empty(), tagList(200)));
    assertEquals(
        "A resource can have at most 50 tags: it has 0 and the request adds 200 new keys.",
        e.message());
  }

  @Test
  void a_request_of_201_tags_is_a_validation_error_at_tags() {
    ValidationError e = assertLeft(ValidationError.class, tag(Tags.empty(), tagList(201)));
    assertEquals(
        "1 validation error detected: Value '"
            + List.rangeClosed(1, 201).map(i -> "k" + i + "=v").mkString("List(", ", ", ")")
            + "' at 'tags' failed to satisfy constraint:"
            + " Member must have length less than or equal to 200",
        e.message());
  }

  @Test
  void forty_eight_tags_and_two_new_keys_make_the_allowed_fifty() {
    Tags tagged = tag(tags(48), List.of(Tag.of("n1", "v"), Tag.of("n2", "v"))).get();
    assertEquals(50, tagged.size());
    assertEquals(List.of("k48", "n1", "n2"), keys(tagged).takeRight(3));
  }

  @Test
  void forty_nine_tags_and_two_new_keys_are_too_many_and_leave_the_resource_unchanged() {
    Tags existing = tags(49);
    TooManyTags e =
        assertLeft(
            TooManyTags.class, tag(existing, List.of(Tag.of("n1", "v"), Tag.of("n2", "v"))));
    assertEquals(
        new TooManyTags(
            "A resource can have at most 50 tags: it has 49 and the request adds 2 new keys.",
            Optional.of("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx4034")),
        e);
    assertEquals("TooManyTagsException", e.errorCode());
    assertEquals(tags(49), existing);
  }

  @Test
  void setting_an_existing_key_replaces_its_value_in_place_and_is_not_a_new_key() {
    Tags tagged = tag(tags(49), List.of(Tag.of("k1", "new"), Tag.of("n1", "v"))).get();
    assertEquals(50, tagged.size());
    assertEquals(Tag.of("k1", "new"), tagged.asList().head());
    assertEquals(Tag.of("n1", "v"), tagged.asList().last());
    assertEquals(50, tag(tags(50), List.of(Tag.of("k50", "x"))).get().size());
  }

  @Test
  void keys_keep_the_order_in_which_they_were_first_set() {
    Tags first = tag(Tags.empty(), List.of(Tag.of("c", "1"), Tag.of("a", "2"))).get();
    Tags second = tag(first, List.of(Tag.of("b", "3"), Tag.of("c", "4"))).get();
    assertEquals(
        List.of(Tag.of("c", "4"), Tag.of("a", "2"), Tag.of("b", "3")), second.asList());
  }

  @Test
  void a_key_repeated_in_one_request_is_a_validation_error_naming_the_repeat() {
    ValidationError e =
        assertLeft(
            ValidationError.class,
            tag(Tags.empty(), List.of(Tag.of("a", "1"), Tag.of("b", "2"), Tag.of("a", "3"))));
    assertEquals(
        "1 validation error detected: "
            + violation(
                "a",
                "tags.3.member.key",
                "Member must be unique within the request (it repeats tags.1.member.key)"),
        e.message());
  }

  @Test
  void a_reserved_key_in_any_case_is_a_validation_error_at_its_path() {
    ValidationError e =
        assertLeft(
            ValidationError.class,
            tag(Tags.empty(), List.of(Tag.of("ok", "1"), Tag.of("AWS:x", "2"))));
    assertEquals(
        "1 validation error detected: "
            + violation(
                "AWS:x", "tags.2.member.key", "Member must not start with 'aws:' (reserved for AWS)"),
        e.message());
  }

  @Test
  void untag_removes_the_keys_and_ignores_absent_ones() {
    Tags untagged = tags(3).untag(tagKeys("k2", "absent"), "tagKeys").get();
    assertEquals(List.of("k1", "k3"), keys(untagged));
  }

  @Test
  void untag_of_a_reserved_key_is_a_validation_error_at_its_path() {
    ValidationError e =
        assertLeft(ValidationError.class, tags(3).untag(tagKeys("k1", "aws:k"), "tagKeys"));
    assertEquals(
        "1 validation error detected: "
            + violation(
                "aws:k", "tagKeys.2.member", "Member must not start with 'aws:' (reserved for AWS)"),
        e.message());
  }

  @Test
  void untag_of_more_than_200_keys_is_a_validation_error_but_200_are_allowed() {
    Seq<TagKey> keys200 = tagList(200).map(Tag::key);
    assertEquals(List.empty(), keys(tags(50).untag(keys200, "tagKeys").get()));
    ValidationError e =
        assertLeft(
            ValidationError.class,
            tags(1).untag(keys200.append(TagKey.of("k201")), "tagKeys"));
    assertEquals(
        "1 validation error detected: Value '"
            + List.rangeClosed(1, 201).map(i -> "k" + i).mkString("List(", ", ", ")")
            + "' at 'tagKeys' failed to satisfy constraint:"
            + " Member must have length less than or equal to 200",
        e.message());
  }

  @Test
  void request_key_violations_skip_missing_keys_but_keep_their_positions() {
    assertEquals(
        List.of(
            new FieldViolation(
                "tags.4.member.key",
                "a",
                "Member must be unique within the request (it repeats tags.2.member.key)"),
            new FieldViolation(
                "tags.5.member.key", "aws:b", "Member must not start with 'aws:' (reserved for AWS)")),
        Tags.requestKeyViolations(
            List.ofAll(Arrays.asList(null, "a", null, "a", "aws:b")), "tags", ".member.key"));
  }

  @Test
  void a_reserved_key_that_also_repeats_reports_both_violations() {
    assertEquals(
        List.of(
            "Member must not start with 'aws:' (reserved for AWS)",
            "Member must not start with 'aws:' (reserved for AWS)",
            "Member must be unique within the request (it repeats tagKeys.1.member)"),
        Tags.requestKeyViolations(List.of("aws:x", "aws:x"), "tagKeys", ".member")
            .map(FieldViolation::constraint));
  }
}
