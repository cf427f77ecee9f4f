package automl4j.searchers.genetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.space.ChoiceParam;
import automl4j.space.Config;
import automl4j.space.DoubleParam;
import automl4j.space.IntParam;
import automl4j.space.JointSpace;
import automl4j.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfigCodecProperties {
    @Test
    void decodingAnEncodedConfigGivesItBack() {
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        spaces.put("a", SearchSpace.of(new IntParam("n", 1, 500, true), new DoubleParam("x", 1e-3, 10, true)));
        spaces.put("b", SearchSpace.of(new ChoiceParam("c", List.of("p", "q", "r"))));
        spaces.put("c", SearchSpace.of());
        spaces.put("d", SearchSpace.of(new IntParam("k", 2, 9, false), new DoubleParam("y", -1, 1, false)));
        JointSpace space = new JointSpace(spaces);
        ConfigCodec codec = new ConfigCodec(space);
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            Config c = space.sample(r);
            Config back = codec.decode(codec.encode(c, r));
            assertThat(back.learner()).isEqualTo(c.learner());
            double[] u = space.space(c.learner()).toUnit(c.values());
            double[] v = space.space(c.learner()).toUnit(back.values());
            for (int i = 0; i < u.length; i++) {
                assertThat(v[i]).isCloseTo(u[i], org.assertj.core.api.Assertions.within(1e-9));
            }
        });
    }
}
