package automl4j.space;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A categorical hyperparameter: one of a fixed list of strings.
 *
 * @param name    name
 * @param options the allowed values, at least one, no duplicates
 */
public record ChoiceParam(String name, List<String> options) implements Param {
    public ChoiceParam {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs at least one option");
        }
        if (options.stream().distinct().count() != options.size()) {
            throw new IllegalArgumentException(name + ": options must be distinct, but were " + options);
        }
    }

    @Override
    public Object sample(SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof String s && options.contains(s);
    }

    @Override
    public double toUnit(Object value) {
        return (options.indexOf(value) + 0.5) / options.size();
    }

    @Override
    public Object fromUnit(double u) {
        int i = (int) Math.floor(Param.clampUnit(u) * options.size());
        return options.get(Math.min(options.size() - 1, i));
    }
}
