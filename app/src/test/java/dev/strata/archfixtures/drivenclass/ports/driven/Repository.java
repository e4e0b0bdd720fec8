package dev.strata.archfixtures.drivenclass.ports.driven;

/** Kept: a driven port interface, with nested outcome types and a nested helper class. */
public interface Repository {
  Outcome insert(String id);

  sealed interface Outcome {
    record Inserted(String id) implements Outcome {}

    record NameTaken(String holder) implements Outcome {}
  }

  final class Ids {
    private Ids() {}

    public static String normalize(String id) {
      return id.trim();
    }
  }
}
