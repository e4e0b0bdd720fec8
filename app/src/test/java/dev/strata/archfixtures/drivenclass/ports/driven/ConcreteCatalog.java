package dev.strata.archfixtures.drivenclass.ports.driven;

/** Violation: a driven port that is a class. */
public class ConcreteCatalog {
  public String find(String id) {
    return id;
  }
}
