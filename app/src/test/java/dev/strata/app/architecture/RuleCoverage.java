package dev.strata.app.architecture;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which rules of {@link StrataArchitecture} a test class checks: one test per rule, of its name. */
final class RuleCoverage {
  private RuleCoverage() {}

  /** The rules that have no {@code @Test} method of the same name in {@code testClass}. */
  static Set<String> rulesWithoutATestIn(Class<?> testClass) {
    Set<String> missing = new TreeSet<>(StrataArchitecture.rules("dev.strata").all().keySet());
    Arrays.stream(testClass.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .map(Method::getName)
        .forEach(missing::remove);
    return missing;
  }
}
