package automl4j.engine;

import automl4j.execute.TrialEvaluator;
import automl4j.learn.Learner;
import automl4j.search.Portfolio;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import automl4j.space.Param;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the search starts: the joint space of the searched learners' hyperparameters and the featurization choices,
 * and the configs tried before the searcher proposes (the warm start).
 *
 * @param space         the joint search space
 * @param initial       the configs tried first, in order
 * @param relativeCosts the learners' relative costs by id when the search should expect a learner's first trial to
 *                      take as long as the others' scaled by cost (on sparse text features, where costs differ most);
 *                      else empty
 */
record SearchStart(JointSpace space, List<Config> initial, Map<String, Double> relativeCosts) {
    /** Learners at most this relative cost have their defaults tried before the portfolio. */
    static final double CHEAP = 1.0;

    SearchStart {
        initial = List.copyOf(initial);
        relativeCosts = Collections.unmodifiableMap(new LinkedHashMap<>(relativeCosts));
    }

    /**
     * The space of {@code learners} with {@code featurized}'s choices, and the warm start: the defaults of the cheap
     * learners (a first model within seconds, even on large data), the {@code portfolio}'s configs that fit this run,
     * then the defaults of the other learners, cheapest first. On sparse (text) features the learners cheaper than
     * XGBoost come first with their portfolio configs too, and the costlier ones after them (issue 16: on 2,000 long
     * documents an XGBoost trial costs several sparse linear ones, and a 10 s run has room for only a few trials).
     */
    static SearchStart of(Problem problem, Featurized featurized, Map<String, Learner> learners, Portfolio portfolio) {
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        List<Config> initial = new ArrayList<>();
        for (Learner l : learners.values()) {
            List<Param> params = new ArrayList<>(l.space(problem.task()).params());
            params.addAll(featurized.space().params());
            spaces.put(l.id(), new SearchSpace(params));
        }
        JointSpace space = new JointSpace(spaces);
        List<Learner> byCost = learners.values().stream().sorted(Comparator.comparingDouble((Learner l) -> l.traits().relativeCost())).toList();
        if (featurized.isSparse()) {
            return sparseStart(problem, featurized, space, byCost, portfolio);
        }
        for (Learner l : byCost) {
            if (l.traits().relativeCost() <= CHEAP) {
                addInitial(initial, space, Config.of(l.id(), l.defaultConfig(problem.task()).values()), featurized.defaults());
            }
        }
        for (Config c : portfolio.forTask(problem.task())) {
            addInitial(initial, space, c, featurized.defaults());
        }
        for (Learner l : byCost) {
            addInitial(initial, space, Config.of(l.id(), l.defaultConfig(problem.task()).values()), featurized.defaults());
        }
        return new SearchStart(space, initial, Map.of());
    }

    /** The warm start on sparse features: learners cheaper than {@link #CHEAP}, defaults then portfolio, then the others. */
    private static SearchStart sparseStart(Problem problem, Featurized featurized, JointSpace space, List<Learner> byCost,
                                           Portfolio portfolio) {
        List<Config> initial = new ArrayList<>();
        Map<String, Double> costs = new LinkedHashMap<>();
        for (boolean cheap : new boolean[] {true, false}) {
            List<String> ids = byCost.stream().filter(l -> l.traits().relativeCost() < CHEAP == cheap).map(Learner::id).toList();
            for (Learner l : byCost) {
                if (ids.contains(l.id())) {
                    addInitial(initial, space, Config.of(l.id(), l.defaultConfig(problem.task()).values()), featurized.defaults());
                }
            }
            for (Config c : portfolio.forTask(problem.task())) {
                if (ids.contains(c.learner())) {
                    addInitial(initial, space, c, featurized.defaults());
                }
            }
        }
        byCost.forEach(l -> costs.put(l.id(), l.traits().relativeCost()));
        return new SearchStart(space, initial, costs);
    }

    /** Adds {@code c} with the default featurization choices to {@code initial} if it fits the space and is new. */
    private static void addInitial(List<Config> initial, JointSpace space, Config c, Map<String, Object> featurizeDefaults) {
        Map<String, Object> values = new TreeMap<>(c.values());
        values.keySet().removeIf(k -> k.startsWith(TrialEvaluator.FEATURIZE_PREFIX));
        values.putAll(featurizeDefaults);
        Config fitted = Config.of(c.learner(), values);
        if (space.learners().contains(c.learner()) && space.contains(fitted) && !initial.contains(fitted)) {
            initial.add(fitted);
        }
    }
}
