package dev.strata.archfixtures.good.ports.application;

import dev.strata.archfixtures.good.domain.Quota;
import dev.strata.archfixtures.good.ports.driving.ReserveQuotaCommand;
import io.vavr.control.Either;

/** A use case where use cases live, on the good fixture's service. */
public final class ReserveUseCase {
  private final QuotaService service;

  public ReserveUseCase(QuotaService service) {
    this.service = service;
  }

  public Either<String, Quota> reserve(ReserveQuotaCommand command) {
    return service.reserve(command);
  }
}
