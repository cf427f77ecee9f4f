package automl4j.forecast.internal;

import automl4j.forecast.model.ForecastException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading back the parameters a fitted forecaster wrote (after a trip through JSON, numbers may come back as other
 * {@link Number} types and arrays as lists); internal to the forecasting module.
 */
public final class Parameters {
    /** The key every forecaster writes its id under. */
    public static final String FORECASTER = "forecaster";

    private Parameters() {
    }

    /**
     * A new parameter map with the forecaster's id first, to be filled in insertion order.
     *
     * @param id the forecaster's id
     * @return a mutable map
     */
    public static Map<String, Object> start(String id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(FORECASTER, id);
        return p;
    }

    /**
     * An unmodifiable view of a filled-in map, copying array values so that callers cannot change the model.
     *
     * @param p the map
     * @return the view
     */
    public static Map<String, Object> freeze(Map<String, Object> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k, v instanceof double[] ? ((double[]) v).clone() : v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Checks that the parameters were written by forecaster {@code id}.
     *
     * @param parameters the parameters
     * @param id         the expected id
     * @throws ForecastException if they name another forecaster or none
     */
    public static void checkForecaster(Map<String, Object> parameters, String id) {
        Objects.requireNonNull(parameters, "parameters");
        Object v = parameters.get(FORECASTER);
        if (!id.equals(v)) {
            throw new ForecastException("parameters must be of forecaster '" + id + "', but " + FORECASTER
                    + " was " + (v == null ? "missing" : "'" + v + "'"));
        }
    }

    /**
     * A number parameter.
     *
     * @param parameters the parameters
     * @param key        its key
     * @return its value
     * @throws ForecastException if it is missing or not a finite number
     */
    public static double number(Map<String, Object> parameters, String key) {
        Object v = parameters.get(key);
        if (!(v instanceof Number) || !Double.isFinite(((Number) v).doubleValue())) {
            throw new ForecastException("parameter '" + key + "' must be a finite number, but was " + v);
        }
        return ((Number) v).doubleValue();
    }

    /**
     * An optional array parameter.
     *
     * @param parameters the parameters
     * @param key        its key
     * @return a copy of its values, or null when absent
     * @throws ForecastException if present but not an array or list of numbers
     */
    public static double[] arrayOrNull(Map<String, Object> parameters, String key) {
        Object v = parameters.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof double[]) {
            return ((double[]) v).clone();
        }
        if (v instanceof List<?>) {
            List<?> list = (List<?>) v;
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number)) {
                    throw new ForecastException("parameter '" + key + "' must hold numbers, but item " + i + " was "
                            + list.get(i));
                }
                out[i] = ((Number) list.get(i)).doubleValue();
            }
            return out;
        }
        throw new ForecastException("parameter '" + key + "' must be an array of numbers, but was " + v);
    }
}
