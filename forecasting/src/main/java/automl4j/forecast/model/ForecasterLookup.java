package automl4j.forecast.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds forecasters by id: how a saved model gets back the forecasters it names. */
public interface ForecasterLookup {
    /**
     * The local forecaster of an id.
     *
     * @param id the id
     * @return the forecaster, or empty if none has that id
     */
    Optional<Forecaster> local(String id);

    /**
     * The global forecaster of an id.
     *
     * @param id the id
     * @return the forecaster, or empty if none has that id
     */
    Optional<GlobalForecaster> global(String id);

    /**
     * A lookup over the forecasters given.
     *
     * @param locals  local forecasters
     * @param globals global forecasters
     * @return the lookup
     */
    static ForecasterLookup of(Collection<? extends Forecaster> locals, Collection<? extends GlobalForecaster> globals) {
        Map<String, Forecaster> l = new LinkedHashMap<>();
        locals.forEach(f -> l.put(f.id(), f));
        Map<String, GlobalForecaster> g = new LinkedHashMap<>();
        globals.forEach(f -> g.put(f.id(), f));
        return new ForecasterLookup() {
            @Override
            public Optional<Forecaster> local(String id) {
                return Optional.ofNullable(l.get(id));
            }

            @Override
            public Optional<GlobalForecaster> global(String id) {
                return Optional.ofNullable(g.get(id));
            }
        };
    }
}
