package dev.strata.archfixtures.good.ports.driving;

import dev.strata.archfixtures.good.domain.Quota;
import io.vavr.control.Either;

public interface ReserveQuota {
  Either<String, Quota> reserve(ReserveQuotaCommand command);
}
