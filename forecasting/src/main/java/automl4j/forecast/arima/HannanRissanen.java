package automl4j.forecast.arima;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Starting values for an ARMA fit by the two regressions of Hannan and Rissanen (1982): a long autoregression
 * estimates the innovations, then the series is regressed on its own lags and the estimated innovations' lags
 * (seasonal lags as separate terms, their products ignored). Starting the likelihood search there as well as from zero
 * keeps it out of the wrong one of the two basins an ARMA(1,1)-like likelihood often has.
 */
final class HannanRissanen {
    private HannanRissanen() {
    }

    /**
     * Starting coefficients for {@code order} on the differenced series {@code w}.
     *
     * @param order the order
     * @param w     the differenced series
     * @param mean  the mean to remove (the constant's start, or 0)
     * @return ar, ma, sar, sma (in that order), or null when the series is too short for the regressions
     */
    static double[][] start(ArimaOrder order, double[] w, double mean) {
        int m = order.period();
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        int sq = order.seasonalQ();
        int n = w.length;
        int span = Math.max(p + m * sp, q + m * sq);
        int longAr = Math.max(span + 1, Math.min(n / 4, 2 * span + 2));
        int k = p + q + sp + sq;
        if (k == 0 || n - longAr - span < 2 * k + 4 || n - longAr < 2 * longAr) {
            return null;
        }
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = w[t] - mean;
        }
        double[] b = regress(z, longAr, n, longAr, (t, j) -> z[t - 1 - j]);
        if (b == null) {
            return null;
        }
        double[] e = new double[n];
        for (int t = longAr; t < n; t++) {
            double v = z[t];
            for (int j = 0; j < longAr; j++) {
                v -= b[j] * z[t - 1 - j];
            }
            e[t] = v;
        }
        int[] lags = new int[k];
        boolean[] onE = new boolean[k];
        int c = 0;
        for (int i = 1; i <= p; i++) {
            lags[c++] = i;
        }
        for (int i = 1; i <= q; i++) {
            onE[c] = true;
            lags[c++] = i;
        }
        for (int i = 1; i <= sp; i++) {
            lags[c++] = i * m;
        }
        for (int i = 1; i <= sq; i++) {
            onE[c] = true;
            lags[c++] = i * m;
        }
        double[] g = regress(z, longAr + span, n, k, (t, j) -> onE[j] ? e[t - lags[j]] : z[t - lags[j]]);
        if (g == null) {
            return null;
        }
        double[][] out = {new double[p], new double[q], new double[sp], new double[sq]};
        System.arraycopy(g, 0, out[0], 0, p);
        System.arraycopy(g, p, out[1], 0, q);
        System.arraycopy(g, p + q, out[2], 0, sp);
        System.arraycopy(g, p + q + sp, out[3], 0, sq);
        return out;
    }

    private interface Regressor {
        double at(int t, int j);
    }

    private static double[] regress(double[] y, int from, int to, int k, Regressor x) {
        int rows = to - from;
        double[][] a = new double[rows][k];
        double[] rhs = new double[rows];
        for (int t = from; t < to; t++) {
            for (int j = 0; j < k; j++) {
                a[t - from][j] = x.at(t, j);
            }
            rhs[t - from] = y[t];
        }
        try {
            RealVector s = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-10).getSolver()
                .solve(new ArrayRealVector(rhs, false));
            double[] r = s.toArray();
            for (double v : r) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            return r;
        } catch (SingularMatrixException ex) {
            return null;
        }
    }
}
