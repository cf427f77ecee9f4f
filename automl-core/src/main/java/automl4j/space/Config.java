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

    /**
     * Starts a config of {@code learner} whose values are set through the learner's typed parameters, so each name is
     * written once, where the parameter is declared.
     */
    public static Builder builder(String learner) {
        return new Builder(learner);
    }

    /** The value of the integer parameter {@code param}, read by its name. */
    public int get(IntParam param) {
        return intValue(param.name());
    }

    /** The value of the real parameter {@code param}, read by its name. */
    public double get(DoubleParam param) {
        return doubleValue(param.name());
    }

    /** The value of the categorical parameter {@code param}, read by its name. */
    public String get(ChoiceParam param) {
        return choice(param.name());
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

    /**
     * Collects a config's values parameter by parameter; each value must lie inside its parameter's range. Not
     * thread-safe; {@link #build()} gives an immutable config.
     */
    public static final class Builder {
        private final String learner;
        private final TreeMap<String, Object> values = new TreeMap<>();

        private Builder(String learner) {
            this.learner = Objects.requireNonNull(learner, "learner");
        }

        /**
         * Sets {@code param} to {@code value}.
         *
         * @throws IllegalArgumentException if {@code value} is outside its range
         */
        public Builder with(IntParam param, int value) {
            return put(param, value);
        }

        /**
         * Sets {@code param} to {@code value}.
         *
         * @throws IllegalArgumentException if {@code value} is outside its range or NaN
         */
        public Builder with(DoubleParam param, double value) {
            return put(param, value);
        }

        /**
         * Sets {@code param} to {@code value}.
         *
         * @throws IllegalArgumentException if {@code value} is not one of its options
         */
        public Builder with(ChoiceParam param, String value) {
            return put(param, value);
        }

        private Builder put(Param param, Object value) {
            if (!param.contains(value)) {
                String range = param instanceof IntParam i ? "in [" + i.low() + ", " + i.high() + "]"
                        : param instanceof DoubleParam d ? "in [" + d.low() + ", " + d.high() + "]"
                        : "one of " + ((ChoiceParam) param).options();
                throw new IllegalArgumentException("hyperparameter '" + param.name() + "' of '" + learner + "' must be " + range
                        + ", but was " + value);
            }
            values.put(param.name(), value);
            return this;
        }

        /** The config of the values set so far. */
        public Config build() {
            return new Config(learner, values);
        }
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
