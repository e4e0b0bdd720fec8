package dev.strata.archfixtures.layout.ports.application;

/** Kept: a use case in the application layer that uses no edge port. */
public final class PurchaseUseCase {
  public String buy(String model) {
    return "bought " + model;
  }
}
