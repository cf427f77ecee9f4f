package automl4j.featurize;

import automl4j.data.Target;
import tech.tablesaw.api.Table;

/**
 * Turns raw table columns into a numeric feature matrix. {@link #fit} learns everything (column kinds, imputation
 * values, category codes) from the given rows only, so it can be fitted inside each validation split.
 * Implementations are immutable, have a public no-arg constructor and are listed in
 * {@code META-INF/services/automl4j.featurize.Featurizer}.
 */
public interface Featurizer {
    /** Stable kebab-case id. */
    String id();

    /**
     * Learns a transform from {@code rows} of {@code table}; every column except the target is an input.
     *
     * @param table  the whole table
     * @param rows   the training rows to learn from
     * @param target the target (its column is not an input)
     * @param labels class index or value of each of {@code rows}, for supervised encoders
     */
    FittedTransform fit(Table table, int[] rows, Target target, double[] labels);

    /**
     * Featurization choices worth searching for this data, such as how categories are encoded, as parameters named
     * {@code featurize.*}; the engine adds them to every learner's space. Empty (the default) when there is nothing to
     * choose.
     *
     * @param fitted the report of this featurizer fitted on all training rows
     * @param target the target
     */
    default automl4j.space.SearchSpace space(FeaturizationReport fitted, Target target) {
        return automl4j.space.SearchSpace.of();
    }

    /** The choices in {@code space} that match this featurizer as configured, tried by the first trials. */
    default java.util.Map<String, Object> defaultChoices(automl4j.space.SearchSpace space) {
        return space.fromUnit(new double[space.size()]);
    }

    /** This featurizer with {@code choices} (names and values from {@link #space}) applied; this one when empty. */
    default Featurizer configured(java.util.Map<String, Object> choices) {
        return this;
    }

    /**
     * Every option of this featurizer that changes what it produces, by name (for the tabular featurizer, the config
     * keys {@code featurize.*}) with its value as text. A journal records them, and resuming a run refuses if any
     * differs; so an implementation with options must list them all. Empty (the default) for one without options.
     */
    default java.util.Map<String, String> settings() {
        return java.util.Map.of();
    }

    /**
     * This featurizer, told that one {@link #fit} should take about {@code seconds} (issue 14: featurization is part of
     * the time budget). A featurizer that can do less on a tight allowance (fit a text vocabulary on fewer documents,
     * check fewer rows for leakage) does so and says what it cut in its report's problems; the cut must depend on the
     * allowance and the data only, not on the clock, so that a run stays reproducible. The engine passes a share of the
     * run's budget; {@link Double#POSITIVE_INFINITY} means no limit. The default ignores the allowance.
     *
     * @throws IllegalArgumentException if {@code seconds} is not positive
     */
    default Featurizer withTimeAllowance(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time allowance must be > 0 s, but was " + seconds);
        }
        return this;
    }

    /** Reads back a transform written by {@link FittedTransform#export()}. */
    FittedTransform load(byte[] exported);
}
