package automl4j.featurize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a featurizer found in its training rows.
 *
 * @param kinds      the kind inferred (or given) for each input column, in column order
 * @param problems   data problems, one line each, naming the column (empty when none)
 * @param guardrails the data checks that ran, in a fixed order, each passed, fixed or alert
 */
public record FeaturizationReport(Map<String, String> kinds, List<String> problems, List<Guardrail> guardrails) {
    public FeaturizationReport {
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        problems = List.copyOf(problems);
        guardrails = List.copyOf(guardrails);
    }

    /** A report without guardrails, as written by featurizers that run none. */
    public FeaturizationReport(Map<String, String> kinds, List<String> problems) {
        this(kinds, problems, List.of());
    }

    /** The same report with {@code more} guardrails appended. */
    public FeaturizationReport withGuardrails(List<Guardrail> more) {
        List<Guardrail> all = new java.util.ArrayList<>(guardrails);
        all.addAll(more);
        return new FeaturizationReport(kinds, problems, all);
    }
}
