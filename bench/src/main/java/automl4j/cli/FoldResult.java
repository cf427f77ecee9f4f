package automl4j.cli;

import automl4j.internal.CsvFields;
import java.util.List;
import java.util.Locale;

/**
 * One row of the benchmark protocol's results CSV ({@code ../shared/bench/PROTOCOL.md}, section 5).
 */
record FoldResult(String framework, String dataset, String task, int fold, String metric, Double score,
                  String secondaryMetric, Double secondaryScore, Double fitSeconds, Double predictSeconds, int nTrials,
                  double budgetSeconds, int cores, String status, String error, Double processSeconds) {

    static final String HEADER = "framework,dataset,task,fold,metric,score,secondary_metric,secondary_score,fit_seconds,"
            + "predict_seconds,n_trials,budget_seconds,cores,status,error,process_seconds";

    static FoldResult failed(String framework, String dataset, String task, int fold, String metric, String secondary,
                             double budget, int cores, String error) {
        return new FoldResult(framework, dataset, task, fold, metric, null, secondary, null, null, null, 0, budget, cores,
                "failed", error == null ? "unknown error" : error.replace('\n', ' ').replace('\r', ' '), null);
    }

    /** This row with the fold process's wall time, from its start to its exit as the parent saw it. */
    FoldResult withProcessSeconds(double seconds) {
        return new FoldResult(framework, dataset, task, fold, metric, score, secondaryMetric, secondaryScore, fitSeconds,
                predictSeconds, nTrials, budgetSeconds, cores, status, error, seconds);
    }

    String toCsv() {
        return String.join(",", List.of(CsvFields.quote(framework), CsvFields.quote(dataset), task, Integer.toString(fold), metric, num(score),
                secondaryMetric, num(secondaryScore), num(fitSeconds), num(predictSeconds), Integer.toString(nTrials),
                trim(budgetSeconds), Integer.toString(cores), status, CsvFields.quote(error), num(processSeconds)));
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.10g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
