package automl4j.forecast.global;

import automl4j.data.Regression;
import automl4j.forecast.model.ForecastException;
import automl4j.learn.Learner;
import automl4j.space.Config;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the engine's learners by id with {@link ServiceLoader} (as the engine's plug-in registry does), so that this
 * module depends on no learner at compile time, and gives their configs for global forecasting.
 */
final class Learners {
    private Learners() {
    }

    /**
     * The learner with this id on the class path.
     *
     * @param forecasterId the global forecaster's id, for messages
     * @param learnerId    the learner's id, such as {@code lightgbm}
     * @return the learner
     * @throws ForecastException if none is on the class path or it cannot do regression
     */
    static Learner find(String forecasterId, String learnerId) {
        for (Learner learner : ServiceLoader.load(Learner.class)) {
            if (learner.id().equals(learnerId)) {
                if (!learner.tasks().contains(Regression.class)) {
                    throw new ForecastException(forecasterId + " needs learner '" + learnerId + "' to do regression, but it does not");
                }
                return learner;
            }
        }
        throw new ForecastException(forecasterId + " needs learner '" + learnerId + "', which is not on the class path "
                + "(add its module, such as automl-learners-" + learnerId.replaceFirst("^tribuo-.*", "tribuo") + ")");
    }

    /**
     * The learner's default regression config with {@code overrides} applied to the names it has.
     *
     * @param learner   the learner
     * @param overrides values by hyperparameter name
     * @return the config
     * @throws ForecastException if the result lies outside the learner's space
     */
    static Config config(Learner learner, Map<String, Object> overrides) {
        Regression task = new Regression();
        Map<String, Object> values = new TreeMap<>(learner.defaultConfig(task).values());
        overrides.forEach((name, value) -> values.computeIfPresent(name, (k, old) -> value));
        if (!learner.space(task).contains(values)) {
            throw new ForecastException("the global config " + values + " lies outside learner '" + learner.id() + "''s space");
        }
        return Config.of(learner.id(), values);
    }
}
