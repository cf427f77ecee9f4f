package automl4j.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The hyperparameters of one learner: an ordered list of parameters with distinct names.
 *
 * @param params the parameters, in a fixed order (the order of unit-cube coordinates)
 */
public record SearchSpace(List<Param> params) {
    public SearchSpace {
        params = List.copyOf(params);
        Set<String> names = new HashSet<>();
        for (Param p : params) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter name '" + p.name() + "' appears twice in a search space");
            }
        }
    }

    /** A space of the given parameters. */
    public static SearchSpace of(Param... params) {
        return new SearchSpace(List.of(params));
    }

    /** Number of parameters. */
    public int size() {
        return params.size();
    }

    /** Draws a value for every parameter. */
    public Map<String, Object> sample(SplittableRandom random) {
        Map<String, Object> values = new TreeMap<>();
        for (Param p : params) {
            values.put(p.name(), p.sample(random));
        }
        return values;
    }

    /** True if {@code values} has exactly this space's parameters, each inside its range. */
    public boolean contains(Map<String, Object> values) {
        if (values.size() != params.size()) {
            return false;
        }
        for (Param p : params) {
            if (!p.contains(values.get(p.name()))) {
                return false;
            }
        }
        return true;
    }

    /** The values as a point in the unit cube, in parameter order. */
    public double[] toUnit(Map<String, Object> values) {
        double[] u = new double[params.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = params.get(i).toUnit(values.get(params.get(i).name()));
        }
        return u;
    }

    /** The values at a point of the unit cube (coordinates are clamped into [0, 1]). */
    public Map<String, Object> fromUnit(double[] u) {
        if (u.length != params.size()) {
            throw new IllegalArgumentException("point must have " + params.size() + " coordinates, but had " + u.length);
        }
        Map<String, Object> values = new TreeMap<>();
        for (int i = 0; i < u.length; i++) {
            values.put(params.get(i).name(), params.get(i).fromUnit(u[i]));
        }
        return values;
    }

    /** Parameter names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.name()));
        return names;
    }
}
