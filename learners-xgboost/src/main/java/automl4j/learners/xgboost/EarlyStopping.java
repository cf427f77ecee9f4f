package automl4j.learners.xgboost;

/**
 * Tracks a validation score round by round and says when it has not improved for {@code patience} rounds: the rule of
 * the learner's fits, public so that a fit elsewhere (a distributed refit) stops as they do.
 */
public final class EarlyStopping {
    private final boolean higherIsBetter;
    private final int patience;
    private double best = Double.NaN;
    private int bestRound = -1;

    /**
     * A tracker of a score that is better when higher ({@code higherIsBetter}) or lower.
     *
     * @param higherIsBetter whether a higher score is better
     * @param patience       rounds without a better score before it says stop
     */
    public EarlyStopping(boolean higherIsBetter, int patience) {
        this.higherIsBetter = higherIsBetter;
        this.patience = patience;
    }

    /**
     * Records round {@code round}'s score; true when training should stop. A NaN score (such as AUC on rows of one
     * class) never counts as better, and while every score is NaN training never stops.
     */
    public boolean record(int round, double score) {
        if (!Double.isNaN(score) && (bestRound < 0 || (higherIsBetter ? score > best : score < best))) {
            best = score;
            bestRound = round;
        }
        return bestRound >= 0 && round - bestRound >= patience;
    }

    /** The number of rounds up to the best score, or 0 (keep all) when no score was a number. */
    public int keptRounds() {
        return bestRound + 1;
    }

    /** The number in XGBoost's evaluation text, such as {@code [12]\tvalid-auc:0.91}. */
    public static double parse(String evaluation) {
        int colon = evaluation.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("XGBoost evaluation text has no score: '" + evaluation + "'");
        }
        String number = evaluation.substring(colon + 1).trim();
        return number.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(number);
    }
}
