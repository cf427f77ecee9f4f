package automl4j.space;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An integer hyperparameter in [{@code low}, {@code high}], optionally sampled on a log scale.
 *
 * @param name name
 * @param low  smallest value, inclusive
 * @param high largest value, inclusive
 * @param log  sample uniformly in log space (requires {@code low >= 1})
 */
public record IntParam(String name, int low, int high, boolean log) implements Param {
    public IntParam {
        Objects.requireNonNull(name, "name");
        if (low > high) {
            throw new IllegalArgumentException(name + ": low must be <= high, but was " + low + " > " + high);
        }
        if (log && low < 1) {
            throw new IllegalArgumentException(name + ": a log-scale range must start at >= 1, but was " + low);
        }
    }

    @Override
    public Object sample(SplittableRandom random) {
        return fromUnit(random.nextDouble());
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Integer i && i >= low && i <= high;
    }

    @Override
    public double toUnit(Object value) {
        int v = (Integer) value;
        if (low == high) {
            return 0.5;
        }
        // Map to the centre of the value's cell so toUnit/fromUnit round-trip exactly.
        if (log) {
            double lo = Math.log(low);
            double hi = Math.log(high + 1.0);
            return Param.clampUnit((Math.log(v + 0.5) - lo) / (hi - lo));
        }
        return Param.clampUnit((v - low + 0.5) / (high - low + 1.0));
    }

    @Override
    public Object fromUnit(double u) {
        double x = Param.clampUnit(u);
        int v;
        if (log) {
            double lo = Math.log(low);
            double hi = Math.log(high + 1.0);
            v = (int) Math.floor(Math.exp(lo + x * (hi - lo)));
        } else {
            v = low + (int) Math.floor(x * (high - low + 1.0));
        }
        return Math.max(low, Math.min(high, v));
    }
}
