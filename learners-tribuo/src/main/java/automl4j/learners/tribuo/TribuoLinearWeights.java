package automl4j.learners.tribuo;

import automl4j.data.Classification;
import automl4j.data.Target;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.regression.liblinear.LibLinearRegressionModel;

/**
 * The weights of a Tribuo linear model in a space where its output is linear in the features, by column: a weight per
 * column and a bias for each output. Read from the model where that space exists:
 * <ul>
 *   <li>{@code tribuo-linear-sgd} classification (softmax over one score per class): two classes give the log-odds of
 *       the second, {@code z_1 - z_0} ({@code log-odds}); more give every class's score ({@code margin});</li>
 *   <li>{@code tribuo-liblinear} binary logistic regression: the log-odds of the second class ({@code log-odds});</li>
 *   <li>regression by either (least squares, support vector regression): the standardized value ({@code value}).</li>
 * </ul>
 * LIBLINEAR's multiclass logistic regression is one-vs-rest, its probabilities {@code sigmoid(z_k)} normalized to sum
 * to 1: no space is both linear in the features and turned into those probabilities by a softmax or a sigmoid, so
 * it has no exact linear SHAP values (and is explained by sampling).
 */
final class TribuoLinearWeights {
    private final double[][] weight;
    private final double[] bias;
    private final String space;
    private final List<String> outputs;

    private TribuoLinearWeights(double[][] weight, double[] bias, String space, List<String> outputs) {
        this.weight = weight;
        this.bias = bias;
        this.space = space;
        this.outputs = outputs;
    }

    /** Weight of {@code column} for {@code output}; 0 for a column the model never saw. */
    double weight(int output, int column) {
        return column < weight[output].length ? weight[output][column] : 0;
    }

    /** Columns that have a weight: one past the last column the model reads. */
    int columns() {
        return weight[0].length;
    }

    double bias(int output) {
        return bias[output];
    }

    /** {@code log-odds}, {@code margin} or {@code value}. */
    String space() {
        return space;
    }

    /** Names of the outputs: the second class, every class, or {@code value}. */
    List<String> outputs() {
        return outputs;
    }

    /** The weights of {@code model}, or null if it is not a linear model of a kind listed above. */
    static TribuoLinearWeights of(Model<?> model, Target target) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int f = features.size();
        if (!(target.task() instanceof Classification)) {
            double[][] rows = null;
            if (model instanceof org.tribuo.regression.sgd.linear.LinearSGDModel sgd) {
                rows = rows(sgd.getWeightsCopy());
            } else if (model instanceof LibLinearRegressionModel l && l.getInnerModels().size() == 1) {
                rows = liblinear(l.getInnerModels().get(0), f, 1);
            }
            return rows != null && rows.length == 1 ? of(rows, features, "value", List.of("value")) : null;
        }
        int k = target.numClasses();
        ImmutableOutputInfo<?> info = model.getOutputIDInfo();
        // Tribuo's classification models that generate probabilities normalize with ExpNormalizer: a softmax.
        if (model instanceof org.tribuo.classification.sgd.linear.LinearSGDModel sgd && sgd.generatesProbabilities()) {
            double[][] scores = rows(sgd.getWeightsCopy());
            if (scores.length != k || info.size() != k) {
                return null;   // a class the model never saw has probability 0, which no finite score gives
            }
            double[][] byClass = new double[k][];
            for (int id = 0; id < k; id++) {
                byClass[classOf(info, id)] = scores[id];
            }
            if (k > 2) {
                return of(byClass, features, "margin", target.classes());
            }
            double[] diff = new double[f + 1];
            for (int j = 0; j <= f; j++) {
                diff[j] = byClass[1][j] - byClass[0][j];
            }
            return of(new double[][] {diff}, features, "log-odds", List.of(target.classes().get(1)));
        }
        if (model instanceof LibLinearClassificationModel l && k == 2 && l.getInnerModels().size() == 1) {
            de.bwaldvogel.liblinear.Model m = l.getInnerModels().get(0);
            if (!m.isProbabilityModel() || m.getNrClass() != 2) {
                return null;
            }
            // LIBLINEAR's probability of the class it lists first is sigmoid(decision value).
            double sign = classOf(info, m.getLabels()[0]) == 1 ? 1 : -1;
            double[][] rows = liblinear(m, f, sign);
            return rows == null ? null : of(rows, features, "log-odds", List.of(target.classes().get(1)));
        }
        return null;
    }

    private static int classOf(ImmutableOutputInfo<?> info, int id) {
        return Integer.parseInt(((org.tribuo.classification.Label) info.getOutput(id)).getLabel());
    }

    private static double[][] rows(DenseMatrix m) {
        double[][] out = new double[m.getDimension1Size()][m.getDimension2Size()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i, j);
            }
        }
        return out;
    }

    /**
     * The decision value over Tribuo's feature ids and the bias, times {@code sign}, as {@code Linear.predictValues}
     * computes it: feature id {@code j} is LIBLINEAR's index {@code j + 1}, the bias Tribuo's extra feature of value 1
     * at index {@code features + 1}; the weight of index {@code i} is {@code w[(i - 1) * nr_w + output]}, and indexes
     * past {@code n} are ignored. Null unless there is one weight vector ({@code nr_w == 1}).
     */
    private static double[][] liblinear(de.bwaldvogel.liblinear.Model m, int features, double sign) {
        double[] w = m.getFeatureWeights();
        int n = m.getBias() >= 0 ? m.getNrFeature() + 1 : m.getNrFeature();
        if (n <= 0 || w.length != n) {
            return null;   // more than one weight vector: multiclass one-vs-rest, or Crammer and Singer
        }
        double[] row = new double[features + 1];
        for (int j = 0; j <= features; j++) {
            row[j] = j + 1 <= n ? sign * w[j] : 0;
        }
        return new double[][] {row};
    }

    /** Weights by column from rows over feature ids (bias last); null if a feature is not named for a column. */
    private static TribuoLinearWeights of(double[][] rows, ImmutableFeatureMap features, String space, List<String> outputs) {
        int width = 0;
        int[] column = new int[features.size()];
        for (int id = 0; id < column.length; id++) {
            column[id] = TribuoData.column(features.get(id).getName());
            if (column[id] < 0) {
                return null;   // a feature no column feeds (a hand-made file): not ours to explain
            }
            width = Math.max(width, column[id] + 1);
        }
        double[][] weight = new double[rows.length][width];
        double[] bias = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            for (int id = 0; id < column.length; id++) {
                weight[k][column[id]] = rows[k][id];
            }
            bias[k] = rows[k][column.length];
        }
        return new TribuoLinearWeights(weight, bias, space, List.copyOf(outputs));
    }
}
