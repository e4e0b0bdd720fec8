package dev.strata.archfixtures.good.app.cli;

import dev.strata.archfixtures.good.app.wiring.Wiring;
import dev.strata.archfixtures.good.ports.driving.ReserveQuota;
import dev.strata.archfixtures.good.ports.driving.ReserveQuotaCommand;

/** The CLI gets its ports from the composition root and never names an adapter. */
public final class Cli {
  private final ReserveQuota reserve = Wiring.inMemory();

  public String run(String model) {
    return reserve.reserve(new ReserveQuotaCommand(model, 1)).fold(e -> e, q -> "reserved");
  }
}
