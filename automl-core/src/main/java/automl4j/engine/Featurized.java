package automl4j.engine;

import automl4j.validation.PreparedSplits;
import automl4j.validation.TargetGuardrails;

import automl4j.data.ValidationPlan;
import automl4j.execute.PreparedSplit;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.space.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The featurization stage of a fit: the featurizer fitted on all rows, what it found in the data, the featurization
 * choices the search may vary, and each validation split featurized from its training part only.
 *
 * @param featurizer the run's featurizer, with its share of the budget
 * @param full       the featurizer fitted on all rows with the default choices
 * @param seconds    the expected time to featurize all rows at the refit: twice the time of {@code full}'s fit
 * @param report     what featurization found, with the target's checks
 * @param space      the featurization choices the search varies (none for a featurizer without choices)
 * @param defaults   the default featurization choices
 * @param prepared   the validation splits featurized per choice, prepared once each and shared by the trials
 * @param splits     the validation splits featurized with the default choices
 */
record Featurized(Featurizer featurizer, FittedTransform full, double seconds, FeaturizationReport report, SearchSpace space,
                  Map<String, Object> defaults, PreparedSplits prepared, List<PreparedSplit> splits) {
    /** Share of the budget that featurization may take, over all its fits. */
    static final double FEATURIZE_SHARE = 0.3;

    Featurized {
        Objects.requireNonNull(featurizer, "featurizer");
        Objects.requireNonNull(full, "full");
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        splits = List.copyOf(splits);
    }

    /**
     * Fits the run's featurizer on all of {@code problem}'s rows, logs what it found, and featurizes the validation
     * splits with the default choices. Featurization is part of the budget (issue 14): each fit (all rows, then each
     * split's training part) is allowed its share of {@link #FEATURIZE_SHARE} of the budget, and a featurizer that can
     * do less on a tight one does.
     */
    static Featurized of(Problem problem, RunContext run) {
        long featurizeStart = System.nanoTime();
        Featurizer featurizer = run.settings().featurizer().withTimeAllowance(allowance(run.budgetNanos(), problem.plan().splits().size()));
        FittedTransform full = featurizer.fit(problem.data().table(), problem.rows(), problem.target(), problem.y());
        double featurizeSeconds = 2 * (System.nanoTime() - featurizeStart) / 1e9;   // fit + transform of all rows at refit
        full.report().problems().forEach(p -> run.listener().info("data: " + p));
        FeaturizationReport report = TargetGuardrails.withTargetChecks(full.report(), problem.target(), problem.y(), ValidationPlan.FOLDS);
        SearchSpace featurizeSpace = featurizer.space(full.report(), problem.target());
        Map<String, Object> featurizeDefaults = featurizer.defaultChoices(featurizeSpace);
        PreparedSplits prepared = new PreparedSplits(featurizer, problem.data().table(), problem.rows(), problem.y(),
                problem.target(), problem.plan());
        List<PreparedSplit> splits = prepared.get(featurizeDefaults);
        if (!featurizeSpace.params().isEmpty()) {
            run.listener().info("featurization choices searched: " + featurizeSpace.params());
        }
        return new Featurized(featurizer, full, featurizeSeconds, report, featurizeSpace, featurizeDefaults, prepared, splits);
    }

    /** Seconds one featurizer fit is allowed: {@link #FEATURIZE_SHARE} of the budget over the fit on all rows and each split's. */
    static double allowance(long budgetNanos, int splits) {
        return Math.max(1e-3, FEATURIZE_SHARE * budgetNanos / 1e9 / (1 + splits));
    }

    /** Whether the featurized data is a sparse matrix (wide TF-IDF text), which only some learners read. */
    boolean isSparse() {
        return splits.get(0).train().features().isSparse();
    }

    /** Training rows of a validation split, on average. */
    double trainRowsPerSplit() {
        return prepared.trainRowsPerSplit();
    }
}
