package automl4j.execute;

import automl4j.featurize.Featurizer;
import automl4j.featurize.Featurizers;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The plug-ins a runner can rebuild from their ids, found through {@link ServiceLoader}: learners listed in
 * {@code META-INF/services/automl4j.learn.Learner}, metrics in {@code …/automl4j.metric.Metric}, featurizers in
 * {@code …/automl4j.featurize.Featurizer}, and what {@link PluginPack}s add. Never by class name: the id is the
 * contract, so a runner in another JVM or on another machine rebuilds the same plug-in from the same jars.
 * Immutable and thread-safe.
 */
public final class PluginRegistry {
    private final Map<String, Learner> learners;
    private final Map<String, Metric> metrics;
    private final String problem;

    private PluginRegistry(Map<String, Learner> learners, Map<String, Metric> metrics, String problem) {
        this.learners = learners;
        this.metrics = metrics;
        this.problem = problem;
    }

    private static volatile PluginRegistry shared;

    /**
     * The plug-ins on this JVM's class path, found once and remembered (for routing decisions). If discovery fails (a
     * provider that cannot load), the registry is empty, so every trial stays in-process, and {@link #problem()} says why.
     */
    static PluginRegistry shared() {
        PluginRegistry r = shared;
        if (r == null) {
            try {
                r = discovered();
            } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                r = new PluginRegistry(Map.of(), Map.of(), e.getMessage());
            }
            shared = r;
        }
        return r;
    }

    /** Why discovery failed, for {@link #shared()}'s empty registry; empty otherwise. */
    java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    /**
     * The plug-ins on this JVM's class path.
     *
     * @throws IllegalArgumentException if two plug-ins of a kind share an id
     */
    public static PluginRegistry discovered() {
        List<Learner> ls = new ArrayList<>(Learners.discovered());
        List<Metric> ms = new ArrayList<>(Metrics.discovered());
        for (PluginPack pack : ServiceLoader.load(PluginPack.class)) {
            ls.addAll(pack.learners());
            ms.addAll(pack.metrics());
        }
        Map<String, Metric> metrics = new TreeMap<>();
        for (Metric m : ms) {
            Metric previous = metrics.putIfAbsent(m.id(), m);
            if (previous != null && previous.getClass() != m.getClass()) {
                throw new IllegalArgumentException("metric id '" + m.id() + "' is provided by both "
                        + previous.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return new PluginRegistry(new TreeMap<>(Learners.byId(ls)), metrics, null);
    }

    /**
     * The learner with id {@code id}.
     *
     * @throws IllegalStateException naming the id and the services file that would provide it
     */
    public Learner learner(String id) {
        Learner l = learners.get(id);
        if (l == null) {
            throw new IllegalStateException("learner '" + id + "' cannot be rebuilt by this runner: no "
                    + "META-INF/services/automl4j.learn.Learner (or automl4j.execute.PluginPack) on its class path lists it; "
                    + "known learners are " + learners.keySet());
        }
        return l;
    }

    /**
     * The metric with id {@code id}.
     *
     * @throws IllegalStateException naming the id and the services file that would provide it
     */
    public Metric metric(String id) {
        Metric m = metrics.get(id);
        if (m == null) {
            throw new IllegalStateException("metric '" + id + "' cannot be rebuilt by this runner: no "
                    + "META-INF/services/automl4j.metric.Metric (or automl4j.execute.PluginPack) on its class path lists it; "
                    + "known metrics are " + metrics.keySet());
        }
        return m;
    }

    /**
     * The featurizer with id {@code id}.
     *
     * @throws IllegalStateException naming the id and the module that would provide it
     */
    public Featurizer featurizer(String id) {
        return Featurizers.forId(id);
    }

    /** Whether {@code learner} is rebuilt from its id as an instance of its own class (so a runner elsewhere fits it). */
    public boolean canRebuild(Learner learner) {
        Learner found = learners.get(learner.id());
        return found != null && found.getClass() == learner.getClass();
    }

    /** Whether {@code metric} is rebuilt from its id as an instance of its own class. */
    public boolean canRebuild(Metric metric) {
        Metric found = metrics.get(metric.id());
        return found != null && found.getClass() == metric.getClass();
    }
}
