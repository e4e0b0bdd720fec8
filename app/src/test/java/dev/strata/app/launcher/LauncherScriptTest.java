package dev.strata.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher script {@code src/launcher/strata} run by {@code sh}, as a user runs it, against a
 * stand-in JDK whose {@code bin/java} prints the arguments it was given, one per line.
 */
class LauncherScriptTest {
  private static final String TRIM = "-XX:TrimNativeHeapInterval=1000";

  @TempDir Path directory;

  @ParameterizedTest(name = "JDK {0}: trims the C heap = {1}")
  @CsvSource({
    "17.0.8, false",
    "17.0.9, true",
    "17.0.15, true",
    "18.0.2, false",
    "21, false",
    "21.0.1, true",
    "22, true",
    "25.0.1, true",
    "1.8.0_392, false"
  })
  void trims_the_c_heap_only_on_the_jdks_that_have_the_flag(String version, boolean trims)
      throws Exception {
    Path jdk = jdk("JAVA_VERSION=\"" + version + "\"");

    List<String> arguments = launch(Map.of("JAVA_HOME", jdk.toString()), false, "serve");

    assertEquals(trims, arguments.contains(TRIM), arguments.toString());
  }

  @Test
  void a_jdk_without_a_release_file_runs_without_the_trim() throws Exception {
    Path jdk = jdk(null);

    List<String> arguments = launch(Map.of("JAVA_HOME", jdk.toString()), false, "serve");

    assertFalse(arguments.contains(TRIM), arguments.toString());
    assertEquals("serve", arguments.get(arguments.size() - 1));
  }

  @Test
  void java_found_on_the_path_through_a_link_is_judged_by_its_own_jdk() throws Exception {
    Path jdk = jdk("JAVA_VERSION=\"17.0.15\"");
    Path bin = Files.createDirectories(directory.resolve("path-bin"));
    Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));

    List<String> arguments =
        launch(Map.of("PATH", bin + ":/usr/bin:/bin"), false, "serve", "--port", "0");

    assertTrue(arguments.contains(TRIM), arguments.toString());
    assertEquals(List.of("serve", "--port", "0"), arguments.subList(arguments.size() - 3, arguments.size()));
  }

  @Test
  void the_archive_beside_the_jar_is_named_and_the_jar_is_run_from_the_launchers_directory()
      throws Exception {
    Path jdk = jdk("JAVA_VERSION=\"17.0.15\"");

    List<String> arguments = launch(Map.of("JAVA_HOME", jdk.toString()), true, "--version");

    Path home = directory.resolve("install").toRealPath();
    assertTrue(arguments.contains("-XX:SharedArchiveFile=" + home.resolve("strata.jsa")), arguments.toString());
    int jar = arguments.indexOf("-jar");
    assertEquals(home.resolve("strata.jar").toString(), arguments.get(jar + 1));
  }

  @Test
  void java_opts_then_strata_java_opts_come_after_the_launchers_flags_and_before_the_jar()
      throws Exception {
    Path jdk = jdk("JAVA_VERSION=\"17.0.15\"");
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", jdk.toString());
    environment.put("JAVA_OPTS", "-Xmx64m");
    environment.put("STRATA_JAVA_OPTS", "-Xmx128m -XX:TieredStopAtLevel=1");

    List<String> arguments = launch(environment, false, "serve");

    int own = arguments.indexOf("-Xmx1g");
    int javaOpts = arguments.indexOf("-Xmx64m");
    int strataOpts = arguments.indexOf("-Xmx128m");
    int jar = arguments.indexOf("-jar");
    assertTrue(own < javaOpts && javaOpts < strataOpts && strataOpts < jar, arguments.toString());
    assertEquals("-XX:TieredStopAtLevel=1", arguments.get(strataOpts + 1));
  }

  /** A stand-in JDK: {@code release} holding {@code releaseLine} (none if null), a printing java. */
  private Path jdk(String releaseLine) throws IOException {
    Path jdk = Files.createDirectories(directory.resolve("jdk"));
    Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (releaseLine != null) {
      Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + releaseLine + "\nOS_NAME=\"Linux\"\n");
    }
    return jdk;
  }

  /** Runs the launcher, installed beside a jar (and an archive), and returns java's arguments. */
  private List<String> launch(Map<String, String> environment, boolean archive, String... args)
      throws Exception {
    Path home = Files.createDirectories(directory.resolve("install"));
    Path launcher = home.resolve("strata");
    Files.copy(Path.of("src/launcher/strata"), launcher, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(home.resolve("strata.jar"), new byte[0]);
    if (archive) {
      Files.write(home.resolve("strata.jsa"), new byte[0]);
    }
    ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString());
    builder.command().addAll(List.of(args));
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("STRATA_JAVA_OPTS");
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
    assertEquals(0, process.exitValue(), output);
    return output.lines().toList();
  }
}
