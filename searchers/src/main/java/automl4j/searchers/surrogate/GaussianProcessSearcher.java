package automl4j.searchers.surrogate;

import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.SequentialSearcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Bayesian optimisation with a Gaussian-process surrogate ({@code gp}), one process per learner over that learner's
 * unit coordinates (which is how conditional parameters are handled), all on one scale: losses are rank-transformed to
 * normal scores over every successful trial, so the incumbent and the expected improvement compare across learners.
 * A learner never tried has the prior (mean 0, variance 1). Each proposal scores {@value #RANDOM_CANDIDATES} random
 * and {@value #LOCAL_CANDIDATES} local candidates (Gaussian steps around the learner's best points) per learner and
 * takes the highest expected improvement, divided by the learner's typical trial time when trial costs are known, so
 * the budget goes where improvement per second is highest (as FLAML's cost-frugal search does). Each process is
 * fitted to at most {@value #MAX_POINTS} points (the best half and the most recent half), which bounds the cubic cost.
 * Until {@value #STARTUP} trials have succeeded, proposals are random.
 */
public final class GaussianProcessSearcher extends SequentialSearcher {
    static final int STARTUP = 6;
    static final int RANDOM_CANDIDATES = 160;
    static final int LOCAL_CANDIDATES = 96;
    static final int MAX_POINTS = 100;
    static final double LOCAL_STEP = 0.08;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** The searcher. */
    public GaussianProcessSearcher() {
    }

    @Override
    public String id() {
        return "gp";
    }

    @Override
    protected Config proposeOne(SearchHistory history, SplittableRandom random) {
        JointSpace space = history.space();
        List<Observation> ok = new ArrayList<>(history.succeeded());
        if (ok.size() < STARTUP) {
            return space.sample(random);
        }
        double[] scores = normalScores(ok);
        double incumbent = Arrays.stream(scores).min().orElseThrow();
        Set<Config> seen = history.tried();
        double typical = medianCost(history.observed(), null);
        Config best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (String learner : space.learners()) {
            SearchSpace s = space.space(learner);
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < ok.size(); i++) {
                if (ok.get(i).config().learner().equals(learner)) {
                    mine.add(i);
                }
            }
            List<Integer> used = subset(mine, scores, ok.size());
            List<double[]> points = new ArrayList<>();
            double[] y = new double[used.size()];
            for (int j = 0; j < used.size(); j++) {
                points.add(s.toUnit(ok.get(used.get(j)).config().values()));
                y[j] = scores[used.get(j)];
            }
            GaussianProcess gp = GaussianProcess.fit(points, y);
            double cost = medianCost(history.observed(), learner);
            // A learner without a measured cost is charged the typical one; without any cost, EI alone decides.
            double divisor = Double.isNaN(typical) ? 1 : Math.max(Double.isNaN(cost) ? typical : cost, 1e-3);
            List<double[]> candidates = candidates(s.size(), points, y, random);
            for (double[] u : candidates) {
                double[] mv = gp.predict(u);
                double value = expectedImprovement(mv[0], mv[1], incumbent) / divisor;
                if (value > bestValue) {
                    Config c = Config.of(learner, s.fromUnit(u));
                    if (!seen.contains(c)) {
                        bestValue = value;
                        best = c;
                    }
                }
            }
        }
        return best != null ? best : space.sample(random);
    }

    /** Rank-based normal scores of the losses (lower loss, lower score): robust to outliers and the metric's scale. */
    static double[] normalScores(List<Observation> ok) {
        Integer[] order = new Integer[ok.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> ok.get(i).loss()).thenComparingInt(i -> i));
        double[] scores = new double[ok.size()];
        for (int rank = 0; rank < order.length; rank++) {
            scores[order[rank]] = NORMAL.inverseCumulativeProbability((rank + 0.5) / order.length);
        }
        return scores;
    }

    static double expectedImprovement(double mean, double sd, double incumbent) {
        double z = (incumbent - mean) / sd;
        return (incumbent - mean) * NORMAL.cumulativeProbability(z) + sd * NORMAL.density(z);
    }

    private static List<Integer> subset(List<Integer> mine, double[] scores, int total) {
        if (mine.size() <= MAX_POINTS) {
            return mine;
        }
        List<Integer> byScore = new ArrayList<>(mine);
        byScore.sort(Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i));
        LinkedHashSet<Integer> chosen = new LinkedHashSet<>(byScore.subList(0, MAX_POINTS / 2));
        for (int k = mine.size() - 1; k >= 0 && chosen.size() < MAX_POINTS; k--) {
            chosen.add(mine.get(k));
        }
        return new ArrayList<>(chosen);
    }

    private static List<double[]> candidates(int dims, List<double[]> points, double[] y, SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < RANDOM_CANDIDATES; c++) {
            double[] u = new double[dims];
            for (int d = 0; d < dims; d++) {
                u[d] = random.nextDouble();
            }
            out.add(u);
        }
        if (!points.isEmpty()) {
            Integer[] order = new Integer[points.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> y[i]).thenComparingInt(i -> i));
            int centres = Math.min(4, order.length);
            for (int c = 0; c < LOCAL_CANDIDATES; c++) {
                double[] centre = points.get(order[c % centres]);
                double[] u = new double[dims];
                for (int d = 0; d < dims; d++) {
                    u[d] = Math.min(1, Math.max(0, centre[d] + LOCAL_STEP * nextGaussian(random)));
                }
                out.add(u);
            }
        }
        return out;
    }

    private static double nextGaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Median cost of the observations of {@code learner} (all learners when null), NaN when none is known. */
    static double medianCost(List<Observation> observed, String learner) {
        double[] c = observed.stream().filter(o -> learner == null || o.config().learner().equals(learner))
                .mapToDouble(Observation::seconds).filter(Double::isFinite).sorted().toArray();
        return c.length == 0 ? Double.NaN : c[c.length / 2];
    }
}
