package automl4j.report;

import automl4j.AutoMlModel;
import automl4j.data.Cells;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.space.Config;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Models whose predictions are known formulas of three raw columns, so that the report's computations can be checked
 * exactly: {@code x} (numeric), {@code plan} (a category; only {@code monthly} matters) and {@code city} (read, never
 * used). The score is {@code s = 2 x + 3 [plan = monthly]}: the value of a regression, the log-odds of {@code yes} of a
 * binary model, and of a three-class model the scores {@code (0, s - 2, 4 - s)} through a softmax.
 */
final class ToyModels {
    private ToyModels() {
    }

    static AutoMlModel regression() {
        return model(new Regression());
    }

    static AutoMlModel binary() {
        return model(new Classification(List.of("no", "yes")));
    }

    static AutoMlModel multiclass() {
        return model(new Classification(List.of("a", "b", "c")));
    }

    private static AutoMlModel model(Task task) {
        return new AutoMlModel(new Target("y", task), new Transform(), new Model(task), Config.of("toy", Map.of()), Map.of());
    }

    static double score(double x, String plan) {
        return 2 * x + ("monthly".equals(plan) ? 3 : 0);
    }

    /** {@code n} rows: x uniform on [0, 1) (a tenth missing), plan one of three (monthly a third), city one of {@code cities}. */
    static Table rows(int n, int cities, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn plan = StringColumn.create("plan");
        StringColumn city = StringColumn.create("city");
        for (int i = 0; i < n; i++) {
            if (r.nextInt(10) == 0) {
                x.appendMissing();
            } else {
                x.append(Math.round(r.nextDouble() * 1000) / 1000.0);
            }
            int p = r.nextInt(3);
            plan.append(p == 0 ? "monthly" : p == 1 ? "yearly" : "two-year");
            city.append("city-" + (int) Math.floor(Math.pow(r.nextDouble(), 2) * cities));
        }
        return Table.create("toy", x, plan, city);
    }

    private static final class Transform implements FittedTransform {
        @Override
        public String featurizerId() {
            return "toy";
        }

        @Override
        public List<String> inputColumns() {
            return List.of("x", "plan", "city");
        }

        @Override
        public List<String> featureNames() {
            return List.of("x", "plan=monthly", "city");
        }

        @Override
        public List<String> featureSources() {
            return inputColumns();
        }

        @Override
        public FeatureMatrix transform(Table table, int[] rows) {
            int n = rows == null ? table.rowCount() : rows.length;
            float[] data = new float[n * 3];
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                double x = Cells.number(table.column("x"), r);
                data[3 * i] = (float) (Double.isNaN(x) ? 0.5 : x);
                data[3 * i + 1] = "monthly".equals(Cells.text(table.column("plan"), r)) ? 1 : 0;
                data[3 * i + 2] = Cells.text(table.column("city"), r) == null ? 0 : Cells.text(table.column("city"), r).hashCode();
            }
            return FeatureMatrix.wrapOwned(data, n, featureNames());
        }

        @Override
        public FeaturizationReport report() {
            return new FeaturizationReport(Map.of("x", "numeric", "plan", "categorical", "city", "high-cardinality"), List.of());
        }

        @Override
        public byte[] export() {
            throw new UnsupportedOperationException("a test transform");
        }
    }

    private record Model(Task task) implements FittedModel {
        @Override
        public Predictions predict(FeatureMatrix features) {
            int n = features.rows();
            if (task instanceof Regression) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s(features, i);
                }
                return Predictions.ofValues(v);
            }
            Classification c = (Classification) task;
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                double s = s(features, i);
                if (c.isBinary()) {
                    double yes = 1 / (1 + Math.exp(-s));
                    p[i] = new double[] {1 - yes, yes};
                } else {
                    double[] e = {1, Math.exp(s - 2), Math.exp(4 - s)};
                    double sum = e[0] + e[1] + e[2];
                    p[i] = new double[] {e[0] / sum, e[1] / sum, e[2] / sum};
                }
            }
            return Predictions.ofProbabilities(c, c.classes(), p);
        }

        private static double s(FeatureMatrix f, int i) {
            return 2.0 * f.get(i, 0) + 3.0 * f.get(i, 1);
        }

        @Override
        public ModelArtifact export() {
            throw new UnsupportedOperationException("a test model");
        }
    }
}
