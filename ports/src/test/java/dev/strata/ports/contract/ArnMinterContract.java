package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.GOV_CLOUD;
import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.OTHER_ACCOUNT;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ArnMinter;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArnMinter} must do (D17). An adapter's test extends this class and implements
 * {@link #minterFor}.
 */
public abstract class ArnMinterContract {

  /** A minter acting for {@code home}. */
  protected abstract ArnMinter minterFor(ResourceScope home);

  private static final Pattern ARN = Pattern.compile(ProvisionedModelArn.PATTERN);
  private static final Pattern ID = Pattern.compile("^[a-z0-9]{12}$");

  @Test
  void the_home_scope_is_the_one_it_acts_for() {
    assertEquals(Either.right(HOME), minterFor(HOME).homeScope());
    assertEquals(Either.right(GOV_CLOUD), minterFor(GOV_CLOUD).homeScope());
  }

  @Test
  void mints_arns_in_the_requested_scope() {
    ArnMinter minter = minterFor(HOME);

    for (ResourceScope scope : List.of(HOME, OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)) {
      ProvisionedModelArn arn = minter.mint(scope);
      String id = arn.id().value();

      assertEquals(scope, arn.scope());
      assertTrue(ID.matcher(id).matches(), id);
      assertTrue(ARN.matcher(arn.value()).matches(), arn.value());
      assertEquals(
          "arn:" + scope.partition() + ":bedrock:" + scope.region() + ":" + scope.account()
              + ":provisioned-model/" + id,
          arn.value());
    }
  }

  @Test
  void ten_thousand_mints_are_all_distinct() {
    ArnMinter minter = minterFor(HOME);
    Set<String> ids = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      ids.add(minter.mint(HOME).id().value());
    }

    assertEquals(10_000, ids.size());
  }

  @Test
  void mints_from_eight_threads_at_once_are_all_distinct() {
    ArnMinter minter = minterFor(HOME);

    java.util.List<java.util.List<String>> perThread =
        Concurrently.race(
            8,
            t -> {
              java.util.List<String> ids = new java.util.ArrayList<>();
              for (int i = 0; i < 2_000; i++) {
                ids.add(minter.mint(HOME).id().value());
              }
              return ids;
            });

    Set<String> distinct = new HashSet<>();
    perThread.forEach(distinct::addAll);
    assertEquals(16_000, distinct.size());
  }
}
