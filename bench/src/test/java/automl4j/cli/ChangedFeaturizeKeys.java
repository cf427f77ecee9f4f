package automl4j.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid value other than the default for every {@code featurize.*} key of the config file, shared by the CLI tests. */
final class ChangedFeaturizeKeys {
    /** Key to YAML value, in the order the README lists them. */
    static final Map<String, String> VALUES;

    static {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("featurize.kinds", "{region: text}");
        v.put("featurize.imputation", "mean");
        v.put("featurize.scaling", "robust");
        v.put("featurize.low_cardinality", "target");
        v.put("featurize.high_cardinality", "frequency");
        v.put("featurize.one_hot_max", "8");
        v.put("featurize.rare_min_count", "5");
        v.put("featurize.text_words", "500");
        v.put("featurize.text_chars", "100");
        v.put("featurize.leakage", "drop");
        v.put("featurize.target_encoding_folds", "3");
        v.put("featurize.search", "false");
        VALUES = Collections.unmodifiableMap(v);
    }

    private ChangedFeaturizeKeys() {
    }
}
