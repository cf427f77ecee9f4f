package automl4j.leaderboard;

import automl4j.execute.TrialOutcome;
import automl4j.internal.CsvFields;
import automl4j.metric.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The trials of a run, ranked: completed trials by validation score in the metric's direction (ties by trial id),
 * then the others by trial id. Immutable.
 */
public final class Leaderboard {
    private final Metric metric;
    private final List<TrialResult> rows;
    private final java.util.Map<Integer, Double> testScores;

    /** A leaderboard of {@code results} ranked under {@code metric}. */
    public Leaderboard(Metric metric, List<TrialResult> results) {
        this(metric, results, java.util.Map.of());
    }

    /**
     * A leaderboard of {@code results} ranked under {@code metric} (by validation score, as always), with the scores on a
     * test set of the trials that were scored on one, by trial id.
     */
    public Leaderboard(Metric metric, List<TrialResult> results, java.util.Map<Integer, Double> testScores) {
        this.testScores = java.util.Map.copyOf(testScores);
        this.metric = Objects.requireNonNull(metric, "metric");
        List<TrialResult> sorted = new ArrayList<>(results);
        Comparator<TrialResult> byScore = Comparator.comparingDouble(r -> metric.loss(r.completed().score()));
        sorted.sort((a, b) -> {
            boolean ca = a.completed() != null && !Double.isNaN(a.completed().score());
            boolean cb = b.completed() != null && !Double.isNaN(b.completed().score());
            if (ca != cb) {
                return ca ? -1 : 1;
            }
            int c = ca ? byScore.compare(a, b) : 0;
            return c != 0 ? c : Integer.compare(a.trial().id(), b.trial().id());
        });
        this.rows = List.copyOf(sorted);
    }

    /** The metric the ranking uses. */
    public Metric metric() {
        return metric;
    }

    /** This leaderboard with {@code scores} (trial id to score on a test set) added to its test scores. */
    public Leaderboard withTestScores(java.util.Map<Integer, Double> scores) {
        java.util.Map<Integer, Double> all = new java.util.TreeMap<>(testScores);
        all.putAll(scores);
        return new Leaderboard(metric, rows, all);
    }

    /** Whether any trial was scored on a test set. */
    public boolean hasTestScores() {
        return !testScores.isEmpty();
    }

    /** The trial's score on the test set, if it was scored on one. */
    public java.util.OptionalDouble testScore(int trialId) {
        Double v = testScores.get(trialId);
        return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
    }

    /** All rows, best first. */
    public List<TrialResult> rows() {
        return rows;
    }

    /** The first {@code n} rows. */
    public List<TrialResult> top(int n) {
        return rows.subList(0, Math.min(n, rows.size()));
    }

    /** The best completed trial, if any. */
    public Optional<TrialResult> best() {
        return rows.isEmpty() || rows.get(0).completed() == null ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Number of completed trials. */
    public int completedCount() {
        return (int) rows.stream().filter(r -> r.completed() != null).count();
    }

    /**
     * CSV with a header: rank, trial, learner, status, metric, score, score_std, fit_seconds, predict_us_per_row, device,
     * config, error, and {@code test_score} last when some trial was scored on a test set (empty for the others).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("rank,trial,learner,status,metric,score,score_std,fit_seconds,predict_us_per_row,device,config,error"
                + (hasTestScores() ? ",test_score" : "") + "\n");
        int rank = 0;
        for (TrialResult r : rows) {
            TrialOutcome.Completed c = r.completed();
            sb.append(c != null ? Integer.toString(++rank) : "").append(',')
                    .append(r.trial().id()).append(',')
                    .append(r.trial().config().learner()).append(',')
                    .append(r.outcome().status()).append(',')
                    .append(metric.name()).append(',')
                    .append(c != null ? num(c.score()) : "").append(',')
                    .append(c != null ? num(c.scoreStd()) : "").append(',')
                    .append(c != null ? num(c.fitSeconds()) : "").append(',')
                    .append(c != null ? num(c.predictMicrosPerRow()) : "").append(',')
                    .append(c != null ? c.device() : "").append(',')
                    .append(CsvFields.quote(r.trial().config().values().toString())).append(',')
                    .append(CsvFields.quote(detail(r.outcome())));
            if (hasTestScores()) {
                sb.append(',').append(testScores.containsKey(r.trial().id()) ? num(testScores.get(r.trial().id())) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A fixed-width table of the first {@code n} rows, for terminals. */
    public String format(int n) {
        StringBuilder sb = new StringBuilder();
        boolean test = hasTestScores();
        sb.append(String.format(Locale.ROOT, "%4s %5s  %-22s %-9s %10s %9s %8s %10s  %s%s%n",
                "rank", "trial", "learner", "status", metric.name(), "std", "fit_s", "pred_us/r",
                test ? String.format(Locale.ROOT, "%10s  ", "test") : "", "config"));
        int rank = 0;
        for (TrialResult r : top(n)) {
            TrialOutcome.Completed c = r.completed();
            String rankText = c != null ? Integer.toString(++rank) : "-";
            String detail = c != null ? r.trial().config().valuesText() : detail(r.outcome());
            Double t = testScores.get(r.trial().id());
            sb.append(String.format(Locale.ROOT, "%4s %5d  %-22s %-9s %10s %9s %8s %10s  %s%s%n",
                    rankText, r.trial().id(), r.trial().config().learner(), r.outcome().status(),
                    c != null ? String.format(Locale.ROOT, "%.5f", c.score()) : "",
                    c != null ? String.format(Locale.ROOT, "%.4f", c.scoreStd()) : "",
                    c != null ? String.format(Locale.ROOT, "%.2f", c.fitSeconds()) : "",
                    c != null ? String.format(Locale.ROOT, "%.2f", c.predictMicrosPerRow()) : "",
                    test ? String.format(Locale.ROOT, "%10s  ", t == null ? "" : String.format(Locale.ROOT, "%.5f", t)) : "",
                    detail));
        }
        if (rows.size() > n) {
            sb.append("... ").append(rows.size() - n).append(" more rows").append(System.lineSeparator());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format(Integer.MAX_VALUE);
    }

    /** What went wrong with a trial that did not complete, on one line; empty for a completed one. */
    public static String detail(TrialOutcome o) {
        if (o instanceof TrialOutcome.Failed f) {
            return f.message();
        }
        if (o instanceof TrialOutcome.OutOfMemory m) {
            return m.message();
        }
        if (o instanceof TrialOutcome.Crashed c) {
            return c.message();
        }
        if (o instanceof TrialOutcome.Pruned p && p.atRowRung()) {
            return String.format(Locale.ROOT, "pruned at a sample of %d training rows (row rung %d) at %.5f", p.rows(),
                    p.rungScores().size(), p.partialScore());
        }
        if (o instanceof TrialOutcome.Pruned p) {
            return String.format(Locale.ROOT, "pruned after %d validation splits at %.5f", p.splits(), p.partialScore());
        }
        if (o instanceof TrialOutcome.TimedOut t) {
            return String.format(Locale.ROOT, "timed out after %.1f s", t.seconds());
        }
        if (o instanceof TrialOutcome.Cancelled) {
            return "cancelled: budget reached";
        }
        return "";
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
