package dev.strata.archfixtures.drivenclass.ports.driven;

/** Violation: an abstract class is still a class. */
public abstract class AbstractStore {
  public abstract void put(String id);
}
