package automl4j.forecast;

import automl4j.forecast.arima.ArimaForecaster;
import automl4j.forecast.ets.EtsForecaster;
import automl4j.forecast.global.LearnedGlobalForecaster;
import automl4j.forecast.model.ForecasterLookup;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.model.GlobalForecaster;
import automl4j.forecast.model.Naive2Forecaster;
import automl4j.forecast.model.NaiveForecaster;
import automl4j.forecast.model.SeasonalNaiveForecaster;
import automl4j.forecast.theta.DynamicOptimisedThetaForecaster;
import automl4j.forecast.theta.ThetaForecaster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The per-series forecasters of this module, by id. A new forecaster is added with one line in {@link #KNOWN}. The
 * forecasters are immutable, so one instance per id is shared; thread-safe.
 */
public final class Forecasters {
    /** Every known forecaster, in the order {@link #ids()} lists them. */
    private static final List<Supplier<Forecaster>> KNOWN = List.of(
            NaiveForecaster::new,
            SeasonalNaiveForecaster::new,
            Naive2Forecaster::new,
            ThetaForecaster::new,
            DynamicOptimisedThetaForecaster::new,
            EtsForecaster::new,
            ArimaForecaster::automatic);

    private static final Map<String, Forecaster> BY_ID = index();

    private Forecasters() {
    }

    private static Map<String, Forecaster> index() {
        Map<String, Forecaster> m = new LinkedHashMap<>();
        for (Supplier<Forecaster> s : KNOWN) {
            Forecaster f = s.get();
            Forecaster before = m.putIfAbsent(f.id(), f);
            if (before != null) {
                throw new IllegalStateException("forecaster id '" + f.id() + "' is provided by both "
                        + before.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The forecaster with that id.
     *
     * @param id the id, such as {@code theta}
     * @return the forecaster
     * @throws IllegalArgumentException if no forecaster has that id; the message lists the known ids
     */
    public static Forecaster byId(String id) {
        Forecaster f = BY_ID.get(id);
        if (f == null) {
            throw new IllegalArgumentException("forecaster '" + id + "' is unknown; known are " + ids());
        }
        return f;
    }

    /**
     * The known ids.
     *
     * @return an unmodifiable list, in registration order
     */
    public static List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(BY_ID.keySet()));
    }

    /** The global forecasters' ids: one model learned across all series. */
    private static final List<String> GLOBAL_IDS = List.of("global-lightgbm", "global-xgboost", "global-linear");

    /**
     * The ids the forecasting search tries by default, cheap ones first: every known local forecaster.
     *
     * @return the ids
     */
    public static List<String> defaults() {
        return ids();
    }

    /**
     * The global forecasters' ids ({@code global-lightgbm}, {@code global-xgboost}, {@code global-linear}), whether or
     * not their learners are on the class path.
     *
     * @return the ids
     */
    public static List<String> globalIds() {
        return GLOBAL_IDS;
    }

    /**
     * Whether {@code id} names a global forecaster.
     *
     * @param id the id
     * @return true for a global one
     */
    public static boolean isGlobal(String id) {
        return GLOBAL_IDS.contains(id);
    }

    /**
     * The global forecaster with that id.
     *
     * @param id the id
     * @return the forecaster
     * @throws IllegalArgumentException if no global forecaster has that id, or its learner is not on the class path
     */
    public static GlobalForecaster globalById(String id) {
        if (!isGlobal(id)) {
            throw new IllegalArgumentException("global forecaster '" + id + "' is unknown; known are " + GLOBAL_IDS);
        }
        LearnedGlobalForecaster g = LearnedGlobalForecaster.byId(id);
        if (!g.available()) {
            throw new IllegalArgumentException("global forecaster '" + id + "' needs its learner on the class path");
        }
        return g;
    }

    /**
     * The global ids the search tries by default: the tree models whose learners are on the class path.
     *
     * @return the ids, possibly none
     */
    public static List<String> defaultGlobals() {
        return GLOBAL_IDS.stream().filter(id -> !id.equals("global-linear"))
                .filter(id -> LearnedGlobalForecaster.byId(id).available()).toList();
    }

    /**
     * A lookup over every known forecaster, local and global (those whose learners are on the class path), for loading
     * saved models.
     *
     * @return the lookup
     */
    public static ForecasterLookup lookup() {
        List<GlobalForecaster> globals = new ArrayList<>();
        GLOBAL_IDS.stream().map(LearnedGlobalForecaster::byId).filter(LearnedGlobalForecaster::available).forEach(globals::add);
        return ForecasterLookup.of(BY_ID.values(), globals);
    }
}
