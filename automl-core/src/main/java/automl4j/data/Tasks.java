package automl4j.data;

import automl4j.ConfigException;
import automl4j.DataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tech.tablesaw.columns.Column;

/**
 * The task vocabulary of files and config: the labels a task is named by ({@code task: binary} in a config file, the
 * task of a model file, journal or results row) and how a label becomes a {@link Task}, by reading the target column
 * or the classes a file recorded. The one place that lists the labels; a new task adds its label here.
 */
public final class Tasks {
    /** Two-class classification. */
    public static final String BINARY = "binary";
    /** Classification into three or more classes. */
    public static final String MULTICLASS = "multiclass";
    /** Regression of a numeric target. */
    public static final String REGRESSION = "regression";

    private static final List<String> LABELS = List.of(BINARY, MULTICLASS, REGRESSION);

    private Tasks() {
    }

    /** Every task label, in a fixed order: {@code [binary, multiclass, regression]}. */
    public static List<String> labels() {
        return LABELS;
    }

    /**
     * The label {@code text} names, matched case-insensitively and trimmed.
     *
     * @throws IllegalArgumentException naming the accepted labels (a {@link ConfigException} when a user's label is
     *                                  read by {@link #resolve}, and so by {@link TaskData#of(tech.tablesaw.api.Table,
     *                                  String, String, String)})
     */
    public static String parseLabel(String text) {
        Objects.requireNonNull(text, "text");
        for (String label : LABELS) {
            if (label.equalsIgnoreCase(text.trim())) {
                return label;
            }
        }
        throw new IllegalArgumentException("task must be one of " + LABELS + ", but was '" + text + "'");
    }

    /** {@link #parseLabel} of a label the user gave (config key {@code data.task}), its complaint a config error. */
    private static String userLabel(String text) {
        try {
            return parseLabel(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("data.task", e.getMessage(), e);
        }
    }

    /**
     * The default metric name of the tasks a label names, for results written before any data is read (a benchmark
     * fold whose process died): the same name {@link Task#defaultMetric()} gives once the task is resolved.
     */
    public static String defaultMetricOf(String label) {
        return example(label).defaultMetric();
    }

    /** The secondary metric name of the tasks a label names, as {@link Task#secondaryMetric()} gives it. */
    public static String secondaryMetricOf(String label) {
        return example(label).secondaryMetric();
    }

    /** A task of {@code label} with placeholder classes: what depends only on the label is asked of the task itself. */
    private static Task example(String label) {
        return switch (parseLabel(label)) {
            case BINARY -> new Classification(List.of("0", "1"));
            case MULTICLASS -> new Classification(List.of("0", "1", "2"));
            default -> new Regression();
        };
    }

    /**
     * The task a file recorded by its label and classes (model files, worker messages).
     *
     * @throws IllegalArgumentException if the label is unknown or the classes do not fit it
     */
    public static Task of(String label, List<String> classes) {
        String known = parseLabel(label);
        if (known.equals(REGRESSION)) {
            if (!classes.isEmpty()) {
                throw new IllegalArgumentException("a regression target has no classes, but was given " + classes);
            }
            return new Regression();
        }
        if (known.equals(BINARY) && classes.size() != 2) {
            throw new IllegalArgumentException("a binary target needs exactly 2 classes, but had " + classes.size());
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a " + known + " target needs at least 2 classes, but had " + classes);
        }
        return new Classification(classes);
    }

    /**
     * The task of {@code column} as a target: the one {@code label} names, with the classes of the column, or when
     * {@code label} is null the one inferred from the column: a text target is classification (binary with two
     * distinct values, otherwise multiclass); a numeric target with exactly two distinct values is binary, otherwise
     * regression. Classes are the distinct non-missing cells in code-point order.
     *
     * @param label  a label of {@link #labels()}, or null to infer
     * @param source where the table came from, for messages
     * @throws DataException   if the column has only missing values, fewer than two classes, or not two classes for
     *                          {@code binary}
     * @throws ConfigException if {@code label} is not one of {@link #labels()}
     */
    public static Task resolve(String label, Column<?> column, String source) {
        String known = label == null ? null : userLabel(label);
        if (REGRESSION.equals(known)) {
            return new Regression();   // the values are checked when the target is encoded
        }
        TreeSet<String> distinct = new TreeSet<>();
        boolean allNumeric = true;
        for (int i = 0; i < column.size(); i++) {
            String s = Cells.text(column, i);
            if (s != null) {
                distinct.add(s);
                if (allNumeric && Double.isNaN(Cells.number(column, i))) {
                    allNumeric = false;
                }
            }
        }
        if (distinct.isEmpty()) {
            throw new DataException("target column '" + column.name() + "' in " + source + " has only missing values");
        }
        if (known == null) {
            if (distinct.size() == 1) {
                throw new DataException("target column '" + column.name() + "' in " + source
                        + " must have at least 2 distinct values, but has only '" + distinct.first() + "'");
            }
            return distinct.size() > 2 && allNumeric ? new Regression() : new Classification(new ArrayList<>(distinct));
        }
        if (distinct.size() < 2) {
            throw new DataException("target column '" + column.name() + "' in " + source
                    + " must have at least 2 classes, but has only " + distinct);
        }
        if (known.equals(BINARY) && distinct.size() != 2) {
            throw new DataException("task binary needs a target with 2 classes, but '" + column.name()
                    + "' has " + distinct.size());
        }
        return new Classification(new ArrayList<>(distinct));
    }
}
