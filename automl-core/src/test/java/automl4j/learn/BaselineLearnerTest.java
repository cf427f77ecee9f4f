package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.space.Config;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineLearnerTest {
    private static final BaselineLearner BASELINE = new BaselineLearner();

    private static TrainingSet labels(Target target, double... y) {
        return new TrainingSet(FeatureMatrix.of(new float[0], y.length, List.of()), Labels.of(y), target);
    }

    private static FeatureMatrix rows(int n) {
        return FeatureMatrix.of(new float[n], n, List.of("f"));
    }

    private static ModelArtifact payload(String json) {
        return new ModelArtifact(BaselineLearner.ID, BaselineLearner.FORMAT, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void predictsTheClassPriorForEveryRowAndLoadsBackIdentically() {
        Target target = new Target("y", new Classification(List.of("a", "b", "c")));
        FittedModel model = BASELINE.fit(labels(target, 0, 1, 1, 2, 1), Config.of(BaselineLearner.ID, Map.of()), FitContext.of(1, 1));
        Predictions p = model.predict(rows(3));
        assertThat(p.probabilities(2)).containsExactly(0.2, 0.6, 0.2);
        FittedModel loaded = BASELINE.load(model.export());
        assertThat(loaded.predict(rows(3)).probabilities(0)).containsExactly(p.probabilities(0));
        assertThat(loaded.predict(rows(1)).classes()).containsExactly("a", "b", "c");
    }

    @Test
    void predictsTheMeanForRegression() {
        Target target = new Target("y", new Regression());
        FittedModel model = BASELINE.fit(labels(target, 1, 2, 6), Config.of(BaselineLearner.ID, Map.of()), FitContext.of(1, 1));
        assertThat(BASELINE.load(model.export()).predict(rows(2)).value(1)).isEqualTo(3.0);
    }

    @Test
    void rejectsPayloadsThatAreNotExactlyAsDocumented() {
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":1,\"task\":\"regression\",\"mean\":1,\"extra\":2}")))
                .hasMessageContaining("fields must be [mean, task, version]");
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":1,\"task\":\"regression\",\"mean\":\"NaN\"}")))
                .hasMessageContaining("'mean' must be a finite number");
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":1,\"task\":\"binary\",\"classes\":[\"a\",\"b\"],"
                + "\"probabilities\":[0.5,0.6]}"))).hasMessageContaining("must sum to 1");
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":1,\"task\":\"binary\",\"classes\":[\"a\",\"a\"],"
                + "\"probabilities\":[0.5,0.5]}"))).hasMessageContaining("class 1 must be a distinct string");
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":1,\"task\":\"binary\",\"classes\":[\"a\",\"b\",\"c\"],"
                + "\"probabilities\":[0.5,0.25,0.25]}"))).hasMessageContaining("exactly 2 for binary");
        assertThatThrownBy(() -> BASELINE.load(payload("{\"version\":2,\"task\":\"regression\",\"mean\":1}")))
                .hasMessageContaining("'version' must be 1");
        assertThatThrownBy(() -> BASELINE.load(payload("[1,2")))
                .hasMessageStartingWith("baseline model: payload is not JSON");
        assertThatThrownBy(() -> BASELINE.load(new ModelArtifact(BaselineLearner.ID, "xgboost-ubj", Map.of(), new byte[1])))
                .hasMessageContaining("format must be 'baseline-json'");
    }
}
