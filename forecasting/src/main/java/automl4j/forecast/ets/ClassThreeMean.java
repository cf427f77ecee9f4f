package automl4j.forecast.ets;

/**
 * The forecast mean of the ETS forms with multiplicative errors and a multiplicative season (and a trend that is
 * not multiplicative), "class 3" in Hyndman et al. (2008), chapter 6, beyond the first cycle.
 *
 * <p>Derivation (ours, from the model equations). Step j forecasts {@code y = T s (1 + e)}, with T the level and
 * trend part and s the seasonal state of one period before. For {@code j > m} that state was updated at the earlier
 * steps {@code p_i = j - i m} by factors {@code (1 + gamma e_p)}, and T depends on the same errors: at step p the
 * level moves by {@code alpha T e_p}, the slope by {@code beta T e_p}, and after d more steps with zero expected error
 * they reach T as {@code alpha + c(d) beta} times {@code T_p e_p}, with {@code c(d) = phi + ... + phi^d}. The errors
 * are independent with mean 0 and variance sigma^2, so expanding the product, each chain of steps {@code p_1 < ... <
 * p_r} contributes {@code T_p1 * prod gamma sigma^2 (alpha + c(gap) beta)} over the gaps between consecutive chain
 * steps and to j. With one cycle back this is the familiar factor {@code 1 + alpha gamma sigma^2} of ETS(M,N,M).
 * R's forecasts match this to 1e-10 on the fixture series.
 */
final class ClassThreeMean {
    private ClassThreeMean() {
    }

    /**
     * The expected value of T times the product of the seasonal update factors at step j (1-based, {@code j > m}).
     *
     * @param trend the zero-error level and trend parts of steps 1..j (at least j values)
     */
    static double trendTimesSeason(double[] trend, int j, int m, EtsModel model, double sigma2) {
        int k = (j - 1) / m;   // seasonal updates between now and step j, at steps j - m, j - 2m, ..., j - k m
        double[] chain = new double[k + 1];   // chain[i]: sum of chains starting at step j - i m, without T
        double total = trend[j - 1];
        for (int i = 1; i <= k; i++) {
            double sum = 0;
            for (int next = 0; next < i; next++) {   // next = 0 is step j itself, the end of the chain
                double link = model.gamma * sigma2 * (model.alpha + damping(model, (i - next) * m) * model.beta);
                sum += link * (next == 0 ? 1 : chain[next]);
            }
            chain[i] = sum;
            total += trend[j - i * m - 1] * sum;
        }
        return total;
    }

    /** {@code phi + phi^2 + ... + phi^d}, or d without damping. */
    private static double damping(EtsModel model, int d) {
        if (!model.form.damped()) {
            return d;
        }
        double sum = 0;
        double power = 1;
        for (int i = 1; i <= d; i++) {
            power *= model.phi;
            sum += power;
        }
        return sum;
    }
}
