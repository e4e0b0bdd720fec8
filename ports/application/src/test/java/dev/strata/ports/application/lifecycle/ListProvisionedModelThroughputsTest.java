package dev.strata.ports.application.lifecycle;

import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_LITE;
import static dev.strata.ports.application.lifecycle.Lifecycle.NOVA_MICRO;
import static dev.strata.ports.application.lifecycle.Lifecycle.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.lifecycle.Lifecycle.SUPPORT_BOT_ARN;
import static dev.strata.ports.application.lifecycle.Lifecycle.T0;
import static dev.strata.ports.application.lifecycle.Lifecycle.create;
import static dev.strata.ports.application.lifecycle.Lifecycle.failure;
import static dev.strata.ports.application.lifecycle.Lifecycle.foundationArn;
import static dev.strata.ports.application.lifecycle.Lifecycle.ok;
import static dev.strata.ports.application.lifecycle.Lifecycle.strataOn;
import static dev.strata.ports.application.Refusals.assertInvalidMembers;
import static dev.strata.ports.application.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.ports.application.lifecycle.Lifecycle.Query;
import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ModelArn;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.ProvisionedThroughputPage;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four provisioned throughputs a second apart: alpha-one (Nova Micro, InService), Alpha-two (Nova
 * Lite, Creating), beta-three (Nova Micro, Failed), alpha-four (support-bot custom model,
 * InService).
 */
class ListProvisionedModelThroughputsTest {
  private final TestClock clock = TestClock.at(T0);
  private final Harness strata =
      strataOn(clock).transitions(StatusTransitionPolicy.manual()).build();
  private final StrataService service = strata.service();

  @BeforeEach
  void four_provisioned_throughputs_a_second_apart() {
    create(service, "alpha-one", NOVA_MICRO);
    ok(service.completeTransition("alpha-one"));
    clock.advance(Duration.ofSeconds(1));
    create(service, "Alpha-two", NOVA_LITE);
    clock.advance(Duration.ofSeconds(1));
    create(service, "beta-three", NOVA_MICRO);
    ok(service.failTransition("beta-three", "capacity"));
    clock.advance(Duration.ofSeconds(1));
    create(service, "alpha-four", SeedModels.TITAN_SUPPORT_BOT);
    ok(service.completeTransition("alpha-four"));
  }

  private Either<BedrockError, ProvisionedThroughputPage> list(Query query) {
    return service.listProvisionedModelThroughputs(query.command());
  }

  private static List<String> names(ProvisionedThroughputPage page) {
    return page.provisionedModelSummaries().map(pt -> pt.provisionedModelName().value());
  }

  private List<String> namesOf(Query query) {
    ProvisionedThroughputPage page = ok(list(query));
    assertEquals(Option.none(), page.nextToken());
    return names(page);
  }

  private static void assertInvalidToken(String token, BedrockError error) {
    assertRefused(
        new ValidationFact.InvalidPageToken(token),
        "The nextToken '"
            + token
            + "' is not valid for this request: it is malformed, or was issued for other filters,"
            + " sort order, account or region.",
        error);
  }

  private static void assertShapeRefused(String clause, BedrockError error) {
    assertInvalidMembers("1 validation error detected: " + clause, error);
  }

  @Test
  void without_parameters_everything_is_listed_newest_first_on_one_page() {
    assertEquals(List.of("alpha-four", "beta-three", "Alpha-two", "alpha-one"), namesOf(Query.list()));
  }

  @Test
  void descending_is_newest_first_and_ascending_is_oldest_first() {
    assertEquals(
        List.of("alpha-four", "beta-three", "Alpha-two", "alpha-one"),
        namesOf(Query.list().order("Descending")));
    assertEquals(
        List.of("alpha-one", "Alpha-two", "beta-three", "alpha-four"),
        namesOf(Query.list().order("Ascending")));
  }

  @Test
  void creation_time_after_excludes_its_own_instant() {
    assertEquals(
        List.of("alpha-four", "beta-three"), namesOf(Query.list().after(T0.plusSeconds(1))));
  }

  @Test
  void creation_time_before_excludes_its_own_instant() {
    assertEquals(
        List.of("Alpha-two", "alpha-one"), namesOf(Query.list().before(T0.plusSeconds(2))));
  }

  @Test
  void creation_time_bounds_around_one_instant_select_exactly_what_was_created_at_it() {
    assertEquals(
        List.of("Alpha-two"),
        namesOf(Query.list().after(T0.plusMillis(999)).before(T0.plusMillis(1001))));
  }

  @Test
  void status_equals_selects_each_status() {
    assertEquals(List.of("alpha-four", "alpha-one"), namesOf(Query.list().status("InService")));
    assertEquals(List.of("Alpha-two"), namesOf(Query.list().status("Creating")));
    assertEquals(List.of("beta-three"), namesOf(Query.list().status("Failed")));
    assertEquals(List.empty(), namesOf(Query.list().status("Updating")));
  }

  @Test
  void model_arn_equals_matches_foundation_and_custom_model_arns() {
    assertEquals(
        List.of("beta-three", "alpha-one"), namesOf(Query.list().model(foundationArn(NOVA_MICRO))));
    assertEquals(List.of("alpha-four"), namesOf(Query.list().model(SUPPORT_BOT_ARN)));
  }

  @Test
  void name_contains_is_a_case_sensitive_substring() {
    assertEquals(List.of("alpha-four", "alpha-one"), namesOf(Query.list().nameContains("alpha")));
    assertEquals(List.of("Alpha-two"), namesOf(Query.list().nameContains("Alpha")));
    assertEquals(List.of("beta-three"), namesOf(Query.list().nameContains("a-th")));
  }

  @Test
  void filters_combine_with_and() {
    assertEquals(
        List.of("alpha-one"),
        namesOf(
            Query.list()
                .nameContains("alpha")
                .status("InService")
                .model(foundationArn(NOVA_MICRO))));
    assertEquals(
        List.of("alpha-four"), namesOf(Query.list().nameContains("alpha").after(T0)));
    assertEquals(
        List.empty(), namesOf(Query.list().nameContains("beta").status("InService")));
  }

  @Test
  void a_model_arn_filter_that_is_no_model_arn_is_a_validation_exception() {
    assertShapeRefused(
        "Value 'arn:aws:s3:::some-bucket/key' at 'modelArnEquals' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: "
            + ModelArn.PATTERN,
        failure(list(Query.list().model("arn:aws:s3:::some-bucket/key"))));
  }

  @Test
  void an_unknown_status_or_sort_order_is_a_validation_exception() {
    assertShapeRefused(
        "Value 'Deleting' at 'statusEquals' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [Creating, InService, Updating, Failed]",
        failure(list(Query.list().status("Deleting"))));
    assertShapeRefused(
        "Value 'Sideways' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [Ascending, Descending]",
        failure(list(Query.list().order("Sideways"))));
  }

  @Test
  void max_results_below_one_or_above_a_thousand_is_a_validation_exception() {
    assertShapeRefused(
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 1",
        failure(list(Query.list().maxResults(0))));
    assertShapeRefused(
        "Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less"
            + " than or equal to 1000",
        failure(list(Query.list().maxResults(1001))));
  }

  @Test
  void max_results_of_one_and_of_a_thousand_are_accepted() {
    ProvisionedThroughputPage one = ok(list(Query.list().maxResults(1)));
    assertEquals(List.of("alpha-four"), names(one));
    assertTrue(one.nextToken().isDefined());

    assertEquals(
        List.of("alpha-four", "beta-three", "Alpha-two", "alpha-one"),
        namesOf(Query.list().maxResults(1000)));
  }

  @Test
  void a_page_exactly_as_large_as_what_is_left_has_no_next_token() {
    assertEquals(4, namesOf(Query.list().maxResults(4)).size());
  }

  @Test
  void the_next_token_resumes_where_the_last_page_ended_in_either_order() {
    assertEquals(
        List.of("alpha-four", "beta-three", "Alpha-two", "alpha-one"), allPages(Query.list(), 1));
    assertEquals(
        List.of("alpha-one", "Alpha-two", "beta-three", "alpha-four"),
        allPages(Query.list().order("Ascending"), 3));
    assertEquals(
        List.of("alpha-four", "alpha-one"), allPages(Query.list().nameContains("alpha"), 1));
  }

  private List<String> allPages(Query query, int size) {
    return List.ofAll(Lifecycle.allPages(service, query, size, 100, pages -> {}))
        .map(pt -> pt.provisionedModelName().value());
  }

  @Test
  void a_token_may_continue_with_another_page_size() {
    ProvisionedThroughputPage first = ok(list(Query.list().maxResults(1)));
    ProvisionedThroughputPage rest =
        ok(list(Query.list().maxResults(10).token(first.nextToken().get())));

    assertEquals(List.of("beta-three", "Alpha-two", "alpha-one"), names(rest));
    assertEquals(Option.none(), rest.nextToken());
  }

  @Test
  void the_default_page_holds_a_thousand_and_the_next_token_fetches_the_rest() {
    for (int i = 0; i < 997; i++) {
      create(service, "bulk-" + i, NOVA_MICRO);
    }

    ProvisionedThroughputPage first = ok(list(Query.list()));
    assertEquals(1000, first.provisionedModelSummaries().size());
    ProvisionedThroughputPage second = ok(list(Query.list().token(first.nextToken().get())));

    assertEquals(List.of("alpha-one"), names(second));
    assertEquals(Option.none(), second.nextToken());
  }

  @Test
  void a_malformed_token_is_a_validation_exception() {
    assertInvalidToken("garbage", failure(list(Query.list().token("garbage"))));
    assertInvalidToken("@@@", failure(list(Query.list().token("@@@"))));
  }

  @Test
  void an_altered_token_is_a_validation_exception() {
    String token = ok(list(Query.list().maxResults(1))).nextToken().get();
    String altered = (token.charAt(0) == 'd' ? "e" : "d") + token.substring(1);

    assertInvalidToken(altered, failure(list(Query.list().token(altered))));
  }

  @Test
  void a_token_with_whitespace_breaks_the_pagination_token_shape() {
    assertShapeRefused(
        "Value 'two words' at 'nextToken' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: ^\\S*$",
        failure(list(Query.list().token("two words"))));
  }

  @Test
  void a_token_presented_with_other_filters_is_a_validation_exception() {
    String token = ok(list(Query.list().nameContains("alpha").maxResults(1))).nextToken().get();

    assertInvalidToken(token, failure(list(Query.list().nameContains("alph").token(token))));
    assertInvalidToken(token, failure(list(Query.list().token(token))));
    assertInvalidToken(
        token,
        failure(list(Query.list().nameContains("alpha").status("InService").token(token))));
  }

  @Test
  void a_token_presented_with_the_other_sort_order_is_a_validation_exception() {
    String token = ok(list(Query.list().maxResults(1))).nextToken().get();

    assertInvalidToken(token, failure(list(Query.list().order("Ascending").token(token))));
  }

  @Test
  void a_token_that_names_the_default_order_explicitly_is_the_same_query() {
    String token = ok(list(Query.list().maxResults(1))).nextToken().get();

    assertEquals(
        List.of("beta-three", "Alpha-two", "alpha-one"),
        names(ok(list(Query.list().order("Descending").token(token)))));
  }

  @Test
  void a_token_presented_by_another_account_is_a_validation_exception() {
    String token = ok(list(Query.list().maxResults(1))).nextToken().get();

    assertInvalidToken(
        token,
        failure(
            service
                .forScope(OTHER_ACCOUNT_SCOPE)
                .listProvisionedModelThroughputs(Query.list().token(token).command())));
  }

  @Test
  void another_account_lists_none_of_these() {
    ProvisionedThroughputPage page =
        ok(service.forScope(OTHER_ACCOUNT_SCOPE).listProvisionedModelThroughputs(Query.list().command()));

    assertEquals(List.empty(), page.provisionedModelSummaries());
    assertEquals(Option.none(), page.nextToken());
  }
}
