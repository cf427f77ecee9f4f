package automl4j.validation;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.Guardrail;
import automl4j.featurize.Guardrail.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The guardrails about the target alone, run by the engine before the featurizer's own: class imbalance and classes
 * too rare for the validation folds. Regression targets pass both.
 */
public final class TargetGuardrails {
    /** A minority class below this share of the majority class is an imbalance alert (Azure AutoML uses 1:5 too). */
    public static final double IMBALANCE_RATIO = 0.2;

    private TargetGuardrails() {
    }

    /** {@code report} with the target's checks (for {@code folds} validation folds) before its own guardrails. */
    public static automl4j.featurize.FeaturizationReport withTargetChecks(automl4j.featurize.FeaturizationReport report,
                                                                          Target target, double[] y, int folds) {
        return new automl4j.featurize.FeaturizationReport(report.kinds(), report.problems(), check(target, y, folds))
                .withGuardrails(report.guardrails());
    }

    /**
     * The checks for labels {@code y} (class indexes) of {@code target} validated with {@code folds} folds.
     *
     * @param folds number of validation folds a class should appear in
     */
    public static List<Guardrail> check(Target target, double[] y, int folds) {
        List<Guardrail> out = new ArrayList<>();
        if (!(target.task() instanceof Classification)) {
            out.add(Guardrail.passed("class-imbalance", "regression target: no classes to balance"));
            out.add(Guardrail.passed("rare-classes", "regression target: no classes"));
            return out;
        }
        int[] counts = new int[target.numClasses()];
        for (double v : y) {
            counts[(int) v]++;
        }
        int majority = 0;
        int minority = Integer.MAX_VALUE;
        String minorityName = "";
        for (int c = 0; c < counts.length; c++) {
            majority = Math.max(majority, counts[c]);
            if (counts[c] > 0 && counts[c] < minority) {
                minority = counts[c];
                minorityName = target.classes().get(c);
            }
        }
        double ratio = minority / (double) majority;
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            shares.put(target.classes().get(c), counts[c] / (double) y.length);
        }
        if (ratio < IMBALANCE_RATIO) {
            Map<String, Double> figures = new LinkedHashMap<>(shares);
            figures.put("minority_to_majority", ratio);
            out.add(new Guardrail("class-imbalance", Status.ALERT, String.format(Locale.ROOT,
                    "class '%s' has %d rows, %.3f of the largest class (below 1:%d); accuracy will flatter the model, "
                            + "prefer auc or logloss, and collect more rows of the small class if you can", minorityName, minority,
                    ratio, Math.round(1 / IMBALANCE_RATIO)), List.of(), figures));
        } else {
            out.add(new Guardrail("class-imbalance", Status.PASSED, String.format(Locale.ROOT,
                    "smallest class '%s' is %.3f of the largest", minorityName, ratio), List.of(), Map.of("minority_to_majority", ratio)));
        }
        List<String> rare = new ArrayList<>();
        Map<String, Double> rareCounts = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < folds) {
                rare.add(target.classes().get(c));
                rareCounts.put(target.classes().get(c), (double) counts[c]);
            }
        }
        if (rare.isEmpty()) {
            out.add(Guardrail.passed("rare-classes", "every class has at least " + folds + " rows, one per validation fold"));
        } else {
            out.add(new Guardrail("rare-classes", Status.ALERT, "classes " + rare + " have fewer rows than the " + folds
                    + " validation folds, so some folds never see them and their scores for these classes are noise; "
                    + "kept, as every class the model may have to predict", List.of(), rareCounts));
        }
        return out;
    }
}
