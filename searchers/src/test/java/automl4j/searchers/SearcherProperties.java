package automl4j.searchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.Searcher;
import automl4j.searchers.bayes.TpeSearcher;
import automl4j.searchers.genetic.GeneticSearcher;
import automl4j.searchers.hybrid.HybridSearcher;
import automl4j.searchers.surrogate.GaussianProcessSearcher;
import automl4j.searchers.random.RandomSearcher;
import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.JointSpace;
import automl4j.space.Param;
import automl4j.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearcherProperties {
    static final List<Searcher> SEARCHERS = List.of(new RandomSearcher(), new TpeSearcher(), new GaussianProcessSearcher(),
            new GeneticSearcher(), new HybridSearcher());

    static JointSpace randomJointSpace(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        int learners = 1 + r.nextInt(4);
        for (int l = 0; l < learners; l++) {
            List<Param> params = new ArrayList<>();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                String name = "l" + l + "p" + i;
                params.add(switch (r.nextInt(4)) {
                    case 0 -> new IntParam(name, 1, 1 + r.nextInt(500), r.nextBoolean());
                    case 1 -> new DoubleParam(name, 1e-3, 1e3, true);
                    case 2 -> new DoubleParam(name, -1, 1, false);
                    default -> new ChoiceParam(name, List.of("x", "y", "z"));
                });
            }
            spaces.put("learner" + l, new SearchSpace(params));
        }
        return new JointSpace(spaces);
    }

    /** A history of {@code n} observations of random configs with a loss that favours small unit coordinates. */
    static SearchHistory history(JointSpace space, long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Config c = space.sample(r);
            double loss = r.nextInt(10) == 0 ? Double.NaN : java.util.Arrays.stream(space.space(c.learner()).toUnit(c.values())).sum();
            obs.add(new Observation(c, loss, r.nextInt(3) == 0 ? Double.NaN : 0.01 + r.nextDouble()));
        }
        return new SearchHistory(space, obs, List.of(), seed);
    }

    @Test
    void proposalsStayInsideTheSpaceWithOnlyTheChosenLearnersParameters() {
        qt().withExamples(80).forAll(longs().all(), integers().between(0, 60)).checkAssert((seed, n) -> {
            JointSpace space = randomJointSpace(seed);
            for (Searcher s : SEARCHERS) {
                for (Config c : s.propose(history(space, seed, n), 3)) {
                    assertThat(space.contains(c)).as(s.id() + " proposed " + c).isTrue();
                    assertThat(c.values().keySet()).containsExactlyInAnyOrderElementsOf(space.space(c.learner()).names());
                }
            }
        });
    }

    @Test
    void sameHistoryAndSeedGiveTheSameProposals() {
        qt().withExamples(60).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, n) -> {
            JointSpace space = randomJointSpace(seed);
            for (Searcher s : SEARCHERS) {
                assertThat(s.propose(history(space, seed, n), 2)).isEqualTo(s.propose(history(space, seed, n), 2));
            }
        });
    }

    /** Observations of a one-parameter space with loss |x - 0.2|, from {@code n} uniform draws. */
    static List<Observation> towardsPointTwo(int n) {
        List<Observation> obs = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            obs.add(new Observation(Config.of("only", Map.of("x", x)), Math.abs(x - 0.2)));
        }
        return obs;
    }

    @Test
    void modelBasedSearchersConcentrateOnTheGoodRegion() {
        JointSpace space = new JointSpace(Map.of("only", SearchSpace.of(new DoubleParam("x", 0, 1, false))));
        for (Searcher s : List.of(new TpeSearcher(), new GaussianProcessSearcher(), new GeneticSearcher(), new HybridSearcher())) {
            double meanDistance = 0;
            for (int i = 0; i < 50; i++) {
                Config c = s.propose(new SearchHistory(space, towardsPointTwo(40), List.of(), i), 1).get(0);
                meanDistance += Math.abs(c.doubleValue("x") - 0.2) / 50;
            }
            // Uniform proposals would be about 0.34 away from 0.2 on average.
            assertThat(meanDistance).as(s.id()).isLessThan(0.2);
        }
    }

    @Test
    void theGaussianProcessPrefersTheCheaperOfTwoEqualLearners() {
        // Two learners with the same loss landscape; "slow" trials take 100 times longer.
        JointSpace space = new JointSpace(Map.of("fast", SearchSpace.of(new DoubleParam("x", 0, 1, false)),
                "slow", SearchSpace.of(new DoubleParam("y", 0, 1, false))));
        List<Observation> obs = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 20; i++) {
            double v = r.nextDouble();
            obs.add(new Observation(Config.of("fast", Map.of("x", v)), Math.abs(v - 0.5), 0.01));
            obs.add(new Observation(Config.of("slow", Map.of("y", v)), Math.abs(v - 0.5), 1.0));
        }
        int fast = 0;
        for (int seed = 0; seed < 30; seed++) {
            Config c = new GaussianProcessSearcher().propose(new SearchHistory(space, obs, List.of(), seed), 1).get(0);
            fast += c.learner().equals("fast") ? 1 : 0;
        }
        assertThat(fast).isGreaterThanOrEqualTo(27);
    }

    @Test
    void tpeConcentratesOnTheGoodRegion() {
        JointSpace space = new JointSpace(Map.of("only", SearchSpace.of(new DoubleParam("x", 0, 1, false))));
        List<Observation> obs = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 40; i++) {
            double x = r.nextDouble();
            obs.add(new Observation(Config.of("only", Map.of("x", x)), Math.abs(x - 0.2)));
        }
        double meanDistance = 0;
        for (int i = 0; i < 50; i++) {
            Config c = new TpeSearcher().propose(new SearchHistory(space, obs, List.of(), i), 1).get(0);
            meanDistance += Math.abs(c.doubleValue("x") - 0.2) / 50;
        }
        // Uniform proposals would be about 0.34 away from 0.2 on average.
        assertThat(meanDistance).isLessThan(0.2);
    }
}
