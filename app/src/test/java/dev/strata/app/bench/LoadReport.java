package dev.strata.app.bench;

import static dev.strata.app.bench.LoadBenchmark.median;

import dev.strata.app.bench.LoadGenerator.Result;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark's figures, the ratios against moto_server and the constant response, and a
 * verdict on each of issue 14's goals, as one text table.
 *
 * @param strataResident Strata's resident MiB after each round's GET phase (the first before any
 *     Create phase)
 * @param motoResident moto_server's resident MiB after each round's GET phase
 */
record LoadReport(
    Map<String, List<Result>> results,
    List<Double> strataStartup,
    List<Double> motoStartup,
    List<Double> strataResident,
    List<Double> motoResident,
    String strataCommand,
    String motoVersion,
    List<String> loadAverages) {

  static final double STARTUP_SHARE_GOAL = 0.25;
  static final double RESIDENT_SHARE_GOAL = 1.0;
  static final double MOTO_RATIO_GOAL = 100.0;
  static final double GET_SHARE_GOAL = 0.9;
  static final double CREATE_SHARE_GOAL = 0.5;

  double rps(String label) {
    return median(results.get(label).stream().map(Result::rps).toList());
  }

  double startupShare() {
    return median(strataStartup) / median(motoStartup);
  }

  /**
   * Strata's resident size over moto's after the first GET phase: later rounds follow Create
   * phases, after which Strata holds every provisioned throughput they created.
   */
  double residentShare() {
    return strataResident.get(0) / motoResident.get(0);
  }

  double getVsMoto() {
    return rps("get") / rps("moto");
  }

  double getVsConstant() {
    return rps("get") / rps("constant");
  }

  double createVsConstant() {
    return rps("create") / rps("constant");
  }

  boolean met() {
    return startupShare() <= STARTUP_SHARE_GOAL
        && residentShare() <= RESIDENT_SHARE_GOAL
        && getVsMoto() >= MOTO_RATIO_GOAL
        && getVsConstant() >= GET_SHARE_GOAL
        && createVsConstant() >= CREATE_SHARE_GOAL;
  }

  String render() {
    StringBuilder t = new StringBuilder();
    Result any = results.get("get").get(0);
    t.append("Strata HTTP load benchmark\n");
    t.append(
        String.format(
            Locale.ROOT,
            "closed loop on 127.0.0.1, %d keep-alive connections, %.0f s measured per phase"
                + " after warm-up, %d round(s), medians compared%n",
            any.connections(), any.seconds(), results.get("get").size()));
    t.append(
        String.format(
            Locale.ROOT,
            "machine: %d processors, Java %s, %s%nStrata: %s%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            motoVersion,
            strataCommand));
    t.append("load average (1/5/15 min): ").append(String.join("; ", loadAverages)).append("\n\n");

    t.append("| throughput (requests/s) | ");
    for (int i = 1; i <= results.get("get").size(); i++) {
      t.append("round ").append(i).append(" | ");
    }
    t.append("median | errors | reconnects |\n");
    row(t, "Strata GetProvisionedModelThroughput", "get");
    row(t, "Strata CreateProvisionedModelThroughput", "create");
    row(t, "constant response, same HTTP stack and JVM flags", "constant");
    row(t, "moto GET /custom-models/{name}", "moto");

    t.append("\n| start to first 200 (ms) | runs | median |\n");
    t.append("| Strata GET /provisioned-model-throughputs | ").append(list(strataStartup))
        .append(" | ").append(fmt(median(strataStartup))).append(" |\n");
    t.append("| moto_server GET /custom-models | ").append(list(motoStartup))
        .append(" | ").append(fmt(median(motoStartup))).append(" |\n");

    t.append("\n| resident set after each round's GET phase (MiB) | rounds |\n");
    t.append("| Strata | ").append(list(strataResident)).append(" |\n");
    t.append("| moto_server | ").append(list(motoResident)).append(" |\n");

    t.append("\n| goal (issue 14) | figure | goal | verdict |\n");
    verdict(t, "start to first 200, Strata / moto", ratio(startupShare()), "<= 0.25",
        startupShare() <= STARTUP_SHARE_GOAL);
    verdict(t, "resident set after the first GET phase, Strata / moto", ratio(residentShare()), "<= 1.0",
        residentShare() <= RESIDENT_SHARE_GOAL);
    verdict(t, "warm GET, Strata / moto", times(getVsMoto()), ">= 100x", getVsMoto() >= MOTO_RATIO_GOAL);
    verdict(t, "Get / constant response", ratio(getVsConstant()), ">= 0.9",
        getVsConstant() >= GET_SHARE_GOAL);
    verdict(t, "Create / constant response", ratio(createVsConstant()), ">= 0.5",
        createVsConstant() >= CREATE_SHARE_GOAL);
    t.append(String.format(
        Locale.ROOT, "| Create / moto GET (for information) | %s | - | - |%n",
        times(rps("create") / rps("moto"))));
    t.append("\nall goals met: ").append(met() ? "yes" : "NO").append('\n');
    return t.toString();
  }

  private void row(StringBuilder t, String name, String label) {
    List<Result> rs = results.get(label);
    t.append("| ").append(name).append(" | ");
    long errors = 0;
    long reconnects = 0;
    for (Result r : rs) {
      t.append(fmt(r.rps())).append(" | ");
      errors += r.errors();
      reconnects += r.reconnects();
    }
    t.append(fmt(rps(label))).append(" | ").append(errors).append(" | ").append(reconnects)
        .append(" |\n");
  }

  private static void verdict(StringBuilder t, String name, String figure, String goal, boolean ok) {
    t.append("| ").append(name).append(" | ").append(figure).append(" | ").append(goal)
        .append(" | ").append(ok ? "met" : "MISSED").append(" |\n");
  }

  private static String list(List<Double> values) {
    return String.join(", ", values.stream().map(LoadReport::fmt).toList());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String times(double v) {
    return String.format(Locale.ROOT, "%.1fx", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
