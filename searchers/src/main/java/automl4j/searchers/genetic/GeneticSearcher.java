package automl4j.searchers.genetic;

import automl4j.search.Observation;
import automl4j.search.SearchHistory;
import automl4j.search.SequentialSearcher;
import automl4j.space.Config;
import automl4j.space.JointSpace;
import io.jenetics.Alterer;
import io.jenetics.DoubleGene;
import io.jenetics.GaussianMutator;
import io.jenetics.IntermediateCrossover;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Steady-state genetic search ({@code genetic}) with Jenetics' operators: the population is the {@value #POPULATION}
 * best successful trials so far (elitist, so good configs survive from generation to generation for the whole run);
 * each proposal selects two parents from it by tournament ({@value #TOURNAMENT} contestants), recombines them with
 * uniform crossover (which swaps whole values, the learner choice included) and intermediate crossover (which blends
 * values, so children land between and just beyond good parents), and applies a rare Gaussian mutation, all in unit
 * coordinates ({@link ConfigCodec}). A child that repeats a tried config is bred again. With probability
 * {@value #IMMIGRANTS} a proposal is a random config instead, which keeps the population from collapsing onto one
 * learner; until the population is full, every proposal is random. The generation is the number of proposals so far.
 *
 * <p>Jenetics' {@code Engine} wants to call the fitness function itself; trials here are run by the executor and
 * arrive as history, so this searcher uses only Jenetics' genotypes, selector and alterers, inside a
 * {@link RandomRegistry} scope seeded from the run seed and the proposal index, which makes proposals a function of
 * the history as the {@link automl4j.search.Searcher} contract asks.
 */
public final class GeneticSearcher extends SequentialSearcher {
    static final int POPULATION = 16;
    static final int TOURNAMENT = 3;
    static final double IMMIGRANTS = 0.1;
    static final double CROSSOVER = 0.5;
    static final double BLEND = 0.7;
    static final double BLEND_EXTENSION = 0.25;
    // Jenetics' Gaussian mutation has a standard deviation of a quarter of the range: a jump, so it is kept rare.
    static final double MUTATION = 0.05;

    /** The searcher. */
    public GeneticSearcher() {
    }

    @Override
    public String id() {
        return "genetic";
    }

    @Override
    protected Config proposeOne(SearchHistory history, SplittableRandom random) {
        JointSpace space = history.space();
        long generation = history.proposedCount();
        List<Observation> ok = new ArrayList<>(history.succeeded());
        if (ok.size() < POPULATION || random.nextDouble() < IMMIGRANTS) {
            return space.sample(random);
        }
        ok.sort(Comparator.comparingDouble(Observation::loss));
        Set<Config> seen = history.tried();
        ConfigCodec codec = new ConfigCodec(space);
        List<Phenotype<DoubleGene, Double>> members = new ArrayList<>();
        for (Observation o : ok.subList(0, POPULATION)) {
            members.add(Phenotype.of(codec.encode(o.config(), random), generation, o.loss()));
        }
        ISeq<Phenotype<DoubleGene, Double>> population = ISeq.of(members);
        Alterer<DoubleGene, Double> alterer = new UniformCrossover<DoubleGene, Double>(CROSSOVER, 0.5)
                .andThen(new IntermediateCrossover<>(BLEND, BLEND_EXTENSION))
                .andThen(new GaussianMutator<>(MUTATION));
        TournamentSelector<DoubleGene, Double> selector = new TournamentSelector<>(TOURNAMENT);
        return RandomRegistry.with(new SplittableRandom(random.nextLong()), r -> {
            for (int attempt = 0; attempt < 8; attempt++) {
                ISeq<Phenotype<DoubleGene, Double>> parents = selector.select(population, 2, Optimize.MINIMUM);
                ISeq<Phenotype<DoubleGene, Double>> children = alterer.alter(parents, generation).population();
                Config child = codec.decode(children.get(0).genotype());
                if (!seen.contains(child)) {
                    return child;
                }
            }
            // The population has converged onto configs that were all tried: explore instead.
            return space.sample(random);
        });
    }
}
