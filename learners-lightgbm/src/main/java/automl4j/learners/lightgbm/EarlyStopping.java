package automl4j.learners.lightgbm;

/** Tracks a validation loss round by round and says when it has not improved for {@code patience} rounds. */
final class EarlyStopping {
    private final int patience;
    private double best = Double.NaN;
    private int bestRound = -1;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /**
     * Records round {@code round}'s loss (lower is better); true when training should stop. A NaN loss never counts as
     * better, and while every loss is NaN training never stops.
     */
    boolean record(int round, double loss) {
        if (!Double.isNaN(loss) && (bestRound < 0 || loss < best)) {
            best = loss;
            bestRound = round;
        }
        return bestRound >= 0 && round - bestRound >= patience;
    }

    /** The number of rounds up to the best loss, or 0 (keep all) when no loss was a number. */
    int keptRounds() {
        return bestRound + 1;
    }
}
