package automl4j.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ModelRegistry#recordRun} records of a run. Only {@code started} and {@code status} are required; what a
 * run does not have (a test score without test rows) is null. Build one with {@link #builder()}.
 *
 * @param started         when the run started
 * @param finished        when it ended, or null
 * @param status          how it ended, such as {@code completed} or {@code failed}
 * @param task            the task label, such as {@code binary}
 * @param target          the target column
 * @param metric          the metric the run optimised, such as {@code auc}
 * @param higherIsBetter  whether a larger {@code metric} is better (for {@link SortOrder#BEST_FIRST}), or null
 * @param validationScore the chosen model's validation score under {@code metric}, or null
 * @param testScore       its score on the test rows under {@code metric}, or null
 * @param metrics         every score known, by name (such as {@code validation_auc}, {@code test_logloss}); non-finite
 *                        values are left out
 * @param config          the effective config as text (YAML)
 * @param dataFingerprint SHA-256 of the training data, as the run's journal has it
 * @param outputFolder    the run's output folder
 * @param journalPath     the run's journal file
 * @param modelChecksum   SHA-256 of the model file the run wrote, as hex
 */
public record RunRecord(Instant started, Instant finished, String status, String task, String target, String metric,
                        Boolean higherIsBetter, Double validationScore, Double testScore, Map<String, Double> metrics,
                        String config, String dataFingerprint, String outputFolder, String journalPath,
                        String modelChecksum) {
    /** Checks the required fields and keeps the finite metrics, in their order. */
    public RunRecord {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        Map<String, Double> finite = new LinkedHashMap<>();
        if (metrics != null) {
            metrics.forEach((k, v) -> {
                if (k != null && v != null && Double.isFinite(v)) {
                    finite.put(k, v);
                }
            });
        }
        metrics = Collections.unmodifiableMap(finite);
        validationScore = finiteOrNull(validationScore);
        testScore = finiteOrNull(testScore);
    }

    private static Double finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /**
     * A builder that starts now with status {@code completed}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunRecord} field by field; each setter returns this builder. */
    public static final class Builder {
        private Instant started = Instant.now();
        private Instant finished;
        private String status = "completed";
        private String task;
        private String target;
        private String metric;
        private Boolean higherIsBetter;
        private Double validationScore;
        private Double testScore;
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private String config;
        private String dataFingerprint;
        private String outputFolder;
        private String journalPath;
        private String modelChecksum;

        private Builder() {
        }

        /**
         * Sets when the run started.
         *
         * @param v when the run started
         * @return this builder
         */
        public Builder started(Instant v) {
            started = v;
            return this;
        }

        /**
         * Sets when the run ended.
         *
         * @param v when the run ended
         * @return this builder
         */
        public Builder finished(Instant v) {
            finished = v;
            return this;
        }

        /**
         * Sets how the run ended.
         *
         * @param v how the run ended
         * @return this builder
         */
        public Builder status(String v) {
            status = v;
            return this;
        }

        /**
         * Sets the task label.
         *
         * @param v the task label
         * @return this builder
         */
        public Builder task(String v) {
            task = v;
            return this;
        }

        /**
         * Sets the target column.
         *
         * @param v the target column
         * @return this builder
         */
        public Builder target(String v) {
            target = v;
            return this;
        }

        /**
         * Sets the metric the run optimised and its direction.
         *
         * @param name           the metric the run optimised
         * @param higherIsBetter whether a larger value is better
         * @return this builder
         */
        public Builder metric(String name, boolean higherIsBetter) {
            metric = name;
            this.higherIsBetter = higherIsBetter;
            return this;
        }

        /**
         * Sets the validation score under the run's metric.
         *
         * @param v the validation score under the run's metric
         * @return this builder
         */
        public Builder validationScore(Double v) {
            validationScore = v;
            return this;
        }

        /**
         * Sets the test score under the run's metric.
         *
         * @param v the test score under the run's metric
         * @return this builder
         */
        public Builder testScore(Double v) {
            testScore = v;
            return this;
        }

        /**
         * Sets scores to add by name.
         *
         * @param all scores to add by name
         * @return this builder
         */
        public Builder metrics(Map<String, Double> all) {
            metrics.putAll(all);
            return this;
        }

        /**
         * Sets the effective config text.
         *
         * @param v the effective config text
         * @return this builder
         */
        public Builder config(String v) {
            config = v;
            return this;
        }

        /**
         * Sets the training data's fingerprint.
         *
         * @param v the training data's fingerprint
         * @return this builder
         */
        public Builder dataFingerprint(String v) {
            dataFingerprint = v;
            return this;
        }

        /**
         * Sets the output folder.
         *
         * @param v the output folder
         * @return this builder
         */
        public Builder outputFolder(String v) {
            outputFolder = v;
            return this;
        }

        /**
         * Sets the journal file.
         *
         * @param v the journal file
         * @return this builder
         */
        public Builder journalPath(String v) {
            journalPath = v;
            return this;
        }

        /**
         * Sets SHA-256 of the run's model file.
         *
         * @param v SHA-256 of the run's model file
         * @return this builder
         */
        public Builder modelChecksum(String v) {
            modelChecksum = v;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         */
        public RunRecord build() {
            return new RunRecord(started, finished, status, task, target, metric, higherIsBetter, validationScore, testScore,
                    metrics, config, dataFingerprint, outputFolder, journalPath, modelChecksum);
        }
    }
}
