package automl4j.learners.xgboost;

import automl4j.data.Target;
import automl4j.data.TaskType;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Tiny real XGBoost models of every task, trained once per test JVM, and their predictions as flat lists. */
final class XgbModels {
    private static final Map<TaskType, XgboostModel> MODELS = new EnumMap<>(TaskType.class);

    private XgbModels() {
    }

    /** Four features with signal in the first two. */
    static TrainingSet data(TaskType task, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * 4];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 4; c++) {
                x[i * 4 + c] = (float) r.nextGaussian();
            }
            double s = x[i * 4] + 0.5 * x[i * 4 + 1];
            y[i] = task == TaskType.BINARY ? (s > 0 ? 1 : 0)
                    : task == TaskType.MULTICLASS ? (s < -0.5 ? 0 : s < 0.5 ? 1 : 2) : 3 * s + 10;
        }
        List<String> classes = task == TaskType.BINARY ? List.of("neg", "pos")
                : task == TaskType.MULTICLASS ? List.of("high", "low", "mid") : List.of();
        return new TrainingSet(FeatureMatrix.of(x, rows, List.of("a", "b", "c", "d")), Labels.of(y),
                new Target("y", task, classes));
    }

    /** A model of {@code task} with 3 rounds of depth-3 trees. */
    static synchronized XgboostModel model(TaskType task) {
        return MODELS.computeIfAbsent(task, t -> {
            XgboostLearner learner = new XgboostLearner();
            Map<String, Object> v = new TreeMap<>(learner.defaultConfig(t).values());
            v.put("n_estimators", 3);
            v.put("max_depth", 3);
            return (XgboostModel) learner.fit(data(t, 80, 1), Config.of("xgboost", v), FitContext.of(1, 1));
        });
    }

    /** The exported UBJ payload of {@link #model}. */
    static byte[] payload(TaskType task) {
        return model(task).export().payload();
    }

    /** Every probability or value, row by row. */
    static List<Double> flat(Predictions p) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.task().isClassification()) {
                for (double v : p.probabilities(i)) {
                    out.add(v);
                }
            } else {
                out.add(p.value(i));
            }
        }
        return out;
    }
}
