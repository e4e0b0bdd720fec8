package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.GOV_CLOUD;
import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.OTHER_ACCOUNT;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static dev.strata.ports.contract.Fixtures.id;
import static dev.strata.ports.contract.Fixtures.provisioned;
import static dev.strata.ports.contract.Fixtures.renamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.Inserted;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.TokenTaken;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome.Stale;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome.Written;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisionedThroughputs} must do (D1, D2, optimistic writes). An adapter's test
 * extends this class and implements {@link #emptyRepository}.
 */
public abstract class ProvisionedThroughputsContract {

  /** A repository that holds nothing in any scope. */
  protected abstract ProvisionedThroughputs emptyRepository();

  private static final Either<BedrockError, Option<ProvisionedThroughput>> NOTHING =
      Either.right(Option.none());

  private ProvisionedThroughputs repository;

  @BeforeEach
  void emptyStore() {
    repository = emptyRepository();
  }

  private static Either<BedrockError, Option<ProvisionedThroughput>> found(
      ProvisionedThroughput pt) {
    return Either.right(Option.some(pt));
  }

  private static ProvisionedModelName name(String value) {
    return ProvisionedModelName.of(value);
  }

  private static ClientRequestToken token(String value) {
    return ClientRequestToken.of(value);
  }

  private ProvisionedThroughput stored(ProvisionedThroughput pt) {
    assertEquals(Either.right(new Inserted(pt)), repository.insert(pt, Fixtures.UNLIMITED));
    return pt;
  }

  /** Asserts that {@code pt}'s id, name and token all lead to {@code expected}. */
  private void assertFoundEverywhere(ProvisionedThroughput pt, Option<ProvisionedThroughput> expected) {
    Either<BedrockError, Option<ProvisionedThroughput>> answer = Either.right(expected);
    assertEquals(answer, repository.findById(pt.scope(), pt.id()), "by id");
    assertEquals(answer, repository.findByArn(pt.provisionedModelArn()), "by ARN");
    assertEquals(answer, repository.findByName(pt.scope(), pt.provisionedModelName()), "by name");
    pt.clientRequestToken()
        .ifPresent(t -> assertEquals(answer, repository.findByClientRequestToken(pt.scope(), t), "by token"));
  }

  @Test
  void an_empty_repository_finds_nothing() {
    ProvisionedThroughput pt = provisioned(HOME, id(1), "pt-1", "token-1");

    assertFoundEverywhere(pt, Option.none());
  }

  @Test
  void an_inserted_provisioned_throughput_is_found_by_id_arn_name_and_token() {
    ProvisionedThroughput pt = stored(provisioned(HOME, id(1), "pt-1", "token-1"));

    assertFoundEverywhere(pt, Option.some(pt));
  }

  @Test
  void every_attribute_is_kept() {
    ProvisionedThroughput pt =
        stored(Fixtures.committedToCustomModel(HOME, id(1), "committed-1", "token-1"));

    assertFoundEverywhere(pt, Option.some(pt));
  }

  @Test
  void lookups_by_other_ids_names_or_tokens_find_nothing() {
    stored(provisioned(HOME, id(1), "pt-1", "token-1"));

    assertEquals(NOTHING, repository.findById(HOME, id(2)));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-2")));
    assertEquals(NOTHING, repository.findByName(HOME, name("PT-1")));
    assertEquals(NOTHING, repository.findByClientRequestToken(HOME, token("token-2")));
  }

  @Test
  void a_second_insert_with_a_taken_token_stores_nothing_and_names_the_holder() {
    ProvisionedThroughput holder = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput retry = provisioned(HOME, id(2), "pt-2", "token-1");

    assertEquals(Either.right(new TokenTaken(holder)), repository.insert(retry, Fixtures.UNLIMITED));
    assertEquals(NOTHING, repository.findById(HOME, id(2)));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-2")));
    assertEquals(found(holder), repository.findByClientRequestToken(HOME, token("token-1")));
  }

  @Test
  void a_second_insert_with_a_taken_name_stores_nothing_and_claims_no_token() {
    ProvisionedThroughput holder = stored(provisioned(HOME, id(1), "pt-1"));
    ProvisionedThroughput clash = provisioned(HOME, id(2), "pt-1", "token-2");

    assertEquals(Either.right(new InsertOutcome.NameTaken(holder)), repository.insert(clash, Fixtures.UNLIMITED));
    assertEquals(NOTHING, repository.findById(HOME, id(2)));
    assertEquals(found(holder), repository.findByName(HOME, name("pt-1")));
    assertEquals(NOTHING, repository.findByClientRequestToken(HOME, token("token-2")));
  }

  @Test
  void a_second_insert_under_a_taken_arn_stores_nothing_and_claims_neither_name_nor_token() {
    ProvisionedThroughput holder = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput clash = provisioned(HOME, id(1), "pt-2", "token-2");

    assertEquals(Either.right(new InsertOutcome.IdTaken()), repository.insert(clash, Fixtures.UNLIMITED));
    assertEquals(found(holder), repository.findById(HOME, id(1)));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-2")));
    assertEquals(NOTHING, repository.findByClientRequestToken(HOME, token("token-2")));
  }

  @Test
  void the_token_is_checked_before_the_name() {
    ProvisionedThroughput tokenHolder = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    stored(provisioned(HOME, id(2), "pt-2"));

    assertEquals(
        Either.right(new TokenTaken(tokenHolder)),
        repository.insert(provisioned(HOME, id(3), "pt-2", "token-1"), Fixtures.UNLIMITED));
  }

  @Test
  void the_same_name_token_and_id_may_be_used_once_in_each_account_and_region() {
    List<ProvisionedThroughput> perScope =
        List.of(HOME, OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)
            .map(scope -> stored(provisioned(scope, id(1), "pt-1", "token-1")));

    for (ProvisionedThroughput pt : perScope) {
      assertFoundEverywhere(pt, Option.some(pt));
    }
  }

  @Test
  void lookups_do_not_cross_accounts_or_regions() {
    ProvisionedThroughput pt = stored(provisioned(HOME, id(1), "pt-1", "token-1"));

    for (ResourceScope other : List.of(OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)) {
      assertEquals(NOTHING, repository.findById(other, pt.id()), other.toString());
      assertEquals(NOTHING, repository.findByArn(other.provisionedModelArn(pt.id())), other.toString());
      assertEquals(NOTHING, repository.findByName(other, name("pt-1")), other.toString());
      assertEquals(NOTHING, repository.findByClientRequestToken(other, token("token-1")), other.toString());
    }
  }

  @Test
  void replacing_the_stored_version_writes_and_moves_the_name_claim() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput second = renamed(first, "pt-renamed");

    assertEquals(Either.right(new Written(Option.some(second))), repository.replace(first, second));
    assertFoundEverywhere(second, Option.some(second));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-1")));

    ProvisionedThroughput reusesOldName = provisioned(HOME, id(2), "pt-1");
    assertEquals(Either.right(new Inserted(reusesOldName)), repository.insert(reusesOldName, Fixtures.UNLIMITED));
    assertEquals(
        Either.right(new InsertOutcome.NameTaken(second)),
        repository.insert(provisioned(HOME, id(3), "pt-renamed"), Fixtures.UNLIMITED));
  }

  @Test
  void replacing_without_a_rename_keeps_the_name_and_token_claims() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput second = Fixtures.retagged(first, "stage", "prod");

    assertEquals(Either.right(new Written(Option.some(second))), repository.replace(first, second));
    assertFoundEverywhere(second, Option.some(second));
    assertEquals(
        Either.right(new InsertOutcome.NameTaken(second)),
        repository.insert(provisioned(HOME, id(2), "pt-1"), Fixtures.UNLIMITED));
  }

  @Test
  void replacing_a_stale_version_changes_nothing() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput second = renamed(first, "pt-2");
    repository.replace(first, second);

    assertEquals(
        Either.right(new Stale(Option.some(second))),
        repository.replace(first, renamed(first, "pt-3")));
    assertFoundEverywhere(second, Option.some(second));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-3")));
  }

  @Test
  void replacing_what_is_not_stored_is_stale() {
    ProvisionedThroughput never = provisioned(HOME, id(1), "pt-1");

    assertEquals(
        Either.right(new Stale(Option.none())), repository.replace(never, renamed(never, "pt-2")));
    assertEquals(NOTHING, repository.findById(HOME, id(1)));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-2")));
  }

  @Test
  void renaming_onto_a_taken_name_changes_nothing_and_names_the_holder() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1"));
    ProvisionedThroughput holder = stored(provisioned(HOME, id(2), "pt-2"));

    assertEquals(
        Either.right(new WriteOutcome.NameTaken(holder)),
        repository.replace(first, renamed(first, "pt-2")));
    assertFoundEverywhere(first, Option.some(first));
    assertFoundEverywhere(holder, Option.some(holder));
  }

  @Test
  void removing_releases_the_name_and_the_token() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));

    assertEquals(Either.right(new Written(Option.none())), repository.remove(first));
    assertFoundEverywhere(first, Option.none());

    ProvisionedThroughput successor = provisioned(HOME, id(2), "pt-1", "token-1");
    assertEquals(Either.right(new Inserted(successor)), repository.insert(successor, Fixtures.UNLIMITED));
    assertFoundEverywhere(successor, Option.some(successor));
  }

  @Test
  void removing_after_a_rename_releases_the_new_name() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1"));
    ProvisionedThroughput second = renamed(first, "pt-2");
    repository.replace(first, second);

    assertEquals(Either.right(new Written(Option.none())), repository.remove(second));
    assertEquals(NOTHING, repository.findByName(HOME, name("pt-2")));
    assertEquals(NOTHING, repository.findById(HOME, id(1)));
  }

  @Test
  void removing_a_stale_version_changes_nothing() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput second = renamed(first, "pt-2");
    repository.replace(first, second);

    assertEquals(Either.right(new Stale(Option.some(second))), repository.remove(first));
    assertFoundEverywhere(second, Option.some(second));
  }

  @Test
  void removing_what_is_not_stored_is_stale() {
    ProvisionedThroughput never = provisioned(HOME, id(1), "pt-1");

    assertEquals(Either.right(new Stale(Option.none())), repository.remove(never));
    ProvisionedThroughput removedTwice = stored(provisioned(HOME, id(2), "pt-2"));
    repository.remove(removedTwice);
    assertEquals(Either.right(new Stale(Option.none())), repository.remove(removedTwice));
  }

  @Test
  void of_racing_inserts_with_one_token_exactly_one_is_stored() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ClientRequestToken shared = token("shared-token-" + round);
      java.util.List<ProvisionedThroughput> candidates = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        candidates.add(provisioned(HOME, id(round * 100 + i), "pt-" + round + "-" + i, shared.value()));
      }

      java.util.List<Either<BedrockError, InsertOutcome>> outcomes =
          Concurrently.race(64, i -> repository.insert(candidates.get(i), Fixtures.UNLIMITED));

      ProvisionedThroughput winner = onlyWinner(outcomes);
      assertEquals(
          63, outcomes.stream().filter(o -> o.equals(Either.right(new TokenTaken(winner)))).count());
      assertEquals(found(winner), repository.findByClientRequestToken(HOME, shared));
      for (ProvisionedThroughput candidate : candidates) {
        Option<ProvisionedThroughput> expected =
            candidate.equals(winner) ? Option.some(winner) : Option.none();
        assertEquals(Either.right(expected), repository.findById(HOME, candidate.id()));
        assertEquals(
            Either.right(expected), repository.findByName(HOME, candidate.provisionedModelName()));
      }
    }
  }

  @Test
  void of_racing_inserts_with_one_name_exactly_one_is_stored() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      String contested = "contested-" + round;
      java.util.List<ProvisionedThroughput> candidates = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        candidates.add(provisioned(HOME, id(round * 100 + i), contested));
      }

      java.util.List<Either<BedrockError, InsertOutcome>> outcomes =
          Concurrently.race(64, i -> repository.insert(candidates.get(i), Fixtures.UNLIMITED));

      ProvisionedThroughput winner = onlyWinner(outcomes);
      assertEquals(
          63,
          outcomes.stream()
              .filter(o -> o.equals(Either.right(new InsertOutcome.NameTaken(winner))))
              .count());
      assertEquals(found(winner), repository.findByName(HOME, name(contested)));
      assertEquals(
          1,
          candidates.stream()
              .filter(c -> repository.findById(HOME, c.id()).get().isDefined())
              .count());
    }
  }

  @Test
  void of_racing_replacements_of_one_version_exactly_one_is_written() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ProvisionedThroughput first = stored(provisioned(HOME, id(round), "pt-" + round, "token-" + round));
      java.util.List<ProvisionedThroughput> nexts = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        nexts.add(renamed(first, "next-" + round + "-" + i));
      }

      java.util.List<Either<BedrockError, WriteOutcome>> outcomes =
          Concurrently.race(32, i -> repository.replace(first, nexts.get(i)));

      java.util.List<ProvisionedThroughput> written = new java.util.ArrayList<>();
      outcomes.forEach(
          o -> {
            if (o.isRight() && o.get() instanceof Written) {
              written.add(((Written) o.get()).stored().get());
            }
          });
      assertEquals(1, written.size());
      ProvisionedThroughput winner = written.get(0);
      assertEquals(
          31,
          outcomes.stream()
              .filter(o -> o.equals(Either.right(new Stale(Option.some(winner)))))
              .count());
      assertFoundEverywhere(winner, Option.some(winner));
      assertEquals(NOTHING, repository.findByName(HOME, first.provisionedModelName()));
      assertEquals(
          1,
          nexts.stream()
              .filter(n -> repository.findByName(HOME, n.provisionedModelName()).get().isDefined())
              .count());
    }
  }

  @Test
  void remove_all_of_one_scope_empties_it_frees_its_names_tokens_and_units_and_leaves_the_others() {
    ProvisionedThroughput first = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    stored(provisioned(HOME, id(2), "pt-2"));
    ProvisionedThroughput elsewhere = stored(provisioned(OTHER_ACCOUNT, id(3), "pt-1", "token-1"));

    assertEquals(Either.right(2), repository.removeAll(Option.some(HOME)));

    assertFoundEverywhere(first, Option.none());
    assertEquals(Either.right(0L), repository.unitsHeld(HOME, first.quotaCharge().key()));
    assertFoundEverywhere(elsewhere, Option.some(elsewhere));
    assertEquals(
        Either.right((long) elsewhere.quotaCharge().units().value()),
        repository.unitsHeld(OTHER_ACCOUNT, elsewhere.quotaCharge().key()));
    stored(provisioned(HOME, id(4), "pt-1", "token-1"));
    assertEquals(Either.right(0), repository.removeAll(Option.some(OTHER_REGION)));
  }

  @Test
  void remove_all_of_every_scope_empties_every_scope() {
    ProvisionedThroughput home = stored(provisioned(HOME, id(1), "pt-1", "token-1"));
    ProvisionedThroughput gov = stored(provisioned(GOV_CLOUD, id(2), "pt-2"));

    assertEquals(Either.right(2), repository.removeAll(Option.none()));

    assertFoundEverywhere(home, Option.none());
    assertFoundEverywhere(gov, Option.none());
    assertEquals(Either.right(0L), repository.unitsHeld(GOV_CLOUD, gov.quotaCharge().key()));
    assertEquals(Either.right(0), repository.removeAll(Option.none()));
  }

  /** The one provisioned throughput that {@code outcomes} report inserted. */
  private static ProvisionedThroughput onlyWinner(
      java.util.List<Either<BedrockError, InsertOutcome>> outcomes) {
    java.util.List<ProvisionedThroughput> winners = new java.util.ArrayList<>();
    for (Either<BedrockError, InsertOutcome> outcome : outcomes) {
      if (outcome.isRight() && outcome.get() instanceof Inserted) {
        winners.add(((Inserted) outcome.get()).stored());
      }
    }
    assertEquals(1, winners.size(), "inserted");
    return winners.get(0);
  }
}
