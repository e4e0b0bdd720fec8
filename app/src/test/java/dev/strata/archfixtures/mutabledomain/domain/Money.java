package dev.strata.archfixtures.mutabledomain.domain;

/** Kept. */
public final class Money {
  public static final Money ZERO = new Money(0);
  private final long cents;

  public Money(long cents) {
    this.cents = cents;
  }

  public Money plus(Money other) {
    return new Money(cents + other.cents);
  }
}
