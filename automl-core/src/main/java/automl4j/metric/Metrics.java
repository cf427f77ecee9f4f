package automl4j.metric;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.settings.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** The built-in metrics, defined as in the benchmark protocol ({@code ../shared/bench/PROTOCOL.md}, section 3). */
public final class Metrics {
    private static final double CLIP = 1e-15;

    private Metrics() {
    }

    /** ROC AUC of the second class (the larger label in code-point order) for binary tasks; ties count 1/2. */
    public static Metric rocAuc() {
        return new RocAuc();
    }

    /** Multiclass (or binary) log loss with probabilities clipped to [1e-15, 1]. */
    public static Metric logLoss() {
        return new LogLoss();
    }

    /** Fraction of rows whose most probable class is the true one. */
    public static Metric accuracy() {
        return new Accuracy();
    }

    /** Root mean squared error. */
    public static Metric rmse() {
        return new Rmse();
    }

    /** Coefficient of determination against the mean of the scored rows. */
    public static Metric r2() {
        return new R2();
    }

    /** F1 of the second class (the positive one, as for {@link #rocAuc()}) for binary tasks, at the most probable class. */
    public static Metric f1() {
        return new F1();
    }

    /** Unweighted mean of the per-class F1 over the classes true or predicted in some row. */
    public static Metric f1Macro() {
        return new F1Macro();
    }

    /** Mean of the per-class F1 weighted by each class's number of true rows. */
    public static Metric f1Weighted() {
        return new F1Weighted();
    }

    /** Average precision (area under the precision-recall curve, as a step function) of the second class; binary tasks. */
    public static Metric averagePrecision() {
        return new AveragePrecision();
    }

    /** Mean recall over the classes that are true in some row. */
    public static Metric balancedAccuracy() {
        return new BalancedAccuracy();
    }

    /** Matthews correlation coefficient (its multiclass form when there are more than two classes). */
    public static Metric mcc() {
        return new Mcc();
    }

    /**
     * ROC AUC of each class against the rest, averaged without weights over the classes that are true in some row and
     * false in another (scikit-learn's {@code roc_auc_score(multi_class='ovr', average='macro')}); any classification.
     */
    public static Metric aucOneVsRest() {
        return new AucOneVsRest();
    }

    /** Mean absolute error. */
    public static Metric mae() {
        return new Mae();
    }

    /**
     * Mean absolute percentage error, as a fraction (0.1 is 10 %); a true value of 0 divides by the machine epsilon,
     * as scikit-learn's {@code mean_absolute_percentage_error} does.
     */
    public static Metric mape() {
        return new Mape();
    }

    /**
     * Root mean squared logarithmic error: RMSE of {@code log(1 + y)}. True values must be at least 0; a prediction
     * below 0 is scored as 0.
     */
    public static Metric rmsle() {
        return new Rmsle();
    }

    /** Every built-in metric. */
    public static List<Metric> all() {
        return List.of(rocAuc(), logLoss(), accuracy(), rmse(), r2(), f1(), f1Macro(), f1Weighted(), averagePrecision(),
                balancedAccuracy(), mcc(), aucOneVsRest(), mae(), mape(), rmsle());
    }

    /** The default metric of a task, as the task names it: AUC (binary), log loss (multiclass), RMSE (regression). */
    public static Metric defaultFor(Task task) {
        return forName(task.defaultMetric());
    }

    /** The secondary metric the benchmark protocol reports, as the task names it: accuracy, or R² for regression. */
    public static Metric secondaryFor(Task task) {
        return forName(task.secondaryMetric());
    }

    /**
     * The metric called {@code name}.
     *
     * @throws ConfigException (key {@code metric}) listing the known names
     */
    public static Metric forName(String name) {
        for (Metric m : all()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new ConfigException(Setting.METRIC.key(), "metric '" + name + "' is unknown; known metrics are "
                + all().stream().map(Metric::name).toList());
    }

    static double auc(Labels truth, Predictions p) {
        OneVsRest split = OneVsRest.of(truth, p, 1);
        return Ranking.auc(split.positives(), split.negatives());
    }

    static double averagePrecision(Labels truth, Predictions p) {
        OneVsRest split = OneVsRest.of(truth, p, 1);
        return Ranking.averagePrecision(split.positives(), split.negatives());
    }

    static double aucOneVsRest(Labels truth, Predictions p) {
        checkSize(truth, p);
        double sum = 0;
        int classes = 0;
        for (int k = 0; k < p.classes().size(); k++) {
            OneVsRest split = OneVsRest.of(truth, p, k);
            double auc = Ranking.auc(split.positives(), split.negatives());
            if (!Double.isNaN(auc)) {
                sum += auc;
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** The normalized probability of class {@code k} in each row, split by whether {@code k} is the true class. */
    private record OneVsRest(double[] positives, double[] negatives) {
        static OneVsRest of(Labels truth, Predictions p, int k) {
            int n = checkSize(truth, p);
            int nPos = 0;
            for (int i = 0; i < n; i++) {
                if (truth.get(i) == k) {
                    nPos++;
                }
            }
            double[] pos = new double[nPos];
            double[] neg = new double[n - nPos];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                double[] row = p.probabilities(i);
                double sum = Arrays.stream(row).sum();
                double score = sum > 0 ? row[k] / sum : row[k];
                if (truth.get(i) == k) {
                    pos[a++] = score;
                } else {
                    neg[b++] = score;
                }
            }
            return new OneVsRest(pos, neg);
        }
    }

    static double logLoss(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] row = p.probabilities(i);
            double sum = Arrays.stream(row).sum();
            int k = (int) truth.get(i);
            double pk = k >= 0 && k < row.length ? (sum > 0 ? row[k] / sum : row[k]) : 0.0;
            total += -Math.log(Math.min(1.0, Math.max(CLIP, pk)));
        }
        return total / n;
    }

    static double accuracy(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (p.labelIndex(i) == (int) truth.get(i)) {
                hits++;
            }
        }
        return (double) hits / n;
    }

    static double rmse(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double d = truth.get(i) - p.value(i);
            sse += d * d;
        }
        return Math.sqrt(sse / n);
    }

    static double r2(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += truth.get(i);
        }
        mean /= n;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double d = truth.get(i) - p.value(i);
            double t = truth.get(i) - mean;
            sse += d * d;
            sst += t * t;
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    static double mae(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs(truth.get(i) - p.value(i));
        }
        return sum / n;
    }

    static double mape(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // As scikit-learn: a true value of 0 divides by the machine epsilon, so a miss there dominates the mean.
            sum += Math.abs(truth.get(i) - p.value(i)) / Math.max(Math.abs(truth.get(i)), Math.ulp(1.0));
        }
        return sum / n;
    }

    static double rmsle(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double y = truth.get(i);
            if (!(y >= 0)) {
                throw new DataException("rmsle needs true values >= 0, but row " + i + " is " + y
                        + "; use rmse or mae for targets that can be negative");
            }
            // A prediction below 0 has no logarithm of 1 + x to compare; it is scored as a prediction of 0.
            double d = Math.log1p(Math.max(0, p.value(i))) - Math.log1p(y);
            sse += d * d;
        }
        return Math.sqrt(sse / n);
    }

    private static int checkSize(Labels truth, Predictions p) {
        if (truth.size() != p.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " rows but predictions have " + p.size());
        }
        if (truth.size() == 0) {
            throw new IllegalArgumentException("cannot score zero rows");
        }
        return truth.size();
    }

    /**
     * Every metric listed in a {@code META-INF/services/automl4j.metric.Metric} file (the built-in ones, and a user's
     * own), sorted by id.
     *
     * @throws IllegalArgumentException if two metrics share an id
     */
    public static List<Metric> discovered() {
        List<Metric> found = new java.util.ArrayList<>();
        java.util.ServiceLoader.load(Metric.class).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Metric::id));
        java.util.Map<String, Metric> seen = new java.util.HashMap<>();
        for (Metric m : found) {
            Metric previous = seen.putIfAbsent(m.id(), m);
            if (previous != null) {
                throw new IllegalArgumentException("metric id '" + m.id() + "' is provided by both "
                        + previous.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return List.copyOf(found);
    }

    /** ROC AUC ({@link #rocAuc()}); public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class RocAuc extends Builtin {
        /** The metric. */
        public RocAuc() {
            super("auc", true, Metrics::binary, Metrics::auc);
        }
    }

    /** Log loss ({@link #logLoss()}); public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class LogLoss extends Builtin {
        /** The metric. */
        public LogLoss() {
            super("logloss", false, Classification.class::isInstance, Metrics::logLoss);
        }
    }

    /** Accuracy ({@link #accuracy()}); public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Accuracy extends Builtin {
        /** The metric. */
        public Accuracy() {
            super("accuracy", true, Classification.class::isInstance, Metrics::accuracy);
        }
    }

    /** RMSE ({@link #rmse()}); public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Rmse extends Builtin {
        /** The metric. */
        public Rmse() {
            super("rmse", false, Regression.class::isInstance, Metrics::rmse);
        }
    }

    /** R² ({@link #r2()}); public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class R2 extends Builtin {
        /** The metric. */
        public R2() {
            super("r2", true, Regression.class::isInstance, Metrics::r2);
        }
    }

    /** {@link #f1()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class F1 extends Builtin {
        /** The metric. */
        public F1() {
            super("f1", true, Metrics::binary, (t, p) -> Confusion.of(t, p).f1(1));
        }

        @Override
        public boolean usesDecisionThreshold() {
            return true;
        }
    }

    /** {@link #f1Macro()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class F1Macro extends Builtin {
        /** The metric. */
        public F1Macro() {
            super("f1_macro", true, Classification.class::isInstance, (t, p) -> Confusion.of(t, p).macroF1());
        }
    }

    /** {@link #f1Weighted()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class F1Weighted extends Builtin {
        /** The metric. */
        public F1Weighted() {
            super("f1_weighted", true, Classification.class::isInstance, (t, p) -> Confusion.of(t, p).weightedF1());
        }
    }

    /** {@link #averagePrecision()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class AveragePrecision extends Builtin {
        /** The metric. */
        public AveragePrecision() {
            super("average_precision", true, Metrics::binary, Metrics::averagePrecision);
        }
    }

    /** {@link #balancedAccuracy()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class BalancedAccuracy extends Builtin {
        /** The metric. */
        public BalancedAccuracy() {
            super("balanced_accuracy", true, Classification.class::isInstance, (t, p) -> Confusion.of(t, p).balancedAccuracy());
        }

        @Override
        public boolean usesDecisionThreshold() {
            return true;
        }
    }

    /** {@link #mcc()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Mcc extends Builtin {
        /** The metric. */
        public Mcc() {
            super("mcc", true, Classification.class::isInstance, (t, p) -> Confusion.of(t, p).mcc());
        }

        @Override
        public boolean usesDecisionThreshold() {
            return true;
        }
    }

    /** {@link #aucOneVsRest()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class AucOneVsRest extends Builtin {
        /** The metric. */
        public AucOneVsRest() {
            super("auc_ovr", true, Classification.class::isInstance, Metrics::aucOneVsRest);
        }
    }

    /** {@link #mae()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Mae extends Builtin {
        /** The metric. */
        public Mae() {
            super("mae", false, Regression.class::isInstance, Metrics::mae);
        }
    }

    /** {@link #mape()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Mape extends Builtin {
        /** The metric. */
        public Mape() {
            super("mape", false, Regression.class::isInstance, Metrics::mape);
        }
    }

    /** {@link #rmsle()}; public with a no-arg constructor so that worker processes can rebuild it by id. */
    public static final class Rmsle extends Builtin {
        /** The metric. */
        public Rmsle() {
            super("rmsle", false, Regression.class::isInstance, Metrics::rmsle);
        }
    }

    private static boolean binary(Task task) {
        return task instanceof Classification c && c.isBinary();
    }

    /** A built-in metric: a name, a direction, its tasks and a scoring function; equal when the names are. */
    private abstract static class Builtin implements Metric {
        private final String name;
        private final boolean higherIsBetter;
        private final Predicate<Task> tasks;
        private final BiFunction<Labels, Predictions, Double> fn;

        Builtin(String name, boolean higherIsBetter, Predicate<Task> tasks, BiFunction<Labels, Predictions, Double> fn) {
            this.name = name;
            this.higherIsBetter = higherIsBetter;
            this.tasks = tasks;
            this.fn = fn;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        @Override
        public boolean supports(Task task) {
            return tasks.test(task);
        }

        @Override
        public double score(Labels truth, Predictions predictions) {
            return fn.apply(truth, predictions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Builtin b && b.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
