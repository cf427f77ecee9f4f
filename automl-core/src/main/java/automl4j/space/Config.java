package automl4j.space;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of the joint search space: a learner and a value for each of its hyperparameters. Values are
 * {@link Integer}, {@link Double} or {@link String}; iteration is in name order so printing and hashing are stable.
 *
 * @param learner the learner id
 * @param values  hyperparameter values by name
 */
public record Config(String learner, SortedMap<String, Object> values) {
    public Config {
        Objects.requireNonNull(learner, "learner");
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = Objects.requireNonNull(e.getValue(), e.getKey());
            if (!(v instanceof Integer || v instanceof Double || v instanceof String)) {
                throw new IllegalArgumentException("hyperparameter '" + e.getKey() + "' must be an Integer, Double or String, but was "
                        + v.getClass().getSimpleName());
            }
            copy.put(e.getKey(), v);
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    /** A config of {@code learner} with the given values. */
    public static Config of(String learner, Map<String, Object> values) {
        return new Config(learner, new TreeMap<>(values));
    }

    /** The integer value of {@code name}. */
    public int intValue(String name) {
        return (Integer) require(name);
    }

    /** The real value of {@code name}. */
    public double doubleValue(String name) {
        return (Double) require(name);
    }

    /** The categorical value of {@code name}. */
    public String choice(String name) {
        return (String) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("config of '" + learner + "' has no hyperparameter '" + name + "'; it has " + values.keySet());
        }
        return v;
    }

    /** Compact text such as {@code xgboost{eta=0.3, max_depth=6}}; reals with 4 significant digits. */
    @Override
    public String toString() {
        return learner + valuesText();
    }

    /** The values as compact text such as {@code {eta=0.3, max_depth=6}}; reals with 4 significant digits. */
    public String valuesText() {
        StringBuilder sb = new StringBuilder().append('{');
        String sep = "";
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=');
            Object v = e.getValue();
            sb.append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4g", d) : v);
            sep = ", ";
        }
        return sb.append('}').toString();
    }
}
