package automl4j.forecast.arima;

import automl4j.forecast.model.FittedForecaster;
import java.util.Arrays;
import java.util.Map;

/**
 * An ARIMA model run over one history: its exact likelihood there, its one-step errors and the state it forecasts
 * from. Immutable.
 */
public final class FittedArima implements FittedForecaster {
    private final ArimaModel model;
    private final double[] history;
    private final ArmaKalmanFilter.Run run;
    private final double sigma2;
    private final double logLikelihood;

    FittedArima(ArimaModel model, double[] history, ArmaKalmanFilter.Run run) {
        this.model = model;
        this.history = history.clone();
        this.run = run;
        int n = run.errors.length;
        double ss = run.sumOfSquares();
        this.logLikelihood = -0.5 * (n * (Math.log(2 * Math.PI * ss / n) + 1) + run.sumLogVariances());
        // the likelihood's own estimate ss / n is biased down by the coefficients fitted; forecast reports (and
        // builds its intervals on) ss / (n - k), and so does this
        int dof = n - model.order().coefficientCount();
        this.sigma2 = ss / (dof > 0 ? dof : n);
    }

    /** @return the model (form and coefficients) */
    public ArimaModel model() {
        return model;
    }

    /**
     * The innovation variance estimate: the sum of squared standardised one-step errors over the observations less
     * the coefficients.
     *
     * @return the estimate
     */
    public double sigma2() {
        return sigma2;
    }

    /** @return the exact Gaussian log-likelihood of the differenced history, the variance concentrated out */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the number of values the likelihood covers, the history's length less the differences */
    public int observations() {
        return run.errors.length;
    }

    /** @return AIC corrected for small samples, counting the innovation variance as a parameter */
    public double aicc() {
        int k = model.order().coefficientCount() + 1;
        int n = observations();
        double aic = -2 * logLikelihood + 2 * k;
        return n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double[] forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
        double[] z = run.forecast(horizon);
        double mu = model.differencedMean();
        double[] delta = differencing();
        int k = delta.length - 1;
        int n = history.length;
        double[] x = Arrays.copyOf(history, n + horizon);
        for (int h = 0; h < horizon; h++) {
            double v = z[h] + mu;
            for (int i = 1; i <= k; i++) {
                v -= delta[i] * x[n + h - i];
            }
            x[n + h] = v;
        }
        return Arrays.copyOfRange(x, n, n + horizon);
    }

    /**
     * The variances of the forecast errors of the next {@code horizon} values, {@code sigma2 sum_{j<h} psi_j^2} over
     * the psi-weights of the whole model (differences included), for prediction intervals. They ignore the
     * uncertainty of the estimated coefficients, as {@code forecast} does.
     *
     * @param horizon the number of steps
     * @return the variances
     */
    public double[] forecastVariances(int horizon) {
        double[] phi = Polynomials.multiply(arPolynomial(), differencing());
        double[] theta = new double[model.fullMa().length + 1];
        theta[0] = 1;
        System.arraycopy(model.fullMa(), 0, theta, 1, theta.length - 1);
        double[] psi = Polynomials.psiWeights(phi, theta, horizon);
        double[] v = new double[horizon];
        double s = 0;
        for (int h = 0; h < horizon; h++) {
            s += psi[h] * psi[h];
            v[h] = sigma2 * s;
        }
        return v;
    }

    @Override
    public double[] fitted() {
        int lost = model.order().lostToDifferencing();
        double[] f = new double[history.length];
        Arrays.fill(f, 0, lost, Double.NaN);
        for (int t = lost; t < history.length; t++) {
            f[t] = history[t] - run.errors[t - lost];
        }
        return f;
    }

    @Override
    public String description() {
        return model.order().toString();
    }

    @Override
    public Map<String, Object> parameters() {
        return ArimaParameters.write(model, sigma2);
    }

    private double[] differencing() {
        ArimaOrder o = model.order();
        return Polynomials.differencing(o.d(), o.seasonalD(), o.period());
    }

    private double[] arPolynomial() {
        double[] phi = model.fullAr();
        double[] c = new double[phi.length + 1];
        c[0] = 1;
        for (int i = 0; i < phi.length; i++) {
            c[i + 1] = -phi[i];
        }
        return c;
    }

    @Override
    public String toString() {
        return description() + " sigma2=" + sigma2 + " loglik=" + logLikelihood;
    }
}
