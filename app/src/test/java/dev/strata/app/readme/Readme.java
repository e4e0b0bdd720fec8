package dev.strata.app.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's README.md as its fenced code blocks. A block right after a {@code <!--
 * walkthrough -->} line is a step of the walkthrough: it runs against one server, in README order,
 * and prints the lines its {@code # prints:} (shell, Python) or {@code // prints:} (Java) comments
 * give, in order, where {@code ...} stands for any text.
 */
final class Readme {
  static final String MARK = "<!-- walkthrough -->";

  /**
   * A block right after {@code <!-- compiled by PATH -->} is compiled and run by the test at PATH
   * (a module this one cannot see, e.g. app/testcontainers), not here.
   */
  private static final Pattern ELSEWHERE = Pattern.compile("^<!-- compiled by (\\S+) -->$");

  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

  /**
   * One fenced block: its language, where it starts, its text, whether it is a step, and the test
   * that compiles it when that is not the walkthrough (empty otherwise).
   */
  record Block(String language, int line, String text, boolean step, String compiledBy) {
    /** The output lines the block declares, in order. */
    List<String> prints() {
      String comment = language.equals("java") ? "//" : "#";
      Pattern declared = Pattern.compile("^\\s*" + Pattern.quote(comment) + " prints: ?(.*)$");
      List<String> prints = new ArrayList<>();
      for (String l : text.split("\n")) {
        Matcher m = declared.matcher(l);
        if (m.matches()) {
          prints.add(m.group(1));
        }
      }
      return prints;
    }

    /** Whether {@code output}, line by line, is what {@link #prints()} declares. */
    boolean printed(String output) {
      List<String> actual = output.lines().map(Readme::squeezed).filter(l -> !l.isEmpty()).toList();
      List<String> expected = prints();
      if (actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!pattern(expected.get(i)).matcher(actual.get(i)).matches()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return language + " block at README.md line " + line;
    }
  }

  private Readme() {}

  /** README.md at the root of the repository this test runs in. */
  static Path file() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("app"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
  }

  static List<Block> blocks() throws IOException {
    List<String> lines = Files.readAllLines(file());
    List<Block> blocks = new ArrayList<>();
    String previous = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i).strip());
      if (!open.matches() || open.group(1).isEmpty()) {
        if (!lines.get(i).isBlank()) {
          previous = lines.get(i).strip();
        }
        continue;
      }
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      Matcher elsewhere = ELSEWHERE.matcher(previous);
      blocks.add(
          new Block(
              open.group(1),
              start,
              text.toString(),
              previous.equals(MARK),
              elsewhere.matches() ? elsewhere.group(1) : ""));
      previous = "```";
    }
    return blocks;
  }

  private static String squeezed(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  private static Pattern pattern(String declared) {
    String[] parts = squeezed(declared).split(Pattern.quote("..."), -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
