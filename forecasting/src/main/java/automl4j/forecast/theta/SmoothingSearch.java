package automl4j.forecast.theta;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Minimises a loss over the smoothing parameter alpha in [{@link #MIN_ALPHA}, {@link #MAX_ALPHA}] (the bounds of R's
 * {@code ets}): a grid over the whole range, then Brent's method between the best grid point's neighbours. The other
 * parameters of the theta models are linear given alpha and are solved exactly inside the loss, so this one-dimensional
 * search finds the optimum deterministically, where a Nelder-Mead search over all parameters may stop short of it.
 */
final class SmoothingSearch {
    /** The smallest alpha. */
    static final double MIN_ALPHA = 1e-4;
    /** The largest alpha. */
    static final double MAX_ALPHA = 0.9999;
    private static final int GRID = 40;

    private SmoothingSearch() {
    }

    /**
     * The alpha of smallest loss.
     *
     * @param loss the loss of an alpha; NaN counts as infinite
     * @return the best alpha found
     */
    static double minimise(DoubleUnaryOperator loss) {
        double[] grid = new double[GRID + 1];
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            grid[i] = MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * i / GRID;
            double l = loss.applyAsDouble(grid[i]);
            if (l < bestLoss) {
                bestLoss = l;
                best = i;
            }
        }
        double lo = grid[Math.max(best - 1, 0)];
        double hi = grid[Math.min(best + 1, GRID)];
        UnivariatePointValuePair p = new BrentOptimizer(1e-10, 1e-14).optimize(new MaxEval(200), GoalType.MINIMIZE,
                new SearchInterval(lo, hi, grid[best]), new UnivariateObjectiveFunction(a -> {
                    double l = loss.applyAsDouble(a);
                    return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
                }));
        return p.getValue() <= bestLoss ? p.getPoint() : grid[best];
    }
}
