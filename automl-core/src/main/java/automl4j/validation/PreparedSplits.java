package automl4j.validation;

import automl4j.data.Target;
import automl4j.data.ValidationPlan;
import automl4j.execute.PreparedSplit;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * The validation splits featurized once per featurization choice (such as one-hot or target-encoded categories), each
 * split's featurizer fitted on its training part only. A choice is featurized when a trial first asks for it and
 * shared by every later trial with the same choice. Thread-safe.
 */
public final class PreparedSplits {
    private final Featurizer featurizer;
    private final Table table;
    private final int[] tableRows;
    private final double[] y;
    private final Target target;
    private final ValidationPlan plan;
    private final Map<Map<String, Object>, List<PreparedSplit>> byChoice = new HashMap<>();

    public PreparedSplits(Featurizer featurizer, Table table, int[] tableRows, double[] y, Target target, ValidationPlan plan) {
        this.featurizer = featurizer;
        this.table = table;
        this.tableRows = tableRows;
        this.y = y;
        this.target = target;
        this.plan = plan;
    }

    /** The splits featurized with {@code choices} (an empty map for the featurizer as configured). */
    public synchronized List<PreparedSplit> get(Map<String, Object> choices) {
        Map<String, Object> key = new TreeMap<>(choices);
        List<PreparedSplit> splits = byChoice.get(key);
        if (splits == null) {
            splits = prepare(featurizer.configured(key));
            byChoice.put(key, splits);
        }
        return splits;
    }

    private List<PreparedSplit> prepare(Featurizer f) {
        List<PreparedSplit> splits = new ArrayList<>();
        for (ValidationPlan.Split split : plan.splits()) {
            int[] train = pick(tableRows, split.train());
            int[] valid = pick(tableRows, split.valid());
            double[] yTrain = pick(y, split.train());
            FittedTransform t = f.fit(table, train, target, yTrain);
            FeatureMatrix xTrain = t.transformTraining(table, train);
            FeatureMatrix xValid = t.transform(table, valid);
            splits.add(new PreparedSplit(new TrainingSet(xTrain, Labels.of(yTrain), target), xValid, Labels.of(pick(y, split.valid()))));
        }
        return List.copyOf(splits);
    }

    /** Rows (of the whole training table) that each split's training part holds, on average. */
    public double trainRowsPerSplit() {
        double sum = 0;
        for (ValidationPlan.Split s : plan.splits()) {
            sum += s.train().length;
        }
        return sum / plan.splits().size();
    }

    public static int[] pick(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }

    public static double[] pick(double[] values, int[] positions) {
        double[] out = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }
}
