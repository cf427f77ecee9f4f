package automl4j.learn;

/**
 * Class probabilities of a vote among trees, smoothed as if one more tree had voted uniformly. A forest whose trees
 * all agree otherwise gives probability 0 to the other classes, and one such row of another class costs about 34.5
 * in log loss (the clipped log of 1e-15); with the extra vote the floor is {@code 1 / (K (T + 1))} for K classes and
 * T trees. The order of the probabilities, and so AUC and accuracy, does not change.
 */
public final class VoteSmoothing {
    private VoteSmoothing() {
    }

    /** Smooths {@code p} (summing to one, averaged over {@code trees} voters) in place and returns it. */
    public static double[] withUniformVote(double[] p, int trees) {
        double uniform = 1.0 / p.length;
        for (int k = 0; k < p.length; k++) {
            p[k] = (p[k] * trees + uniform) / (trees + 1);
        }
        return p;
    }
}
