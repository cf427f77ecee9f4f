package automl4j.featurizers;

import automl4j.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the {@link TabularFeaturizer}. Every field has a default that suits most tables; build with
 * {@link #builder()}.
 *
 * @param kinds               column kinds given by the user, overriding detection (a kind that drops the column,
 *                            such as {@code ID_LIKE}, drops it)
 * @param imputation          how missing numbers are filled in
 * @param scaling             how numbers are scaled (trees ignore it; linear and distance-based learners need it)
 * @param lowCardinality      how columns with at most {@code oneHotMax} categories are encoded
 * @param highCardinality     how columns with more than {@code oneHotMax} categories are encoded
 * @param oneHotMax           most distinct values a column may have to be one-hot encoded
 * @param rareMinCount        categories seen fewer times than this in the training rows share one "other" feature
 * @param textWords           most word n-grams (1- and 2-grams) kept in a text column's vocabulary
 * @param textChars           most character n-grams (3- to 5-grams within words) kept in a text column's vocabulary
 * @param leakage             what to do with a column suspected of leaking the target
 * @param targetEncodingFolds folds of the out-of-fold target encoding of training rows
 * @param search              whether the search may change {@code lowCardinality} and {@code imputation} per trial
 *                            (where the data has such columns); when false they stay as given
 */
public record FeaturizerOptions(Map<String, ColumnKind> kinds, Imputation imputation, Scaling scaling,
                                LowCardinalityEncoding lowCardinality, HighCardinalityEncoding highCardinality, int oneHotMax,
                                int rareMinCount, int textWords, int textChars, LeakagePolicy leakage, int targetEncodingFolds,
                                boolean search) {
    /** Default of {@code oneHotMax}. */
    public static final int DEFAULT_ONE_HOT_MAX = 16;

    public FeaturizerOptions {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        Objects.requireNonNull(imputation, "imputation");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(lowCardinality, "lowCardinality");
        Objects.requireNonNull(highCardinality, "highCardinality");
        Objects.requireNonNull(leakage, "leakage");
        require(oneHotMax >= 2, "featurize.one_hot_max", "featurize.one_hot_max must be >= 2, but was " + oneHotMax);
        require(rareMinCount >= 1, "featurize.rare_min_count", "featurize.rare_min_count must be >= 1, but was " + rareMinCount);
        require(textWords >= 0 && textChars >= 0 && textWords + textChars > 0, "featurize.text_words",
                "featurize.text_words and featurize.text_chars must be >= 0 and not both 0, but were " + textWords + " and " + textChars);
        require(targetEncodingFolds >= 2, "featurize.target_encoding_folds", "featurize.target_encoding_folds must be >= 2, but was " + targetEncodingFolds);
    }

    /** The defaults. */
    public static FeaturizerOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kinds.putAll(kinds);
        b.imputation = imputation;
        b.scaling = scaling;
        b.lowCardinality = lowCardinality;
        b.highCardinality = highCardinality;
        b.oneHotMax = oneHotMax;
        b.rareMinCount = rareMinCount;
        b.textWords = textWords;
        b.textChars = textChars;
        b.leakage = leakage;
        b.targetEncodingFolds = targetEncodingFolds;
        b.search = search;
        return b;
    }

    /**
     * Every option by its config key ({@code featurize.one_hot_max}; those without a key in the config file get one
     * named the same way), with its value as text; {@code featurize.kinds} lists the given kinds sorted by column. A
     * run's journal records these, and resuming refuses if any of them changed.
     */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> sortedKinds = new java.util.TreeMap<>();
        kinds.forEach((column, kind) -> sortedKinds.put(column, kind.label()));
        m.put("featurize.kinds", sortedKinds.toString());
        m.put("featurize.imputation", imputation.label());
        m.put("featurize.scaling", scaling.label());
        m.put("featurize.low_cardinality", lowCardinality.label());
        m.put("featurize.high_cardinality", highCardinality.label());
        m.put("featurize.one_hot_max", Integer.toString(oneHotMax));
        m.put("featurize.rare_min_count", Integer.toString(rareMinCount));
        m.put("featurize.text_words", Integer.toString(textWords));
        m.put("featurize.text_chars", Integer.toString(textChars));
        m.put("featurize.leakage", leakage.label());
        m.put("featurize.target_encoding_folds", Integer.toString(targetEncodingFolds));
        m.put("featurize.search", Boolean.toString(search));
        return Collections.unmodifiableMap(m);
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }

    /** How missing numbers are filled in; a 0/1 missing indicator is added in every case. */
    public enum Imputation {
        /** The training median (default: robust to outliers). */
        MEDIAN,
        /** The training mean. */
        MEAN,
        /** The most frequent training value. */
        MOST_FREQUENT,
        /** Zero (before scaling). */
        CONSTANT;

        /** Lower-case label used in config files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How numbers are scaled after imputation. */
    public enum Scaling {
        /** Subtract the mean, divide by the standard deviation (default). */
        STANDARD,
        /** Subtract the median, divide by the interquartile range: outliers do not squash the bulk. */
        ROBUST,
        /** Leave values as they are. */
        NONE;

        /** Lower-case label used in config files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How categorical columns with few values are encoded. */
    public enum LowCardinalityEncoding {
        /** One 0/1 feature per frequent category (default; rare ones share an "other" feature). */
        ONE_HOT,
        /** Out-of-fold target encoding plus frequency, as for high cardinality: fewer, denser features for trees. */
        TARGET;

        /** Lower-case label used in config files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How high-cardinality categorical columns are encoded. */
    public enum HighCardinalityEncoding {
        /** Out-of-fold smoothed target encoding plus the category's frequency (default). */
        TARGET,
        /** The category's frequency and frequency rank. */
        FREQUENCY,
        /** One-hot of the hashed category into {@value HashedCategoryEncoder#BUCKETS} buckets. */
        HASHING;

        /** Lower-case label used in config files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to a column suspected of leaking the target. */
    public enum LeakagePolicy {
        /** Keep it and raise an alert (default: a strong feature is not removed on suspicion alone). */
        ALERT,
        /** Drop it and report the drop as a fix. */
        DROP;

        /** Lower-case label used in config files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Builds {@link FeaturizerOptions}. */
    public static final class Builder {
        private final Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        private Imputation imputation = Imputation.MEDIAN;
        private Scaling scaling = Scaling.STANDARD;
        private LowCardinalityEncoding lowCardinality = LowCardinalityEncoding.ONE_HOT;
        private HighCardinalityEncoding highCardinality = HighCardinalityEncoding.TARGET;
        private int oneHotMax = DEFAULT_ONE_HOT_MAX;
        private int rareMinCount = 3;
        private int textWords = 10_000;
        private int textChars = 0;
        private LeakagePolicy leakage = LeakagePolicy.ALERT;
        private int targetEncodingFolds = 5;
        private boolean search = true;

        private Builder() {
        }

        /** Sets {@code featurize.kinds}: each column's kind instead of the detected one, replacing those set before. */
        public Builder kinds(Map<String, ColumnKind> columnKinds) {
            kinds.clear();
            columnKinds.forEach(this::kind);
            return this;
        }

        /** Treats {@code column} as {@code kind} instead of detecting its kind (one entry of {@code featurize.kinds}). */
        public Builder kind(String column, ColumnKind kind) {
            kinds.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Imputation of missing numbers; default median. */
        public Builder imputation(Imputation i) {
            this.imputation = i;
            return this;
        }

        /** Scaling of numbers; default standard. */
        public Builder scaling(Scaling s) {
            this.scaling = s;
            return this;
        }

        /** Encoding of categories with at most {@code oneHotMax} values; default one-hot. */
        public Builder lowCardinality(LowCardinalityEncoding e) {
            this.lowCardinality = e;
            return this;
        }

        /** Whether the search may vary the low-cardinality encoding and the imputation per trial; default true. */
        public Builder search(boolean s) {
            this.search = s;
            return this;
        }

        /** Encoding of high-cardinality categories; default target. */
        public Builder highCardinality(HighCardinalityEncoding e) {
            this.highCardinality = e;
            return this;
        }

        /** Most distinct values for one-hot encoding; default {@value #DEFAULT_ONE_HOT_MAX}. */
        public Builder oneHotMax(int n) {
            this.oneHotMax = n;
            return this;
        }

        /** Categories rarer than this share an "other" feature; default 3. */
        public Builder rareMinCount(int n) {
            this.rareMinCount = n;
            return this;
        }

        /**
         * Word n-gram vocabulary cap of text columns; default 10,000. A smaller vocabulary keeps only the commonest
         * n-grams and loses rarer words that carry the label: on reuters-corn's outer fold 1 (30 s search), 2000
         * n-grams gave a test AUC of 0.908, 8000 gave 0.994 and 20,000 gave 0.991, where the training rows have 31,000
         * word 1- and 2-grams in at least 2 documents; wider vocabularies make each trial slower (sparse input). It is an
         * upper bound: on a short time budget the featurizer keeps fewer (at least 1,000) and may drop word pairs, saying
         * so in the run's data report (issue 16).
         */
        public Builder textWords(int n) {
            this.textWords = n;
            return this;
        }

        /**
         * Character n-gram vocabulary cap of text columns; default 0, off: on reuters-corn, adding 1000 character
         * n-grams to 2000 word n-grams (the word default then) lowered a logistic regression's AUC (0.9947 to 0.9886
         * on outer fold 1).
         */
        public Builder textChars(int n) {
            this.textChars = n;
            return this;
        }

        /** Policy for suspected target leakage; default alert. */
        public Builder leakage(LeakagePolicy p) {
            this.leakage = p;
            return this;
        }

        /** Folds of the out-of-fold target encoding; default 5. */
        public Builder targetEncodingFolds(int k) {
            this.targetEncodingFolds = k;
            return this;
        }

        /**
         * The options.
         *
         * @throws ConfigException naming the first field out of range
         */
        public FeaturizerOptions build() {
            return new FeaturizerOptions(kinds, imputation, scaling, lowCardinality, highCardinality, oneHotMax, rareMinCount,
                    textWords, textChars, leakage, targetEncodingFolds, search);
        }
    }
}
