package automl4j.learners.smile;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.learn.ArtifactTargets;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.Predictions;
import automl4j.learn.VoteSmoothing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The training rows and targets of a k-nearest-neighbour model and our exact scan over them ({@link NearestRows}).
 * Class probabilities are the (weighted) vote shares smoothed by one uniform vote ({@link VoteSmoothing}), so that a
 * unanimous wrong vote does not cost an infinite log loss. Exported as a small binary payload: the rows as floats and
 * the targets as doubles.
 *
 * <p>The search was Smile's (a KD-tree up to 10 features, a linear scan with {@code EuclideanDistance} above) and is
 * now {@link NearestRows}, the same arithmetic and choice as that linear scan: over more than 10 features models
 * predict the same bits as before. Up to 10 features they may differ where neighbours tie at the k-th distance (the
 * KD-tree's visiting order decided which tied rows got in; now the lower row index does), and, with inverse-distance
 * weights, in the last bits (the KD-tree took {@code sqrt(sum)}, the scan takes {@code sqrt(columns * sum / columns)},
 * which can round differently). A query with a NaN feature is now measured over its other features at any width,
 * and one with no finite distance to any row (an infinite feature, or every feature NaN), where Smile's search failed
 * with an index of -1, gets the first k rows, which vote uniformly.
 */
final class KnnModel implements FittedModel {
    static final String FORMAT = "automl4j-knn-v1";
    static final String UNIFORM = "uniform";
    static final String DISTANCE = "distance";
    // An exact match gets this distance, so inverse-distance weights stay finite and it dominates the vote.
    private static final double MIN_DISTANCE = 1e-12;
    private final Target target;
    private final float[] rows;
    private final int rowCount;
    private final int columns;
    private final double[] labels;
    private final int k;
    private final String weights;
    private final boolean byDistance;
    private final NearestRows search;   // null for a model of one row, which predicts that row's target

    KnnModel(Target target, float[] rows, int rowCount, int columns, double[] labels, int k, String weights) {
        if (!weights.equals(UNIFORM) && !weights.equals(DISTANCE)) {
            throw new IllegalArgumentException("smile-knn weights must be '" + UNIFORM + "' or '" + DISTANCE + "', but was '" + weights + "'");
        }
        if (k < 1) {
            throw new IllegalArgumentException("smile-knn n_neighbors must be >= 1, but was " + k);
        }
        this.target = target;
        this.rows = rows;
        this.rowCount = rowCount;
        this.columns = columns;
        this.labels = labels;
        // At most rows - 1 neighbours, as Smile's searches wanted: kept so that fitted and exported models (whose
        // n_neighbors is this k) predict as before.
        this.k = Math.max(1, Math.min(k, rowCount - 1));
        this.weights = weights;
        this.byDistance = weights.equals(DISTANCE);
        this.search = rowCount < 2 ? null : new NearestRows(rows, rowCount, columns);
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        if (x.columns() != columns) {
            throw new IllegalArgumentException("smile-knn was fitted on " + columns + " features, but got " + x.columns());
        }
        boolean classify = target.task() instanceof Classification;
        int classes = target.numClasses();
        double[][] probabilities = classify ? new double[x.rows()][] : null;
        double[] values = classify ? null : new double[x.rows()];
        // Each row's search is independent; inside a trial the stream runs in the trial's pool of its slot's threads.
        IntStream.range(0, x.rows()).parallel().forEach(i -> {
            // Farthest first: the vote sums in this order.
            NearestRows.Found near = search == null ? null : search.search(x.row(i), k);
            int n = near == null ? 1 : near.index().length;
            double[] votes = classify ? new double[classes] : null;
            double sum = 0;
            double total = 0;
            for (int j = 0; j < n; j++) {
                int index = near == null ? 0 : near.index()[j];
                double w = byDistance && near != null ? weight(near.distance()[j]) : 1;
                if (classify) {
                    votes[(int) labels[index]] += w;
                } else {
                    sum += w * labels[index];
                }
                total += w;
            }
            if (classify) {
                for (int c = 0; c < classes; c++) {
                    votes[c] /= total;
                }
                probabilities[i] = VoteSmoothing.withUniformVote(votes, n);
            } else {
                values[i] = sum / total;
            }
        });
        return classify ? Predictions.ofProbabilities(target.task(), target.classes(), probabilities) : Predictions.ofValues(values);
    }

    /**
     * The inverse-distance weight. A non-finite distance weighs 1: from finite rows it only occurs when the query has
     * an infinite feature or only NaN features, so every row is that far, and then the k rows vote uniformly instead
     * of giving 0 / 0 or NaN.
     */
    static double weight(double distance) {
        return Double.isFinite(distance) ? 1 / Math.max(MIN_DISTANCE, distance) : 1;
    }

    @Override
    public ModelArtifact export() {
        Map<String, String> props = new TreeMap<>(ArtifactTargets.of(target));
        props.put("smile_version", "3.1.1");
        props.put("n_neighbors", Integer.toString(k));
        props.put("weights", weights);
        props.put("rows", Integer.toString(rowCount));
        props.put("columns", Integer.toString(columns));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (float v : rows) {
                out.writeFloat(v);
            }
            for (double v : labels) {
                out.writeDouble(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelArtifact("smile-knn", FORMAT, props, bytes.toByteArray());
    }

    static KnnModel load(ModelArtifact artifact) {
        if (!artifact.format().equals(FORMAT)) {
            throw new IllegalArgumentException("smile-knn cannot read payload format '" + artifact.format() + "'");
        }
        int rowCount = artifact.intProperty("rows", 1, Integer.MAX_VALUE);
        int columns = artifact.intProperty("columns", 1, Integer.MAX_VALUE);
        int k = artifact.intProperty("n_neighbors", 1, Integer.MAX_VALUE);
        Target target = ArtifactTargets.read(artifact);
        byte[] payload = artifact.payload();
        long expected = 4L * rowCount * columns + 8L * rowCount;
        if (payload.length != expected) {
            throw new IllegalArgumentException("smile-knn payload has " + payload.length + " bytes, but " + rowCount + " rows of "
                    + columns + " features need " + expected);
        }
        float[] rows = new float[rowCount * columns];
        double[] labels = new double[rowCount];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = in.readFloat();
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readDouble();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rows of smile-knn", e);
        }
        for (int i = 0; i < rows.length; i++) {
            if (!Float.isFinite(rows[i])) {   // a distance needs finite rows; a NaN query feature is left out instead
                throw new IllegalArgumentException("smile-knn row " + i / columns + " feature " + i % columns + " is not finite");
            }
        }
        for (int i = 0; i < labels.length; i++) {
            boolean ok = target.task() instanceof Classification
                    ? labels[i] >= 0 && labels[i] < target.numClasses() && labels[i] == Math.rint(labels[i])
                    : Double.isFinite(labels[i]);
            if (!ok) {
                throw new IllegalArgumentException("smile-knn row " + i + " has target " + labels[i] + ", which is not "
                        + (target.task() instanceof Classification ? "a class index below " + target.numClasses() : "finite"));
            }
        }
        return new KnnModel(target, rows, rowCount, columns, labels, k, artifact.property("weights"));
    }
}
