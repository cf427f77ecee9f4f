package automl4j.forecast.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/** The closed-form admissibility test against the eigenvalues of the discount matrix D = F - g w'. */
class AdmissibilityTest {
    @Test
    void agreesWithTheEigenvaluesOfTheDiscountMatrix() {
        SplittableRandom random = new SplittableRandom(20);
        Admissibility admissibility = new Admissibility(12);
        int disagreements = 0;
        int inadmissible = 0;
        for (int i = 0; i < 3000; i++) {
            int m = i % 3 == 0 ? 4 : i % 3 == 1 ? 12 : 7;
            boolean trend = random.nextBoolean();
            double phi = trend ? (random.nextBoolean() ? 1 : 0.8 + 0.2 * random.nextDouble()) : 0;
            // wider than the usual region, so that both answers occur
            double alpha = random.nextDouble() * 1.5;
            double beta = trend ? random.nextDouble() * alpha : 0;
            double gamma = random.nextDouble() * 1.2 - 0.2;
            boolean eigen = eigenAdmissible(trend, m, alpha, beta, gamma, phi);
            boolean fast = admissibility.admissible(trend, true, m, alpha, beta, gamma, phi);
            if (!eigen) {
                inadmissible++;
            }
            // points within rounding of the boundary may go either way
            if (eigen != fast && Math.abs(maxModulus(trend, m, alpha, beta, gamma, phi) - 1) > 1e-9) {
                disagreements++;
            }
        }
        assertEquals(0, disagreements);
        assertTrue(inadmissible > 300 && inadmissible < 2700, "both answers tested: " + inadmissible);
    }

    @Test
    void theUsualRegionIsAdmissibleWithoutSeasonAndTheGammaEdgeIsNot() {
        Admissibility admissibility = new Admissibility(1);
        assertTrue(admissibility.admissible(true, false, 1, 0.9999, 0.9999, 0, 0.98));
        assertTrue(admissibility.admissible(false, false, 1, 0.0001, 0, 0, 0));
        Admissibility seasonal = new Admissibility(12);
        assertFalse(seasonal.admissible(false, true, 12, 0.5, 0, 1.6, 0));
    }

    private static boolean eigenAdmissible(boolean trend, int m, double alpha, double beta, double gamma,
                                           double phi) {
        return maxModulus(trend, m, alpha, beta, gamma, phi) < 1;
    }

    /** The largest eigenvalue modulus of D, leaving out the seasonal normalisation's unit root. */
    private static double maxModulus(boolean trend, int m, double alpha, double beta, double gamma, double phi) {
        int dim = m + 2;   // level, slope, s1 (newest) .. sm
        double[][] f = new double[dim][dim];
        f[0][0] = 1;
        f[0][1] = trend ? phi : 0;
        f[1][1] = trend ? phi : 0;
        f[2][dim - 1] = 1;
        for (int k = 3; k < dim; k++) {
            f[k][k - 1] = 1;
        }
        double[] g = {alpha, trend ? beta : 0, gamma};
        double[] w = new double[dim];
        w[0] = 1;
        w[1] = trend ? phi : 0;
        w[dim - 1] = 1;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < dim; c++) {
                f[r][c] -= g[r] * w[c];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(f));
        double[] re = eigen.getRealEigenvalues();
        double[] im = eigen.getImagEigenvalues();
        int unit = -1;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < re.length; i++) {
            double d = Math.hypot(re[i] - 1, im[i]);
            if (d < closest) {
                closest = d;
                unit = i;
            }
        }
        double max = 0;
        for (int i = 0; i < re.length; i++) {
            if (i != unit) {
                max = Math.max(max, Math.hypot(re[i], im[i]));
            }
        }
        return max;
    }
}
