package dev.strata.junit;

/** How long one Strata server lives. */
public enum ServerLifecycle {
  /** Started before the class's first test, stopped after its last. */
  PER_CLASS,
  /** Started before each test method, stopped after it: nothing is shared between methods. */
  PER_METHOD
}
