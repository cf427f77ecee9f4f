package automl4j.data;

/** The kind of supervised task a run solves. */
public enum TaskType {
    /** Two classes; scored by default with ROC AUC. */
    BINARY("binary"),
    /** Three or more classes; scored by default with log loss. */
    MULTICLASS("multiclass"),
    /** A numeric target; scored by default with RMSE. */
    REGRESSION("regression");

    private final String label;

    TaskType(String label) {
        this.label = label;
    }

    /** True for {@link #BINARY} and {@link #MULTICLASS}. */
    public boolean isClassification() {
        return this != REGRESSION;
    }

    /** The lower-case name used in config files and results files: {@code binary}, {@code multiclass}, {@code regression}. */
    public String label() {
        return label;
    }

    /**
     * Parses a label written by {@link #label()}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static TaskType parse(String text) {
        for (TaskType t : values()) {
            if (t.label.equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be one of [binary, multiclass, regression], but was '" + text + "'");
    }
}
