package automl4j.forecast.model;

import java.util.Arrays;

/**
 * One series' covariates, aligned with its history (index 0 is the history's first period): the ones known in
 * advance (a promotion flag, a price plan), which a model may read at the time it forecasts, so they run past the
 * history's end by the horizon when a forecast is asked for; and the ones only observed, which a model may read only
 * before its forecast origin (lagged). Every value is finite: gaps were filled when they were read. Immutable.
 */
public final class Covariates {
    /** No covariates. */
    public static final Covariates NONE = new Covariates(new double[0][], new double[0][]);

    private final double[][] known;
    private final double[][] observed;

    /**
     * Covariates from their values.
     *
     * @param known    per known covariate, its values from the history's first period on (as far as they are known)
     * @param observed per observed covariate, its values from the history's first period on
     * @throws IllegalArgumentException if a value is not finite
     */
    public Covariates(double[][] known, double[][] observed) {
        this.known = copy(known, "known");
        this.observed = copy(observed, "observed");
    }

    private static double[][] copy(double[][] values, String kind) {
        double[][] out = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            out[c] = values[c].clone();
            for (int t = 0; t < out[c].length; t++) {
                if (!Double.isFinite(out[c][t])) {
                    throw new IllegalArgumentException(kind + " covariate " + (c + 1) + " has " + out[c][t] + " at index " + t);
                }
            }
        }
        return out;
    }

    /**
     * The number of covariates known in advance.
     *
     * @return the count
     */
    public int knownCount() {
        return known.length;
    }

    /**
     * The number of covariates only observed.
     *
     * @return the count
     */
    public int observedCount() {
        return observed.length;
    }

    /**
     * Whether there are none.
     *
     * @return true if neither kind has a covariate
     */
    public boolean isEmpty() {
        return known.length == 0 && observed.length == 0;
    }

    /**
     * A known covariate's value.
     *
     * @param c the covariate, from 0
     * @param t the period index from the history's start
     * @return the value
     * @throws IndexOutOfBoundsException if it is not known that far
     */
    public double known(int c, int t) {
        return known[c][t];
    }

    /**
     * An observed covariate's value.
     *
     * @param c the covariate, from 0
     * @param t the period index from the history's start
     * @return the value
     */
    public double observed(int c, int t) {
        return observed[c][t];
    }

    /**
     * How far every known covariate is known: the fewest values of any of them (unbounded without one).
     *
     * @return the length
     */
    public int knownLength() {
        return Arrays.stream(known).mapToInt(k -> k.length).min().orElse(Integer.MAX_VALUE);
    }

    /**
     * How far every observed covariate is observed (unbounded without one).
     *
     * @return the length
     */
    public int observedLength() {
        return Arrays.stream(observed).mapToInt(k -> k.length).min().orElse(Integer.MAX_VALUE);
    }

    /**
     * The covariates as a backtest window from {@code origin} sees them: the observed ones before the origin, the
     * known ones up to the end of its horizon.
     *
     * @param origin  the values before the window's origin
     * @param horizon the window's steps
     * @return the cut covariates
     * @throws IllegalArgumentException if they do not reach that far
     */
    public Covariates cut(int origin, int horizon) {
        if (isEmpty()) {
            return this;
        }
        if (knownLength() < origin + horizon || observedLength() < origin) {
            throw new IllegalArgumentException("the covariates reach " + Math.min(knownLength(), observedLength())
                    + " periods, a window needs " + (origin + horizon));
        }
        double[][] k = new double[known.length][];
        for (int c = 0; c < k.length; c++) {
            k[c] = Arrays.copyOf(known[c], origin + horizon);
        }
        double[][] o = new double[observed.length][];
        for (int c = 0; c < o.length; c++) {
            o[c] = Arrays.copyOf(observed[c], origin);
        }
        return new Covariates(k, o);
    }
}
