package automl4j.featurize;

import java.util.List;
import java.util.Map;

/**
 * What a featurizer found in its training rows.
 *
 * @param kinds    the kind inferred for each input column, in column order
 * @param problems data problems, one line each, naming the column (empty when none)
 */
public record FeaturizationReport(Map<String, String> kinds, List<String> problems) {
    public FeaturizationReport {
        kinds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kinds));
        problems = List.copyOf(problems);
    }
}
