package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearnerTraitsTest {
    @Test
    void defaultsDescribeAPlainJavaLearnerAsCostlyAsXgboost() {
        assertThat(LearnerTraits.defaults()).isEqualTo(new LearnerTraits(1.0, false, false, false, false));
    }

    @Test
    void eachWitherChangesOnlyItsTrait() {
        LearnerTraits d = LearnerTraits.defaults();
        assertThat(d.withRelativeCost(0.25)).isEqualTo(new LearnerTraits(0.25, false, false, false, false));
        assertThat(d.withAcceptsSparse(true)).isEqualTo(new LearnerTraits(1.0, true, false, false, false));
        assertThat(d.withNativeCode(true)).isEqualTo(new LearnerTraits(1.0, false, true, false, false));
        assertThat(d.withStopsAtDeadline(true)).isEqualTo(new LearnerTraits(1.0, false, false, true, false));
        assertThat(d.withUsesGpu(true)).isEqualTo(new LearnerTraits(1.0, false, false, false, true));
        assertThat(d.withNativeCode(true).withNativeCode(false)).isEqualTo(d);
    }

    @Test
    void rejectsNaNNegativeAndInfiniteCost() {
        for (double bad : new double[] {Double.NaN, -0.5, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearnerTraits.defaults().withRelativeCost(bad));
            assertThat(e).hasMessage("relativeCost must be a finite number >= 0, but was " + bad);
        }
    }

    @Test
    void aLearnerWithoutTraitsGetsTheDefaults() {
        assertThat(new BaselineLearner().traits().relativeCost()).isZero();
        Learner plain = new Learner() {
            @Override
            public String id() {
                return "plain";
            }

            @Override
            public java.util.Set<Class<? extends automl4j.data.Task>> tasks() {
                return java.util.Set.of();
            }

            @Override
            public automl4j.space.SearchSpace space(automl4j.data.Task task) {
                return automl4j.space.SearchSpace.of();
            }

            @Override
            public FittedModel fit(TrainingSet data, automl4j.space.Config config, FitContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public FittedModel load(ModelArtifact artifact) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(plain.traits()).isEqualTo(LearnerTraits.defaults());
    }
}
