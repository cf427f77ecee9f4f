package automl4j.searchers.surrogate;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A Gaussian process with a zero prior mean, unit prior variance and an isotropic Matérn 5/2 kernel, fitted to
 * standardized targets. The length scale is the one of {@link #LENGTH_SCALES} with the highest marginal likelihood.
 * Linear algebra by Commons Math (Cholesky).
 */
final class GaussianProcess {
    static final double[] LENGTH_SCALES = {0.1, 0.2, 0.4, 0.8};
    static final double NOISE = 1e-2;

    private final List<double[]> points;
    private final double lengthScale;
    private final DecompositionSolver solver;
    private final RealVector alpha;

    private GaussianProcess(List<double[]> points, double lengthScale, DecompositionSolver solver, RealVector alpha) {
        this.points = points;
        this.lengthScale = lengthScale;
        this.solver = solver;
        this.alpha = alpha;
    }

    /** The process through {@code points} with targets {@code y} (already standardized); no points gives the prior. */
    static GaussianProcess fit(List<double[]> points, double[] y) {
        if (points.isEmpty()) {
            return new GaussianProcess(points, LENGTH_SCALES[0], null, null);
        }
        GaussianProcess best = null;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (double ls : LENGTH_SCALES) {
            RealMatrix k = new Array2DRowRealMatrix(points.size(), points.size());
            for (int i = 0; i < points.size(); i++) {
                for (int j = 0; j <= i; j++) {
                    double v = kernel(points.get(i), points.get(j), ls) + (i == j ? NOISE : 0);
                    k.setEntry(i, j, v);
                    k.setEntry(j, i, v);
                }
            }
            CholeskyDecomposition chol;
            try {
                chol = new CholeskyDecomposition(k, 1e-10, 1e-12);
            } catch (NonPositiveDefiniteMatrixException e) {
                continue;
            }
            DecompositionSolver solver = chol.getSolver();
            RealVector target = new ArrayRealVector(y, false);
            RealVector alpha = solver.solve(target);
            double logDet = 0;
            RealMatrix l = chol.getL();
            for (int i = 0; i < points.size(); i++) {
                logDet += 2 * Math.log(l.getEntry(i, i));
            }
            double likelihood = -0.5 * target.dotProduct(alpha) - 0.5 * logDet;
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = new GaussianProcess(points, ls, solver, alpha);
            }
        }
        return best != null ? best : new GaussianProcess(List.of(), LENGTH_SCALES[0], null, null);
    }

    /** Posterior mean and standard deviation at {@code x}. */
    double[] predict(double[] x) {
        if (points.isEmpty()) {
            return new double[] {0, 1};
        }
        double[] k = new double[points.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kernel(x, points.get(i), lengthScale);
        }
        RealVector kv = new ArrayRealVector(k, false);
        double mean = kv.dotProduct(alpha);
        double var = 1 - kv.dotProduct(solver.solve(kv));
        return new double[] {mean, Math.sqrt(Math.max(var, 1e-12))};
    }

    static double kernel(double[] a, double[] b, double lengthScale) {
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            d2 += (a[i] - b[i]) * (a[i] - b[i]);
        }
        double r = Math.sqrt(5 * d2) / lengthScale;
        return (1 + r + r * r / 3) * Math.exp(-r);
    }
}
