package dev.strata.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import dev.strata.archfixtures.CompiledFixtures;
import io.vavr.control.Either;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The deliberate-violation fixtures under {@code dev.strata.archfixtures.<case>}: each case's
 * classes, from the test classes plus those of {@link CompiledFixtures} compiled at test time, and
 * the root to build that case's rules from.
 */
final class Fixtures {
  static final String BASE = "dev.strata.archfixtures";

  private final Path compiled;

  private Fixtures(Path compiled) {
    this.compiled = compiled;
  }

  /** Compiles {@link CompiledFixtures} into {@code dir}; the other fixtures are test classes. */
  static Fixtures compileInto(Path dir) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the fixtures need a JDK, not a JRE, to run the tests");
    }
    List<JavaFileObject> sources =
        CompiledFixtures.sources().entrySet().stream()
            .map(e -> (JavaFileObject) new Source(e.getKey(), e.getValue()))
            .collect(Collectors.toList());
    String classPath =
        String.join(File.pathSeparator, classPathOf(CompiledFixtures.class), classPathOf(Either.class));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok =
        javac
            .getTask(
                null,
                null,
                diagnostics,
                List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", dir.toString()),
                null,
                sources)
            .call();
    if (!ok) {
      throw new IllegalStateException(
          "the compiled fixtures do not compile:\n"
              + diagnostics.getDiagnostics().stream()
                  .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                  .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                  .collect(Collectors.joining("\n")));
    }
    return new Fixtures(dir);
  }

  /** The root package of fixture {@code name}, to build its rules from. */
  static String root(String name) {
    return BASE + "." + name;
  }

  /** Every class of fixture {@code name}, whether a test class or compiled at test time. */
  JavaClasses classes(String name) {
    Set<Location> locations = new HashSet<>(Locations.ofPackage(root(name)));
    Path generated = compiled.resolve(root(name).replace('.', File.separatorChar));
    if (Files.isDirectory(generated)) {
      locations.add(Location.of(generated));
    }
    JavaClasses classes = new ClassFileImporter().importLocations(locations);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("no fixture classes under " + root(name));
    }
    return classes;
  }

  private static String classPathOf(Class<?> c) {
    try {
      URI location = c.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Path.of(location).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String binaryName, String code) {
      super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
