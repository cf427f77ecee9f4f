package automl4j.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final IntParam DEPTH = new IntParam("max_depth", 2, 12, false);
    private static final DoubleParam RATE = new DoubleParam("learning_rate", 0.01, 1.0, true);
    private static final ChoiceParam WEIGHTS = new ChoiceParam("weights", List.of("uniform", "distance"));

    @Test
    void builderGivesTheSameConfigAsItsMap() {
        Config built = Config.builder("toy").with(RATE, 0.3).with(DEPTH, 6).with(WEIGHTS, "distance").build();
        Config mapped = Config.of("toy", Map.of("max_depth", 6, "learning_rate", 0.3, "weights", "distance"));
        assertThat(built).isEqualTo(mapped);
        assertThat(built.toString()).isEqualTo("toy{learning_rate=0.3000, max_depth=6, weights=distance}");
    }

    @Test
    void typedParametersReadTheirValues() {
        Config c = Config.of("toy", Map.of("max_depth", 6, "learning_rate", 0.3, "weights", "distance"));
        int depth = c.get(DEPTH);
        double rate = c.get(RATE);
        String weights = c.get(WEIGHTS);
        assertThat(depth).isEqualTo(6);
        assertThat(rate).isEqualTo(0.3);
        assertThat(weights).isEqualTo("distance");
    }

    @Test
    void readingAMissingParameterNamesItAndTheConfigsParameters() {
        Config c = Config.builder("toy").with(DEPTH, 3).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.get(RATE));
        assertThat(e).hasMessage("config of 'toy' has no hyperparameter 'learning_rate'; it has [max_depth]");
    }

    @Test
    void builderRejectsValuesOutsideTheParameter() {
        Config.Builder b = Config.builder("toy");
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> b.with(DEPTH, 40));
        assertThat(depth).hasMessage("hyperparameter 'max_depth' of 'toy' must be in [2, 12], but was 40");
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> b.with(RATE, Double.NaN));
        assertThat(rate).hasMessage("hyperparameter 'learning_rate' of 'toy' must be in [0.01, 1.0], but was NaN");
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class, () -> b.with(WEIGHTS, "cosine"));
        assertThat(weights).hasMessage("hyperparameter 'weights' of 'toy' must be one of [uniform, distance], but was cosine");
    }
}
