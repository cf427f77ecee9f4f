package automl4j.scoring;

import java.nio.ByteBuffer;

/**
 * A {@code smile-knn} member (payload {@value #FORMAT}): the training rows as big-endian floats, then their targets as
 * doubles, with {@code rows}, {@code columns}, {@code n_neighbors} and {@code weights} in the properties. The k
 * nearest rows ({@link NearestRows}, the engine's search) vote farthest first, the order the engine sums them in: each
 * with weight 1, or 1 / max(1e-12, distance), or 1 at a non-finite distance (a query with an infinite feature or only
 * NaN features, which gets the first k rows); class shares are smoothed by one uniform vote, a regression value is the
 * weighted mean. A model of one row predicts that row's target. Checked as the engine's {@code KnnModel.load} checks
 * it, with its messages.
 */
final class SmileKnnMember implements MemberModel {
    static final String FORMAT = "automl4j-knn-v1";
    private static final String UNIFORM = "uniform";
    private static final String DISTANCE = "distance";
    // The engine's floor: an exact match keeps a finite inverse-distance weight and dominates the vote.
    private static final double MIN_DISTANCE = 1e-12;
    private final NearestRows neighbours;   // null for a model of one row
    private final double[] labels;
    private final int k;
    private final boolean byDistance;
    private final int classes;   // 0 for regression

    private SmileKnnMember(float[] rows, double[] labels, int columns, int k, boolean byDistance, int classes) {
        this.labels = labels;
        this.byDistance = byDistance;
        this.classes = classes;
        // As the engine: at most rows - 1 neighbours.
        this.k = Math.max(1, Math.min(k, labels.length - 1));
        this.neighbours = labels.length < 2 ? null : new NearestRows(rows, labels.length, columns);
    }

    @Override
    public double[] predict(float[] features) {
        int[] index = {0};
        double[] weight = {1};
        if (neighbours != null) {
            NearestRows.Found near = neighbours.search(features, k);
            index = near.index();
            weight = new double[index.length];
            for (int j = 0; j < index.length; j++) {
                weight[j] = byDistance ? weight(near.distance()[j]) : 1;
            }
        }
        double[] votes = classes > 0 ? new double[classes] : null;
        double sum = 0;
        double total = 0;
        for (int j = 0; j < index.length; j++) {
            if (votes != null) {
                votes[(int) labels[index[j]]] += weight[j];
            } else {
                sum += weight[j] * labels[index[j]];
            }
            total += weight[j];
        }
        if (votes == null) {
            return new double[] {sum / total};
        }
        for (int c = 0; c < classes; c++) {
            votes[c] /= total;
        }
        return UniformVote.smooth(votes, index.length);
    }

    /** The engine's {@code KnnModel.weight}: a non-finite distance weighs 1, so such a query's k rows vote uniformly. */
    private static double weight(double distance) {
        return Double.isFinite(distance) ? 1 / Math.max(MIN_DISTANCE, distance) : 1;
    }

    static MemberModel load(MemberPayload p) {
        if (!p.member().payloadFormat().equals(FORMAT)) {
            throw new IllegalArgumentException(p.learner() + " cannot read payload format '" + p.member().payloadFormat() + "'");
        }
        int rowCount = SmilePayloads.intProperty(p, "rows", 1, Integer.MAX_VALUE);
        int columns = SmilePayloads.intProperty(p, "columns", 1, Integer.MAX_VALUE);
        int k = SmilePayloads.intProperty(p, "n_neighbors", 1, Integer.MAX_VALUE);
        SmilePayloads.check(p, FORMAT);
        byte[] payload = p.payload();
        long expected = 4L * rowCount * columns + 8L * rowCount;
        if (payload.length != expected) {
            throw new IllegalArgumentException(p.learner() + " payload has " + payload.length + " bytes, but " + rowCount + " rows of "
                    + columns + " features need " + expected);
        }
        ByteBuffer in = ByteBuffer.wrap(payload);   // big-endian, as DataOutputStream wrote it
        float[] rows = new float[rowCount * columns];
        double[] labels = new double[rowCount];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = in.getFloat();
            if (!Float.isFinite(rows[i])) {   // the engine refuses them too
                throw new IllegalArgumentException(p.learner() + " row " + i / columns + " feature " + i % columns + " is not finite");
            }
        }
        boolean classification = SmilePayloads.classification(p.target());
        int classes = classification ? p.target().classes().size() : 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.getDouble();
            boolean ok = classification ? labels[i] >= 0 && labels[i] < classes && labels[i] == Math.rint(labels[i]) : Double.isFinite(labels[i]);
            if (!ok) {
                throw new IllegalArgumentException(p.learner() + " row " + i + " has target " + labels[i] + ", which is not "
                        + (classification ? "a class index below " + classes : "finite"));
            }
        }
        String weights = SmilePayloads.property(p, "weights");
        if (!weights.equals(UNIFORM) && !weights.equals(DISTANCE)) {
            throw new IllegalArgumentException(p.learner() + " weights must be '" + UNIFORM + "' or '" + DISTANCE + "', but was '"
                    + weights + "'");
        }
        // The engine finds this when it predicts; the featurizer's width is known here, so refuse it at once.
        if (columns != p.featureNames().size()) {
            throw new IllegalArgumentException(p.learner() + " was fitted on " + columns + " features, but got " + p.featureNames().size());
        }
        return new SmileKnnMember(rows, labels, columns, k, weights.equals(DISTANCE), classes);
    }
}
