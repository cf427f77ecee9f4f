package automl4j.engine;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.settings.RunSettings;
import automl4j.searchloop.RunListener;

import automl4j.data.EncodedTarget;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.data.TaskData;
import automl4j.data.ValidationPlan;
import automl4j.learn.Learner;
import automl4j.learn.Learners;
import automl4j.metric.Metric;
import automl4j.metric.Metrics;
import automl4j.settings.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The first stage of a fit: the problem to solve. The encoded target, the metric (checked to fit the task), the
 * learners that support the task and the validation plan, announced in the run's opening log line.
 * <p>
 * Not a record: it holds the target's rows and values as arrays, shared (not copied) by the stages after it, which
 * only read them.
 */
final class Problem {
    private final TaskData data;
    private final Target target;
    private final int[] rows;
    private final double[] y;
    private final Metric metric;
    private final Map<String, Learner> learners;
    private final ValidationPlan plan;

    private Problem(TaskData data, EncodedTarget encoded, int[] rows, double[] y, Metric metric, Map<String, Learner> learners,
                    ValidationPlan plan) {
        this.data = data;
        this.target = encoded.target();
        this.rows = rows;
        this.y = y;
        this.metric = metric;
        this.learners = Collections.unmodifiableMap(new LinkedHashMap<>(learners));
        this.plan = plan;
    }

    /**
     * Reads {@code data}'s target and plans the run under {@code run}'s settings.
     *
     * @throws DataException   for bad data (naming the column and row)
     * @throws ConfigException a metric that does not fit the task or no learner for it
     */
    static Problem of(TaskData data, RunContext run) {
        RunSettings settings = run.settings();
        RunListener listener = run.listener();
        EncodedTarget encoded = EncodedTarget.of(data);
        Task task = encoded.target().task();
        Metric metric = settings.metric() != null ? settings.metric() : Metrics.defaultFor(task);
        if (!metric.supports(task)) {
            throw new ConfigException(Setting.METRIC.key(), "metric '" + metric.name() + "' does not fit task " + task.label()
                    + "; metrics for " + task.label() + " are " + Metrics.all().stream().filter(m -> m.supports(task)).map(Metric::name).toList());
        }
        Map<String, Learner> learners = TaskSupport.learnersFor(task, Learners.byId(settings.learners()).values());
        int[] tableRows = encoded.rows();
        double[] y = encoded.values();
        if (tableRows.length < data.table().rowCount()) {
            listener.info((data.table().rowCount() - tableRows.length) + " rows have no target value and are not used for training");
        }
        ValidationPlan plan = task.validation(y, settings.seed());
        listener.info(String.format(Locale.ROOT, "task %s, %d rows, metric %s, validation %s, learners %s, searcher %s, %d slots x %d threads",
                task.label(), tableRows.length, metric.name(), plan.description(), learners.keySet(), settings.searcher().id(),
                settings.executor().slots(), settings.executor().threadsPerTrial()));
        return new Problem(data, encoded, tableRows, y, metric, learners, plan);
    }

    /** The data the run fits. */
    TaskData data() {
        return data;
    }

    /** The encoded target. */
    Target target() {
        return target;
    }

    /** The task. */
    Task task() {
        return target.task();
    }

    /** The table rows that have a target value, the rows the run trains on; shared, not to be modified. */
    int[] rows() {
        return rows;
    }

    /** The encoded target value of each of {@link #rows()}; shared, not to be modified. */
    double[] y() {
        return y;
    }

    /** The metric trials are ranked by. */
    Metric metric() {
        return metric;
    }

    /** The learners that support the task, by id, in the order their defaults are tried. */
    Map<String, Learner> learners() {
        return learners;
    }

    /** How trials are validated. */
    ValidationPlan plan() {
        return plan;
    }

    /** The model info every model of the run records: metric, validation and training rows. */
    Map<String, String> info() {
        Map<String, String> info = new java.util.TreeMap<>();
        info.put("metric", metric.name());
        info.put("validation", plan.description());
        info.put("training_rows", Integer.toString(rows.length));
        return info;
    }
}
