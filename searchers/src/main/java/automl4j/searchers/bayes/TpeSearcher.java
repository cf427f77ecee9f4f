package automl4j.searchers.bayes;

import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.SequentialSearcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen estimator search ({@code tpe}; Bergstra et al., NeurIPS 2011) over the joint space.
 *
 * <p>The successful observations are split at the {@value #GAMMA} quantile of the loss into "good" and "bad"
 * (failed trials count as bad). For the learner choice, each side is a smoothed categorical distribution; for each
 * hyperparameter, a Parzen estimator ({@link ParzenEstimator}) in the parameter's unit coordinate over the observations
 * of that learner only, which is how conditional parameters are handled. {@value #CANDIDATES} candidates are drawn from
 * the good model and the one with the highest ratio good/bad density is proposed. Until {@value #STARTUP} trials have
 * succeeded, proposals are random. Written here rather than taken from a library because no maintained JVM library
 * offers TPE over a conditional space; the numerics are small (densities of Gaussian mixtures, via Commons Math).
 */
public final class TpeSearcher extends SequentialSearcher {
    static final double GAMMA = 0.25;
    static final int CANDIDATES = 24;
    static final int STARTUP = 8;

    /** The searcher. */
    public TpeSearcher() {
    }

    @Override
    public String id() {
        return "tpe";
    }

    @Override
    protected Config proposeOne(SearchHistory history, SplittableRandom random) {
        JointSpace space = history.space();
        List<Observation> ok = new ArrayList<>();
        List<Observation> failed = new ArrayList<>();
        for (Observation o : history.observed()) {
            if (space.contains(o.config())) {
                (o.succeeded() ? ok : failed).add(o);
            }
        }
        if (ok.size() < STARTUP) {
            return space.sample(random);
        }
        ok.sort(Comparator.comparingDouble(Observation::loss));
        int nGood = Math.max(1, (int) Math.ceil(GAMMA * ok.size()));
        List<Observation> good = ok.subList(0, nGood);
        List<Observation> bad = new ArrayList<>(ok.subList(nGood, ok.size()));
        bad.addAll(failed);

        List<String> learners = space.learners();
        double[] pGood = categorical(learners, good);
        double[] pBad = categorical(learners, bad);
        Config best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        // The estimators of a learner are built once per proposal, not once per candidate.
        java.util.Map<String, ParzenEstimator[][]> estimators = new java.util.HashMap<>();
        for (int c = 0; c < CANDIDATES; c++) {
            int li = sample(pGood, random);
            String learner = learners.get(li);
            SearchSpace s = space.space(learner);
            ParzenEstimator[][] goodBad = estimators.computeIfAbsent(learner, l -> estimators(good, bad, l, s));
            double[] u = new double[s.size()];
            double score = Math.log(pGood[li]) - Math.log(pBad[li]);
            for (int d = 0; d < u.length; d++) {
                ParzenEstimator lGood = goodBad[0][d];
                ParzenEstimator lBad = goodBad[1][d];
                u[d] = lGood.sample(random);
                score += Math.log(lGood.density(u[d])) - Math.log(lBad.density(u[d]));
            }
            if (score > bestScore) {
                bestScore = score;
                best = Config.of(learner, s.fromUnit(u));
            }
        }
        return best;
    }

    /** Per dimension of {@code learner}'s space, the Parzen estimators of the good ([0]) and bad ([1]) points. */
    private static ParzenEstimator[][] estimators(List<Observation> good, List<Observation> bad, String learner, SearchSpace s) {
        List<double[]> goodPoints = points(good, learner, s);
        List<double[]> badPoints = points(bad, learner, s);
        ParzenEstimator[][] out = new ParzenEstimator[2][s.size()];
        for (int d = 0; d < s.size(); d++) {
            out[0][d] = ParzenEstimator.of(column(goodPoints, d));
            out[1][d] = ParzenEstimator.of(column(badPoints, d));
        }
        return out;
    }

    private static double[] categorical(List<String> learners, List<Observation> obs) {
        double[] p = new double[learners.size()];
        java.util.Arrays.fill(p, 1.0);
        for (Observation o : obs) {
            p[learners.indexOf(o.config().learner())] += 1.0;
        }
        double sum = java.util.Arrays.stream(p).sum();
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static int sample(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static List<double[]> points(List<Observation> obs, String learner, SearchSpace s) {
        List<double[]> out = new ArrayList<>();
        for (Observation o : obs) {
            if (o.config().learner().equals(learner)) {
                out.add(s.toUnit(o.config().values()));
            }
        }
        return out;
    }

    private static double[] column(List<double[]> points, int d) {
        double[] v = new double[points.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = points.get(i)[d];
        }
        return v;
    }
}
