package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted encoding of one raw column, read from the tabular featurizer's JSON: a port of the engine's encoders in
 * {@code automl4j.featurizers} ({@code NumericEncoder}, {@code BooleanEncoder}, {@code OneHotEncoder},
 * {@code FrequencyEncoder}, {@code TargetEncoder}, {@code HashedCategoryEncoder} here; {@code DateEncoder},
 * {@code TfidfEncoder} and {@code HashedTextEncoder} in {@link DateEncoding}, {@link TfidfEncoding} and
 * {@link HashedTextEncoding}) for one row at a time. Each writes the same floats as its engine twin, computed in the same
 * order and precision. Immutable, thread-safe.
 */
sealed interface ColumnEncoding permits ColumnEncoding.Numeric, ColumnEncoding.Bool, ColumnEncoding.OneHot,
        ColumnEncoding.Frequency, ColumnEncoding.TargetMean, ColumnEncoding.HashedCategory, DateEncoding, TfidfEncoding,
        HashedTextEncoding {
    /** The raw column. */
    String column();

    /** Names of the features written, as the engine names them. */
    List<String> featureNames();

    /** Writes the features of the cell {@code value} (see {@link RowCells}) to {@code out[offset...]}, zero-filled on entry. */
    void encode(Object value, float[] out, int offset);

    /**
     * The encoding {@code n} describes.
     *
     * @throws IllegalArgumentException if a field is missing or of the wrong type, or the encoder is unknown
     */
    static ColumnEncoding fromJson(JsonNode n) {
        String type = Json.text(n, "encoder");
        return switch (type) {
            case "numeric" -> Numeric.fromJson(n);
            case "boolean" -> new Bool(Json.text(n, "column"), Json.text(n, "true"), Json.text(n, "false"), Json.bool(n, "indicator"));
            case "one-hot" -> new OneHot(Json.text(n, "column"), Json.texts(n, "levels"), n.path("other_level").asBoolean(false),
                    Json.bool(n, "missing_level"));
            case "frequency" -> Frequency.fromJson(n);
            case "target" -> TargetMean.fromJson(n);
            case "hashed-category" -> new HashedCategory(Json.text(n, "column"));
            case "date" -> DateEncoding.fromJson(n);
            case "tfidf" -> TfidfEncoding.fromJson(n);
            case "hashed-text" -> HashedTextEncoding.fromJson(n);
            default -> throw new IllegalArgumentException("unknown encoder '" + type + "' in featurizer entry");
        };
    }

    /** Engine: {@code NumericEncoder}. Imputes {@code fill}, adds a missing indicator, scales {@code (v - center) / scale}. */
    record Numeric(String column, double fill, double center, double scale, boolean indicator, boolean textAsMissing)
            implements ColumnEncoding {
        static Numeric fromJson(JsonNode n) {
            if (n.has("median")) {   // featurizer JSON v1: median imputation and standard scaling
                return new Numeric(Json.text(n, "column"), Json.number(n, "median"), Json.number(n, "mean"), Json.number(n, "std"),
                        Json.bool(n, "indicator"), false);
            }
            return new Numeric(Json.text(n, "column"), Json.number(n, "fill"), Json.number(n, "center"), Json.number(n, "scale"),
                    Json.bool(n, "indicator"), n.path("text_as_missing").asBoolean(false));
        }

        @Override
        public List<String> featureNames() {
            return indicator ? List.of(column, column + "=missing") : List.of(column);
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            double v = RowCells.number(value);
            boolean missing = Double.isNaN(v);
            if (missing && !RowCells.isTypedNumber(value) && !textAsMissing && RowCells.text(value) != null) {
                throw new IllegalArgumentException("column '" + column + "' must be a number, but was '" + RowCells.text(value) + "'");
            }
            if (v == Double.POSITIVE_INFINITY || v == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("column '" + column + "' must be a finite number, but was " + v);
            }
            out[offset] = (float) (((missing ? fill : v) - center) / scale);
            if (indicator) {
                out[offset + 1] = missing ? 1f : 0f;
            }
        }
    }

    /** Engine: {@code BooleanEncoder}. 1, 0, or 0.5 for missing and unseen values; a missing indicator. */
    record Bool(String column, String trueValue, String falseValue, boolean indicator) implements ColumnEncoding {
        @Override
        public List<String> featureNames() {
            return indicator ? List.of(column + "=" + trueValue, column + "=missing") : List.of(column + "=" + trueValue);
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            String s = RowCells.text(value);
            String v = s == null ? null : s.strip().toLowerCase(Locale.ROOT);
            out[offset] = trueValue.equals(v) ? 1f : falseValue.equals(v) ? 0f : 0.5f;
            if (indicator && s == null) {
                out[offset + 1] = 1f;
            }
        }
    }

    /** Engine: {@code OneHotEncoder}. One feature per level, then {@code other} and {@code missing} when fitted. */
    record OneHot(String column, List<String> levels, boolean otherLevel, boolean missingLevel, Map<String, Integer> index)
            implements ColumnEncoding {
        OneHot(String column, List<String> levels, boolean otherLevel, boolean missingLevel) {
            this(column, List.copyOf(levels), otherLevel, missingLevel, Json.positions(levels));
        }

        @Override
        public List<String> featureNames() {
            List<String> names = new ArrayList<>();
            levels.forEach(l -> names.add(column + "=" + l));
            if (otherLevel) {
                names.add(column + "=other");
            }
            if (missingLevel) {
                names.add(column + "=missing");
            }
            return names;
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            String s = RowCells.text(value);
            if (s == null) {
                if (missingLevel) {
                    out[offset + levels.size() + (otherLevel ? 1 : 0)] = 1f;
                }
                return;
            }
            Integer k = index.get(s);
            if (k != null) {
                out[offset + k] = 1f;
            } else if (otherLevel) {
                out[offset + levels.size()] = 1f;
            }
        }
    }

    /** Engine: {@code FrequencyEncoder}. The category's training share and its frequency rank in [0, 1]. */
    record Frequency(String column, List<String> levels, List<Double> shares, double missingShare, Map<String, Integer> ranks)
            implements ColumnEncoding {
        static Frequency fromJson(JsonNode n) {
            String column = Json.text(n, "column");
            List<String> levels = Json.texts(n, "levels");
            List<Double> shares = new ArrayList<>();
            Json.array(n, "shares").forEach(x -> shares.add(x.asDouble()));
            if (shares.size() != levels.size()) {
                throw new IllegalArgumentException("frequency encoder of '" + column + "' must have one share per level, but has "
                        + levels.size() + " levels and " + shares.size() + " shares");
            }
            return new Frequency(column, List.copyOf(levels), List.copyOf(shares), Json.number(n, "missing_share"), Json.positions(levels));
        }

        @Override
        public List<String> featureNames() {
            return List.of(column + ":frequency", column + ":rank");
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            String s = RowCells.text(value);
            if (s == null) {
                out[offset] = (float) missingShare;
                out[offset + 1] = -1f;
                return;
            }
            Integer rank = ranks.get(s);
            out[offset] = rank == null ? 0f : shares.get(rank).floatValue();
            out[offset + 1] = rank == null ? 1f : (float) (rank / (double) Math.max(1, levels.size()));
        }
    }

    /**
     * Engine: {@code TargetEncoder} at prediction time (the out-of-fold statistics of training rows are not exported).
     * Per category {@code dims} smoothed target statistics (the prior for unseen ones) and its training share.
     */
    // A class, not a record: STYLE keeps arrays out of record components.
    final class TargetMean implements ColumnEncoding {
        private final String column;
        private final List<String> levels;
        private final int dims;
        private final float[] stats;
        private final float[] prior;
        private final float[] shares;
        private final Map<String, Integer> index;

        private TargetMean(String column, List<String> levels, int dims, float[] stats, float[] prior, float[] shares,
                           Map<String, Integer> index) {
            this.column = column;
            this.levels = levels;
            this.dims = dims;
            this.stats = stats;
            this.prior = prior;
            this.shares = shares;
            this.index = index;
        }

        @Override
        public String column() {
            return column;
        }

        static TargetMean fromJson(JsonNode n) {
            String column = Json.text(n, "column");
            List<String> levels = Json.texts(n, "levels");
            int dims = (int) Json.integer(n, "dims", 1, 1 << 16);
            float[] stats = Json.floats(n, "stats");
            float[] prior = Json.floats(n, "prior");
            float[] shares = Json.floats(n, "shares");
            if (stats.length != (levels.size() + 1L) * dims || prior.length != dims || shares.length != levels.size() + 1) {
                throw new IllegalArgumentException("target encoder of '" + column + "' must have dims >= 1, "
                        + "(levels + 1) * dims stats, dims priors and levels + 1 shares, but has " + levels.size() + " levels, dims "
                        + dims + ", " + stats.length + " stats, " + prior.length + " priors and " + shares.length + " shares");
            }
            return new TargetMean(column, List.copyOf(levels), dims, stats, prior, shares, Json.positions(levels));
        }

        @Override
        public List<String> featureNames() {
            List<String> names = new ArrayList<>();
            for (int d = 0; d < dims; d++) {
                names.add(column + (dims == 1 ? ":target" : ":target" + d));
            }
            names.add(column + ":frequency");
            return names;
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            String s = RowCells.text(value);
            int k = s == null ? levels.size() : index.getOrDefault(s, -1);
            for (int d = 0; d < dims; d++) {
                out[offset + d] = k < 0 ? prior[d] : stats[k * dims + d];
            }
            out[offset + dims] = k < 0 ? 0f : shares[k];
        }
    }

    /** Engine: {@code HashedCategoryEncoder}. One-hot of the category hashed into 32 buckets. */
    record HashedCategory(String column) implements ColumnEncoding {
        static final int BUCKETS = 32;

        @Override
        public List<String> featureNames() {
            List<String> names = new ArrayList<>(BUCKETS);
            for (int b = 0; b < BUCKETS; b++) {
                names.add(column + ":bucket" + b);
            }
            return names;
        }

        @Override
        public void encode(Object value, float[] out, int offset) {
            String s = RowCells.text(value);
            out[offset + Math.floorMod(mix((s == null ? "" : s).hashCode()), BUCKETS)] = 1f;
        }

        // The engine's Hashing.mix: the murmur3 finalizer over String.hashCode.
        static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            return h ^ (h >>> 16);
        }
    }
}
