package automl4j.execute;

import automl4j.learn.Learner;
import automl4j.metric.Metric;
import java.util.List;

/**
 * Plug-ins that runners can rebuild by id but that searches do not pick up by default: learners or metrics an
 * application passes to {@code AutoMl.builder()} itself (or a test's fault-injecting learners) and still wants to run in
 * worker processes. Listed in {@code META-INF/services/automl4j.execute.PluginPack}; an implementation has a public
 * no-arg constructor. A plug-in that should also join default searches goes in its own interface's services file
 * instead ({@code automl4j.learn.Learner}, {@code automl4j.metric.Metric}).
 */
public interface PluginPack {
    /** The learners of this pack. */
    default List<Learner> learners() {
        return List.of();
    }

    /** The metrics of this pack. */
    default List<Metric> metrics() {
        return List.of();
    }
}
