package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** The pieces under the likelihood: the PACF map, the stationary state covariance, polynomials. */
class ArimaNumericsTest {
    @Test
    void partialAutocorrelationsRoundTripAndGiveStationaryPolynomials() {
        qt().withFixedSeed(20).forAll(integers().between(1, 6), doubles().between(-0.95, 0.95),
            doubles().between(-0.95, 0.95)).checkAssert((p, a, b) -> {
                double[] pacf = new double[p];
                for (int i = 0; i < p; i++) {
                    pacf[i] = i % 2 == 0 ? a : b;
                }
                double[] phi = PartialAutocorrelations.toCoefficients(pacf);
                assertArrayEquals(pacf, PartialAutocorrelations.fromCoefficients(phi, 0.999), 1e-9);
                assertTrue(Polynomials.smallestRootModulus(Polynomials.lagPolynomial(phi, 1, -1)) > 1);
            });
    }

    @Test
    void stationaryCovarianceSolvesTheLyapunovEquation() {
        double[][] phis = {{0.5, -0.3}, {}, {0.9}, {0.2, 0, 0, 0.6, -0.12}};
        double[][] thetas = {{0.4}, {0.3, -0.2}, {}, {-0.5, 0, 0, -0.7, 0.35}};
        for (int c = 0; c < phis.length; c++) {
            double[] phi = phis[c];
            double[] theta = thetas[c];
            int r = Math.max(phi.length, theta.length + 1);
            double[][] p0 = StationaryCovariance.of(phi, theta, r);
            // the sum of T^k R R' T'^k, long enough for the slowest root here
            double[] v = new double[r];
            v[0] = 1;
            System.arraycopy(theta, 0, v, 1, theta.length);
            double[][] sum = new double[r][r];
            for (int k = 0; k < 3000; k++) {
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        sum[i][j] += v[i] * v[j];
                    }
                }
                double[] nv = new double[r];
                for (int i = 0; i < r; i++) {
                    nv[i] = (i < phi.length ? phi[i] * v[0] : 0) + (i + 1 < r ? v[i + 1] : 0);
                }
                v = nv;
            }
            for (int i = 0; i < r; i++) {
                assertArrayEquals(sum[i], p0[i], 1e-9 * Math.max(1, Math.abs(sum[0][0])), "case " + c + " row " + i);
            }
        }
        assertEquals(1 / (1 - 0.81), StationaryCovariance.autocovariances(new double[] {0.9}, new double[0], 0)[0],
            1e-12);
    }

    @Test
    void differencingAndPsiWeights() {
        assertArrayEquals(new double[] {1, -1, 0, 0, -1, 1}, Polynomials.differencing(1, 1, 4), 0);
        double[] w = Polynomials.apply(new double[] {1, 4, 9, 16, 25}, Polynomials.differencing(2, 0, 1));
        assertArrayEquals(new double[] {2, 2, 2}, w, 0);
        // (1 - 0.5 B) psi(B) = 1 + 0.3 B: psi = 1, 0.8, 0.4, 0.2
        assertArrayEquals(new double[] {1, 0.8, 0.4, 0.2},
            Polynomials.psiWeights(new double[] {1, -0.5}, new double[] {1, 0.3}, 4), 1e-12);
    }
}
