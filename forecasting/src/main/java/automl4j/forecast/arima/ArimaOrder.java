package automl4j.forecast.arima;

import automl4j.forecast.model.ForecastException;

/**
 * The form of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model: the orders, the seasonal period and whether it has a constant
 * (a mean when nothing is differenced, a drift when exactly one difference is taken; never with two or more, where a
 * constant would be a quadratic trend).
 */
public final class ArimaOrder {
    private final int p;
    private final int d;
    private final int q;
    private final int seasonalP;
    private final int seasonalD;
    private final int seasonalQ;
    private final int period;
    private final boolean constant;

    /**
     * An order.
     *
     * @param p         non-seasonal AR order
     * @param d         non-seasonal differences
     * @param q         non-seasonal MA order
     * @param seasonalP seasonal AR order
     * @param seasonalD seasonal differences
     * @param seasonalQ seasonal MA order
     * @param period    the seasonal period m, at least 1 (the seasonal orders must be 0 when it is 1)
     * @param constant  whether there is a mean (d + D = 0) or a drift (d + D = 1)
     * @throws ForecastException if an order is negative, seasonal orders are given without a period, or a constant is
     *                           asked for with two or more differences
     */
    public ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
                      boolean constant) {
        if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0 || period < 1) {
            throw new ForecastException("ARIMA orders must be non-negative and the period at least 1");
        }
        if (period == 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
            throw new ForecastException("seasonal ARIMA orders need a seasonal period above 1");
        }
        if (constant && d + seasonalD > 1) {
            throw new ForecastException("an ARIMA model with d + D > 1 cannot have a constant");
        }
        this.p = p;
        this.d = d;
        this.q = q;
        this.seasonalP = seasonalP;
        this.seasonalD = seasonalD;
        this.seasonalQ = seasonalQ;
        this.period = period;
        this.constant = constant;
    }

    /** @return the non-seasonal AR order p */
    public int p() {
        return p;
    }

    /** @return the number of non-seasonal differences d */
    public int d() {
        return d;
    }

    /** @return the non-seasonal MA order q */
    public int q() {
        return q;
    }

    /** @return the seasonal AR order P */
    public int seasonalP() {
        return seasonalP;
    }

    /** @return the number of seasonal differences D */
    public int seasonalD() {
        return seasonalD;
    }

    /** @return the seasonal MA order Q */
    public int seasonalQ() {
        return seasonalQ;
    }

    /** @return the seasonal period m */
    public int period() {
        return period;
    }

    /** @return whether the model has a mean or a drift */
    public boolean constant() {
        return constant;
    }

    /** @return the number of values differencing takes off the start of a series, {@code d + m D} */
    public int lostToDifferencing() {
        return d + period * seasonalD;
    }

    /** @return the number of estimated coefficients, constant included, innovation variance not */
    public int coefficientCount() {
        return p + q + seasonalP + seasonalQ + (constant ? 1 : 0);
    }

    /** @return whether the model has seasonal terms (and so prints its seasonal part) */
    boolean seasonal() {
        return seasonalP + seasonalD + seasonalQ > 0;
    }

    /**
     * The same order with other AR/MA orders and constant (the differences and period kept).
     *
     * @param np  p
     * @param nq  q
     * @param nsp P
     * @param nsq Q
     * @param c   constant
     * @return the order
     */
    ArimaOrder with(int np, int nq, int nsp, int nsq, boolean c) {
        return new ArimaOrder(np, d, nq, nsp, seasonalD, nsq, period, c);
    }

    /**
     * As {@code forecast} prints it: {@code ARIMA(0,1,1)(0,1,1)[12]}, {@code ARIMA(1,1,0) with drift}, {@code
     * ARIMA(2,0,0) with non-zero mean}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ARIMA(").append(p).append(',').append(d).append(',').append(q).append(')');
        if (seasonal()) {
            s.append('(').append(seasonalP).append(',').append(seasonalD).append(',').append(seasonalQ).append(")[")
                .append(period).append(']');
        }
        if (constant) {
            s.append(d + seasonalD == 0 ? " with non-zero mean" : " with drift");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArimaOrder)) {
            return false;
        }
        ArimaOrder x = (ArimaOrder) o;
        return p == x.p && d == x.d && q == x.q && seasonalP == x.seasonalP && seasonalD == x.seasonalD
            && seasonalQ == x.seasonalQ && period == x.period && constant == x.constant;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(p, d, q, seasonalP, seasonalD, seasonalQ, period, constant);
    }
}
