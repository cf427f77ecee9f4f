package automl4j.forecast.ets;

import java.util.Objects;

/**
 * The form of an exponential smoothing state-space model: error, trend and season, as in Hyndman, Koehler, Ord and
 * Snyder (2008), "Forecasting with exponential smoothing", table 2.1. The short code reads error, trend (with
 * {@code d} when damped), season: {@code ANN} is simple exponential smoothing, {@code AAdN} the damped additive
 * trend, {@code MAM} multiplicative Holt-Winters with multiplicative errors.
 *
 * @param error  how the errors enter: additively or in proportion to the level of the series
 * @param trend  the trend, possibly damped
 * @param season the season
 */
public record EtsForm(Error error, Trend trend, Season season) {
    /** The error component. */
    public enum Error {
        /** Errors added to the one-step forecast. */
        ADDITIVE,
        /** Errors in proportion to the one-step forecast (the series must stay positive). */
        MULTIPLICATIVE
    }

    /** The trend component. */
    public enum Trend {
        /** No trend. */
        NONE,
        /** An additive slope. */
        ADDITIVE,
        /** An additive slope damped by phi at each step. */
        ADDITIVE_DAMPED,
        /** A multiplicative growth rate. */
        MULTIPLICATIVE,
        /** A multiplicative growth rate damped by phi (as a power) at each step. */
        MULTIPLICATIVE_DAMPED;

        boolean damped() {
            return this == ADDITIVE_DAMPED || this == MULTIPLICATIVE_DAMPED;
        }

        boolean multiplicative() {
            return this == MULTIPLICATIVE || this == MULTIPLICATIVE_DAMPED;
        }
    }

    /** The seasonal component. */
    public enum Season {
        /** No season. */
        NONE,
        /** Seasonal effects added to the level. */
        ADDITIVE,
        /** Seasonal factors multiplying the level. */
        MULTIPLICATIVE
    }

    /**
     * A form; every combination is representable, but the automatic selection only uses the restricted set.
     *
     * @param error  the error component
     * @param trend  the trend component
     * @param season the seasonal component
     * @throws NullPointerException if a component is null
     */
    public EtsForm {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(season, "season");
    }

    /**
     * Parses a short code: an error letter ({@code A}, {@code M}), a trend ({@code N}, {@code A}, {@code Ad},
     * {@code M}, {@code Md}) and a season letter ({@code N}, {@code A}, {@code M}), case-sensitive, e.g. {@code
     * MAdM}.
     *
     * @param code the code
     * @return the form
     * @throws IllegalArgumentException if the code is not of that shape
     */
    public static EtsForm parse(String code) {
        Objects.requireNonNull(code, "code");
        boolean damped = code.length() == 4 && code.charAt(2) == 'd';
        if (code.length() != (damped ? 4 : 3)) {
            throw new IllegalArgumentException("ETS form must be error, trend[d], season such as ANN or MAdM, but was '"
                    + code + "'");
        }
        Error error = switchError(code.charAt(0), code);
        Trend trend = switchTrend(code.charAt(1), damped, code);
        Season season = switchSeason(code.charAt(code.length() - 1), code);
        return new EtsForm(error, trend, season);
    }

    private static Error switchError(char c, String code) {
        if (c == 'A') {
            return Error.ADDITIVE;
        }
        if (c == 'M') {
            return Error.MULTIPLICATIVE;
        }
        throw new IllegalArgumentException("ETS error must be A or M, but was '" + c + "' in '" + code + "'");
    }

    private static Trend switchTrend(char c, boolean damped, String code) {
        if (c == 'N' && !damped) {
            return Trend.NONE;
        }
        if (c == 'A') {
            return damped ? Trend.ADDITIVE_DAMPED : Trend.ADDITIVE;
        }
        if (c == 'M') {
            return damped ? Trend.MULTIPLICATIVE_DAMPED : Trend.MULTIPLICATIVE;
        }
        throw new IllegalArgumentException("ETS trend must be N, A, Ad, M or Md, but was '" + code.substring(1,
                code.length() - 1) + "' in '" + code + "'");
    }

    private static Season switchSeason(char c, String code) {
        if (c == 'N') {
            return Season.NONE;
        }
        if (c == 'A') {
            return Season.ADDITIVE;
        }
        if (c == 'M') {
            return Season.MULTIPLICATIVE;
        }
        throw new IllegalArgumentException("ETS season must be N, A or M, but was '" + c + "' in '" + code + "'");
    }

    /**
     * The short code, the inverse of {@link #parse}: {@code MAdM}.
     *
     * @return the code
     */
    public String code() {
        return errorLetter() + trendCode() + seasonLetter();
    }

    /**
     * The conventional name, {@code ETS(M,Ad,M)}.
     *
     * @return the name
     */
    public String label() {
        return "ETS(" + errorLetter() + "," + trendCode() + "," + seasonLetter() + ")";
    }

    /**
     * Whether the model has a trend component.
     *
     * @return true unless the trend is {@link Trend#NONE}
     */
    public boolean hasTrend() {
        return trend != Trend.NONE;
    }

    /**
     * Whether the model has a seasonal component.
     *
     * @return true unless the season is {@link Season#NONE}
     */
    public boolean hasSeason() {
        return season != Season.NONE;
    }

    /**
     * Whether the trend is damped (and so has a parameter phi).
     *
     * @return true for {@code Ad} and {@code Md}
     */
    public boolean damped() {
        return trend.damped();
    }

    /**
     * Whether any component is multiplicative, so that the series must be strictly positive.
     *
     * @return true if the error, trend or season is multiplicative
     */
    public boolean needsPositiveData() {
        return error == Error.MULTIPLICATIVE || trend.multiplicative() || season == Season.MULTIPLICATIVE;
    }

    /**
     * The number of estimated parameters besides the error variance: the smoothing parameters, phi and the free
     * initial states (the seasonal states are normalised, so {@code m - 1} of them are free).
     *
     * @param period the seasonal period
     * @return the count
     */
    public int freeParameters(int period) {
        int k = 2;
        if (hasTrend()) {
            k += 2;
        }
        if (damped()) {
            k += 1;
        }
        if (hasSeason()) {
            k += period;
        }
        return k;
    }

    /** {@return the short code} */
    @Override
    public String toString() {
        return code();
    }

    private String errorLetter() {
        return error == Error.ADDITIVE ? "A" : "M";
    }

    private String trendCode() {
        switch (trend) {
            case NONE:
                return "N";
            case ADDITIVE:
                return "A";
            case ADDITIVE_DAMPED:
                return "Ad";
            case MULTIPLICATIVE:
                return "M";
            default:
                return "Md";
        }
    }

    private String seasonLetter() {
        return season == Season.NONE ? "N" : season == Season.ADDITIVE ? "A" : "M";
    }
}
