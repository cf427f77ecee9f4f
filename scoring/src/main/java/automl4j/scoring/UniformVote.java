package automl4j.scoring;

/**
 * The engine's {@code VoteSmoothing}: class shares of a vote of {@code voters} (trees or neighbours), mixed with one
 * more uniform vote, so that no class gets probability 0. Same operations in the same order, for the same bits.
 */
final class UniformVote {
    private UniformVote() {
    }

    /** Smooths {@code p} in place and returns it. */
    static double[] smooth(double[] p, int voters) {
        double uniform = 1.0 / p.length;
        for (int k = 0; k < p.length; k++) {
            p[k] = (p[k] * voters + uniform) / (voters + 1);
        }
        return p;
    }
}
