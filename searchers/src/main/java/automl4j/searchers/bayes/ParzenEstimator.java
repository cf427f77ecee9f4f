package automl4j.searchers.bayes;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A one-dimensional density on [0, 1]: an equal-weight mixture of a uniform prior and one Gaussian kernel per observed
 * point, with a bandwidth that shrinks with the number of points (as n^-1/5, Scott's rule for one dimension, floored
 * so a single good point does not collapse the search).
 */
final class ParzenEstimator {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
    private final double[] centres;
    private final double bandwidth;

    private ParzenEstimator(double[] centres, double bandwidth) {
        this.centres = centres;
        this.bandwidth = bandwidth;
    }

    static ParzenEstimator of(double[] points) {
        double bw = Math.max(0.05, 0.5 * Math.pow(Math.max(1, points.length), -0.2));
        return new ParzenEstimator(points.clone(), bw);
    }

    /** Mixture density at {@code u} (the uniform prior keeps it above zero everywhere). */
    double density(double u) {
        double prior = 1.0;
        double sum = prior;
        for (double c : centres) {
            sum += STANDARD.density((u - c) / bandwidth) / bandwidth;
        }
        return sum / (centres.length + 1);
    }

    /** A draw from the mixture, reflected back into [0, 1]. */
    double sample(SplittableRandom random) {
        int k = random.nextInt(centres.length + 1);
        if (k == centres.length) {
            return random.nextDouble();
        }
        double v = centres[k] + bandwidth * gaussian(random);
        while (v < 0 || v > 1) {
            v = v < 0 ? -v : 2 - v;
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
