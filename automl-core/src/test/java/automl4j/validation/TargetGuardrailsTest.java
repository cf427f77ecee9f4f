package automl4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.featurize.Guardrail;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGuardrailsTest {
    private static double[] labels(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] y = new double[n];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int j = 0; j < counts[k]; j++) {
                y[i++] = k;
            }
        }
        return y;
    }

    @Test
    void balancedClassesPass() {
        List<Guardrail> g = TargetGuardrails.check(new Target("y", new Classification(List.of("a", "b"))), labels(50, 40), 5);
        assertThat(g).extracting(Guardrail::status).containsOnly(Guardrail.Status.PASSED);
    }

    @Test
    void imbalanceAndRareClassesAreAlertsWithTheirFigures() {
        Target t = new Target("y", new Classification(List.of("a", "b", "c")));
        List<Guardrail> g = TargetGuardrails.check(t, labels(100, 15, 3), 5);
        assertThat(g.get(0).check()).isEqualTo("class-imbalance");
        assertThat(g.get(0).status()).isEqualTo(Guardrail.Status.ALERT);
        assertThat(g.get(0).figures()).containsEntry("minority_to_majority", 0.03);
        assertThat(g.get(0).message()).contains("class 'c' has 3 rows");
        assertThat(g.get(1).check()).isEqualTo("rare-classes");
        assertThat(g.get(1).status()).isEqualTo(Guardrail.Status.ALERT);
        assertThat(g.get(1).figures()).containsOnlyKeys("c");
    }

    @Test
    void regressionTargetsPass() {
        List<Guardrail> g = TargetGuardrails.check(new Target("y", new Regression()), new double[] {1, 2, 3}, 5);
        assertThat(g).extracting(Guardrail::status).containsOnly(Guardrail.Status.PASSED);
    }
}
