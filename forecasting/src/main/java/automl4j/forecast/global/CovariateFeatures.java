package automl4j.forecast.global;

import automl4j.forecast.model.Covariates;
import automl4j.forecast.model.ForecastException;
import java.util.ArrayList;
import java.util.List;

/**
 * The covariate columns of a global model's row, after its {@link WindowFeatures}: for each covariate known in advance,
 * its value at the target's time and at the last period before the origin (so that a model can tell a past value
 * lifted by a promotion from the level); for each covariate only observed, its last value before the origin and its
 * mean over the last {@code window} periods before it. Covariates are not scaled by the series' level: they are
 * exogenous (a price, a flag), shared in meaning across series.
 *
 * @param known    the number of covariates known in advance
 * @param observed the number of covariates only observed
 * @param window   the periods the observed covariates' mean covers, at least 1
 */
record CovariateFeatures(int known, int observed, int window) {
    /** No covariates: no columns. */
    static final CovariateFeatures NONE = new CovariateFeatures(0, 0, 1);

    CovariateFeatures {
        if (known < 0 || observed < 0 || window < 1) {
            throw new IllegalArgumentException("covariate counts must be >= 0 and the window >= 1, but were " + known + ", "
                    + observed + ", " + window);
        }
    }

    /** The number of columns. */
    int columns() {
        return 2 * known + 2 * observed;
    }

    /** The column names, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>(columns());
        for (int c = 1; c <= known; c++) {
            names.add("known_" + c + "_at_target");
            names.add("known_" + c + "_before_origin");
        }
        for (int c = 1; c <= observed; c++) {
            names.add("observed_" + c + "_last");
            names.add("observed_" + c + "_mean_" + window);
        }
        return names;
    }

    /**
     * Checks that {@code covariates} are of this shape and reach {@code knownTo} and {@code observedTo}.
     *
     * @throws ForecastException if not
     */
    void check(String id, Covariates covariates, int knownTo, int observedTo) {
        if (covariates.knownCount() != known || covariates.observedCount() != observed) {
            throw new ForecastException(id + " was fitted with " + known + " known and " + observed + " observed covariates, but "
                    + "a series has " + covariates.knownCount() + " and " + covariates.observedCount());
        }
        if (known > 0 && covariates.knownLength() < knownTo) {
            throw new ForecastException(id + " needs the known covariates for " + knownTo + " periods, but they reach "
                    + covariates.knownLength());
        }
        if (observed > 0 && covariates.observedLength() < observedTo) {
            throw new ForecastException(id + " needs the observed covariates for " + observedTo + " periods, but they reach "
                    + covariates.observedLength());
        }
    }

    /**
     * Writes the columns of the point {@code step} steps after {@code origin} at {@code offset}: known covariates at
     * index {@code origin + step - 1} and {@code origin - 1}, observed ones before {@code origin} only.
     */
    void fill(Covariates covariates, int origin, int step, float[] out, int offset) {
        fill(covariates, origin, step, origin, out, offset);
    }

    /**
     * As {@link #fill(Covariates, int, int, float[], int)}, with the observed covariates read before
     * {@code observedEnd} when that comes before the origin: a recursive forecast's later steps have origins past the
     * history's end, where nothing was observed.
     */
    void fill(Covariates covariates, int origin, int step, int observedEnd, float[] out, int offset) {
        int c = offset;
        for (int k = 0; k < known; k++) {
            out[c++] = (float) covariates.known(k, origin + step - 1);
            out[c++] = (float) covariates.known(k, origin - 1);
        }
        int end = Math.min(origin, observedEnd);
        int from = Math.max(0, end - window);
        for (int k = 0; k < observed; k++) {
            out[c++] = (float) covariates.observed(k, end - 1);
            double sum = 0;
            for (int t = from; t < end; t++) {
                sum += covariates.observed(k, t);
            }
            out[c++] = (float) (sum / (end - from));
        }
    }
}
