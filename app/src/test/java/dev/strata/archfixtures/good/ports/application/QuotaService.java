package dev.strata.archfixtures.good.ports.application;

import dev.strata.archfixtures.good.domain.Quota;
import dev.strata.archfixtures.good.ports.driven.ModelCatalog;
import dev.strata.archfixtures.good.ports.driving.ReserveQuota;
import dev.strata.archfixtures.good.ports.driving.ReserveQuotaCommand;
import io.vavr.control.Either;
import java.time.Clock;

public final class QuotaService implements ReserveQuota {
  private final ModelCatalog catalog;
  private final Clock clock;

  public QuotaService(ModelCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public Either<String, Quota> reserve(ReserveQuotaCommand command) {
    ModelCatalog.Lookup found = catalog.find(command.model());
    return found instanceof ModelCatalog.Lookup.Found
        ? Quota.startingNow(command.model(), 10, clock).reserve(command.units())
        : Either.left(command.model() + " at " + clock.instant());
  }
}
