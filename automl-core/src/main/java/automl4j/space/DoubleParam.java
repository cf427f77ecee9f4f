package automl4j.space;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A real hyperparameter in [{@code low}, {@code high}], optionally sampled on a log scale.
 *
 * @param name name
 * @param low  smallest value, inclusive, finite
 * @param high largest value, inclusive, finite
 * @param log  sample uniformly in log space (requires {@code low > 0})
 */
public record DoubleParam(String name, double low, double high, boolean log) implements Param {
    public DoubleParam {
        Objects.requireNonNull(name, "name");
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException(name + ": range must be finite with low <= high, but was [" + low + ", " + high + "]");
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException(name + ": a log-scale range must start above 0, but was " + low);
        }
    }

    @Override
    public Object sample(SplittableRandom random) {
        return fromUnit(random.nextDouble());
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Double d && d >= low && d <= high;
    }

    @Override
    public double toUnit(Object value) {
        double v = (Double) value;
        if (low == high) {
            return 0.5;
        }
        if (log) {
            return Param.clampUnit((Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)));
        }
        return Param.clampUnit((v - low) / (high - low));
    }

    @Override
    public Object fromUnit(double u) {
        double x = Param.clampUnit(u);
        double v = log ? Math.exp(Math.log(low) + x * (Math.log(high) - Math.log(low))) : low + x * (high - low);
        return Math.max(low, Math.min(high, v));
    }
}
