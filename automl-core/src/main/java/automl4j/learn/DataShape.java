package automl4j.learn;

/**
 * The size of a trial's training data, for estimating how much memory a fit needs before it starts.
 *
 * @param rows    training rows
 * @param columns feature columns
 * @param classes classes of a classification target, 0 for regression
 */
public record DataShape(int rows, int columns, int classes) {
    public DataShape {
        if (rows < 0 || columns < 0 || classes < 0) {
            throw new IllegalArgumentException("rows, columns and classes must be >= 0, but were " + rows + ", " + columns + ", " + classes);
        }
    }

    /** Bytes of the features as a dense matrix of doubles. */
    public long denseBytes() {
        return (long) rows * columns * Double.BYTES;
    }

    /** Outputs per row: one per class beyond binary, else one. */
    public int outputs() {
        return classes > 2 ? classes : 1;
    }
}
