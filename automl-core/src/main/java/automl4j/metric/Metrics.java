package automl4j.metric;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
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

    /** Every built-in metric. */
    public static List<Metric> all() {
        return List.of(rocAuc(), logLoss(), accuracy(), rmse(), r2());
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
     * @throws IllegalArgumentException listing the known names
     */
    public static Metric forName(String name) {
        for (Metric m : all()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric '" + name + "' is unknown; known metrics are "
                + all().stream().map(Metric::name).toList());
    }

    static double auc(Labels truth, Predictions p) {
        int n = checkSize(truth, p);
        int nPos = 0;
        for (int i = 0; i < n; i++) {
            if (truth.get(i) == 1.0) {
                nPos++;
            }
        }
        int nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        double[] pos = new double[nPos];
        double[] neg = new double[nNeg];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            double[] row = p.probabilities(i);
            double sum = Arrays.stream(row).sum();
            double score = sum > 0 ? row[1] / sum : row[1];
            if (truth.get(i) == 1.0) {
                pos[a++] = score;
            } else {
                neg[b++] = score;
            }
        }
        // Primitive sorts (a boxed index sort is slow at a million rows) and the Mann-Whitney count: each positive
        // wins over the negatives scored below it and half-wins over those tied with it. Counts are long: nPos * nNeg
        // passes the int range at 46,341 rows of each class.
        Arrays.sort(pos);
        Arrays.sort(neg);
        long below = 0;
        long tied = 0;
        double wins = 0;
        int j = 0;
        for (int i = 0; i < nPos; i++) {
            if (i > 0 && Double.compare(pos[i], pos[i - 1]) == 0) {
                wins += below + tied / 2.0;
                continue;
            }
            while (j < nNeg && Double.compare(neg[j], pos[i]) < 0) {
                j++;
            }
            below = j;
            int k = j;
            while (k < nNeg && Double.compare(neg[k], pos[i]) == 0) {
                k++;
            }
            tied = k - j;
            wins += below + tied / 2.0;
        }
        return wins / ((double) nPos * nNeg);
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
