package automl4j.forecast.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The summary table of a run: per collection (and per competition, {@code m3-all} and {@code tourism-all}, over the
 * collections run) and framework, the mean sMAPE and MASE, the relative MASE against the seasonal naive forecast and
 * the time per series, beside the R baselines' means for the same method over the same series.
 */
final class Summary {
    private Summary() {
    }

    /** The groups to report: each collection, then each competition with two or more collections run. */
    static Map<String, List<String>> groups(List<String> collections) {
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (String c : collections) {
            g.put(c, List.of(c));
        }
        for (String prefix : List.of("m3", "tourism")) {
            List<String> members = new ArrayList<>();
            collections.stream().filter(c -> c.startsWith(prefix + "-")).forEach(members::add);
            if (members.size() > 1) {
                g.put(prefix + "-all", members);
            }
        }
        return g;
    }

    /**
     * Prints the table.
     *
     * @param rName the R baseline's name for each framework (R's {@code comb} only when the members are the same),
     *              or null where R has none
     */
    static void print(PrintStream out, List<String> collections, List<String> frameworks, String prefix,
                      List<SeriesOutcome> outcomes, BaselineMeans baselines, UnaryOperator<String> rName) {
        out.println("| collection | framework | series | failed | sMAPE | MASE | rel. MASE | ms/series | cpu ms/series"
                + " | R sMAPE | R MASE | R rel. MASE | R cpu ms/series |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<String>> g : groups(collections).entrySet()) {
            BaselineMeans.Sums snaive = baselines.get(g.getValue(), "snaive");
            for (String fw : frameworks) {
                int n = 0;
                int failed = 0;
                double smape = 0;
                double mase = 0;
                double secs = 0;
                double cpu = 0;
                for (SeriesOutcome o : outcomes) {
                    if (o.framework.equals(prefix + fw) && g.getValue().contains(o.collection)) {
                        n++;
                        failed += o.ok() ? 0 : 1;
                        smape += o.smape;
                        mase += o.mase;
                        secs += o.fitSeconds;
                        cpu += o.cpuSeconds;
                    }
                }
                if (n == 0) {
                    continue;
                }
                BaselineMeans.Sums r = rName.apply(fw) == null ? null : baselines.get(g.getValue(), rName.apply(fw));
                boolean same = r != null && r.n == n;
                out.println(String.format(Locale.ROOT,
                        "| %s | %s | %d | %d | %.2f | %.3f | %s | %.2f | %.2f | %s | %s | %s | %s |",
                        g.getKey(), prefix + fw, n, failed, smape / n, mase / n,
                        snaive == null || snaive.n != n ? "" : String.format(Locale.ROOT, "%.3f",
                                (mase / n) / (snaive.mase / snaive.n)),
                        1000 * secs / n, 1000 * cpu / n,
                        same ? String.format(Locale.ROOT, "%.2f", r.smape / r.n) : "—",
                        same ? String.format(Locale.ROOT, "%.3f", r.mase / r.n) : "—",
                        same && snaive != null ? String.format(Locale.ROOT, "%.3f", r.mase / snaive.mase) : "—",
                        same ? String.format(Locale.ROOT, "%.1f", 1000 * r.cpuSeconds / r.n) : "—"));
            }
        }
    }
}
