package dev.strata.adapters.inmemory;

import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.id;
import static dev.strata.ports.contract.Fixtures.provisioned;
import static dev.strata.ports.contract.Fixtures.renamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.Fixtures;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final BedrockError THROTTLED = new BedrockError.Throttling("Rate exceeded");
  private static final Either<BedrockError, Object> FAILED = Either.left(THROTTLED);
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();


  @Test
  void a_fault_is_reported_until_it_is_cleared() {
    FaultInjection faults = new FaultInjection();

    faults.failWith(THROTTLED);
    assertEquals(Optional.of(THROTTLED), faults.current());
    faults.clear();
    assertEquals(Optional.empty(), faults.current());
  }

  @Test
  void a_faulty_catalog_fails_every_lookup_until_cleared() {
    InMemoryModelCatalog catalog = InMemoryModelCatalog.seeded(HOME);
    var custom = catalog.findCustomModelByName(HOME, SeedModels.TITAN_SUPPORT_BOT).get().get();

    catalog.faults().failWith(THROTTLED);

    assertEquals(FAILED, catalog.findFoundationModel(HOME, "amazon.nova-lite-v1:0:24k"));
    assertEquals(FAILED, catalog.listFoundationModels(HOME));
    assertEquals(FAILED, catalog.findCustomModelByName(HOME, SeedModels.TITAN_SUPPORT_BOT));
    assertEquals(FAILED, catalog.findCustomModelByArn(HOME, custom.arn()));
    assertEquals(FAILED, catalog.listCustomModels(HOME));

    catalog.faults().clear();

    assertEquals(Either.right(Option.some(custom)), catalog.findCustomModelByArn(HOME, custom.arn()));
    assertEquals(5, catalog.listCustomModels(HOME).get().size());
  }

  @Test
  void faulty_limits_fail_every_call_until_cleared() {
    InMemoryModelUnitLimits limits = new InMemoryModelUnitLimits().limit(BASE, 7);

    limits.faults().failWith(THROTTLED);
    assertEquals(FAILED, limits.limit(HOME, BASE));

    limits.faults().clear();
    assertEquals(Either.right(7L), limits.limit(HOME, BASE));
  }

  @Test
  void a_faulty_minter_has_no_home_scope_until_cleared() {
    InMemoryArnMinter minter = new InMemoryArnMinter(HOME, 0);

    minter.faults().failWith(THROTTLED);
    assertEquals(FAILED, minter.homeScope());

    minter.faults().clear();
    assertEquals(Either.right(HOME), minter.homeScope());
  }

  @Test
  void a_faulty_repository_fails_every_call_and_changes_nothing() {
    InMemoryProvisionedThroughputs repository = new InMemoryProvisionedThroughputs();
    ProvisionedThroughput stored = provisioned(HOME, id(1), "pt-1", "token-1");
    repository.insert(stored, Fixtures.UNLIMITED);

    repository.faults().failWith(THROTTLED);

    assertEquals(FAILED, repository.findById(HOME, stored.id()));
    assertEquals(FAILED, repository.findByArn(stored.provisionedModelArn()));
    assertEquals(FAILED, repository.findByName(HOME, stored.provisionedModelName()));
    assertEquals(FAILED, repository.findByClientRequestToken(HOME, ClientRequestToken.of("token-1")));
    assertEquals(FAILED, repository.insert(provisioned(HOME, id(2), "pt-2", "token-2"), Fixtures.UNLIMITED));
    assertEquals(FAILED, repository.replace(stored, renamed(stored, "pt-3")));
    assertEquals(FAILED, repository.remove(stored));
    assertEquals(FAILED, repository.unitsHeld(HOME, BASE));

    repository.faults().clear();

    assertEquals(Either.right(Option.some(stored)), repository.findById(HOME, stored.id()));
    assertEquals(Either.right(Option.none()), repository.findById(HOME, id(2)));
    assertEquals(Either.right(Option.none()), repository.findByName(HOME, ProvisionedModelName.of("pt-3")));
    assertEquals(
        Either.right(Option.none()), repository.findByClientRequestToken(HOME, ClientRequestToken.of("token-2")));
    assertEquals(1, repository.size(HOME));
  }
}
