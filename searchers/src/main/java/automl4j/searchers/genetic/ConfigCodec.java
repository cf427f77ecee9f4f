package automl4j.searchers.genetic;

import automl4j.space.Config;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encodes configs of a joint space as one Jenetics double chromosome: a gene for the learner choice, then the unit
 * coordinates of every learner's parameters in learner order. Only the chosen learner's segment is decoded; the other
 * segments ride along, so crossover between parents of different learners can still hand values on.
 */
final class ConfigCodec {
    // DoubleGene ranges are half-open; the unit coordinate 1.0 must stay valid.
    private static final double MAX = Math.nextUp(1.0);

    private final JointSpace space;
    private final List<String> learners;
    private final int[] offsets;
    private final int length;

    ConfigCodec(JointSpace space) {
        this.space = space;
        this.learners = space.learners();
        this.offsets = new int[learners.size()];
        int at = 1;
        for (int l = 0; l < learners.size(); l++) {
            offsets[l] = at;
            at += space.space(learners.get(l)).size();
        }
        this.length = at;
    }

    /** The genotype of {@code config}; other learners' segments are drawn from {@code random}. */
    Genotype<DoubleGene> encode(Config config, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextDouble();
        }
        int l = learners.indexOf(config.learner());
        v[0] = (l + 0.5) / learners.size();
        double[] unit = space.space(config.learner()).toUnit(config.values());
        System.arraycopy(unit, 0, v, offsets[l], unit.length);
        DoubleGene[] genes = new DoubleGene[length];
        for (int i = 0; i < length; i++) {
            genes[i] = DoubleGene.of(Math.min(1.0, Math.max(0.0, v[i])), 0.0, MAX);
        }
        return Genotype.of(DoubleChromosome.of(genes));
    }

    /** The config a genotype stands for. */
    Config decode(Genotype<DoubleGene> genotype) {
        DoubleChromosome c = (DoubleChromosome) genotype.chromosome();
        int l = Math.min(learners.size() - 1, (int) Math.floor(c.get(0).doubleValue() * learners.size()));
        SearchSpace s = space.space(learners.get(l));
        double[] unit = new double[s.size()];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = Math.min(1.0, c.get(offsets[l] + i).doubleValue());
        }
        return Config.of(learners.get(l), s.fromUnit(unit));
    }
}
