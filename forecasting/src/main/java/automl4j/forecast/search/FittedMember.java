package automl4j.forecast.search;

import java.util.Map;

/**
 * A model of a series' ensemble as fitted on its whole history: what a saved model needs to forecast the series again.
 *
 * @param id          the forecaster's id
 * @param weight      its weight in the series' ensemble (the weights of a series sum to one)
 * @param description what was fitted, for people ({@code ETS(M,Ad,M)})
 * @param parameters  its form and parameters, as {@link automl4j.forecast.model.Forecaster#restore} takes them
 */
public record FittedMember(String id, double weight, String description, Map<String, Object> parameters) {
    /** Copies the parameters. */
    public FittedMember {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
