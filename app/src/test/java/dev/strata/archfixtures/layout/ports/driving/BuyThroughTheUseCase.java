package dev.strata.archfixtures.layout.ports.driving;

import dev.strata.archfixtures.layout.ports.application.PurchaseUseCase;

/** Broken: a driving port names the application layer that implements it. */
public interface BuyThroughTheUseCase {
  PurchaseUseCase useCase();
}
