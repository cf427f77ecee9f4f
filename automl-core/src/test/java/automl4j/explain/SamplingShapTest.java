package automl4j.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SamplingShapTest {
    private static Table table(double[] a, double[] b, String[] c) {
        return Table.create("t", DoubleColumn.create("a", a), DoubleColumn.create("b", b), StringColumn.create("c", c));
    }

    /** {@code f} of columns a and b, one output; column c is never read. */
    private static Function<Table, double[][]> model(java.util.function.DoubleBinaryOperator f) {
        return t -> {
            double[][] out = new double[t.rowCount()][1];
            for (int i = 0; i < t.rowCount(); i++) {
                out[i][0] = f.applyAsDouble(t.doubleColumn("a").getDouble(i), t.doubleColumn("b").getDouble(i));
            }
            return out;
        };
    }

    @Test
    void anAdditiveModelGetsItsTermsAndAnUnreadColumnGetsZero() {
        Table rows = table(new double[] {1, 4}, new double[] {2, -1}, new String[] {"x", "y"});
        Table background = table(new double[] {0}, new double[] {1}, new String[] {"z"});
        ShapValues shap = new SamplingShap(3, 5).explain(model((a, b) -> 2 * a + 3 * b), List.of("y"), "value", rows, background,
                List.of("a", "b", "c"));
        assertThat(shap.base(0)).isCloseTo(3, within(1e-12));
        assertThat(shap.value(0, 0, 0)).isCloseTo(2 * (1 - 0), within(1e-12));
        assertThat(shap.value(0, 1, 0)).isCloseTo(3 * (2 - 1), within(1e-12));
        assertThat(shap.value(1, 1, 0)).isCloseTo(3 * (-1 - 1), within(1e-12));
        assertThat(shap.value(0, 2, 0)).isZero();
        assertThat(shap.value(1, 2, 0)).isZero();
    }

    @Test
    void antitheticOrdersShareAnInteractionEquallyBetweenSymmetricColumns() {
        Table rows = table(new double[] {1}, new double[] {1}, new String[] {"x"});
        Table background = table(new double[] {0}, new double[] {0}, new String[] {"x"});
        ShapValues shap = new SamplingShap(1, 9).explain(model((a, b) -> a * b), List.of("y"), "value", rows, background,
                List.of("a", "b", "c"));
        assertThat(shap.value(0, 0, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(shap.value(0, 1, 0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void valuesAddUpToTheOutputMinusTheBase() {
        int n = 30;
        double[] a = new double[n];
        double[] b = new double[n];
        String[] c = new String[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
            c[i] = "v" + r.nextInt(3);
        }
        Table data = table(a, b, c);
        Function<Table, double[][]> f = model((x, y) -> Math.tanh(x * y) + Math.max(0, x - y));
        ShapValues shap = new SamplingShap(4, 2).explain(f, List.of("y"), "value", data.first(5), data, List.of("a", "b", "c"));
        double[][] out = f.apply(data.first(5));
        for (int i = 0; i < 5; i++) {
            assertThat(shap.output(i, 0)).isCloseTo(out[i][0], within(1e-12));
        }
    }

    @Test
    void anEmptyBackgroundOrAMissingColumnIsRefused() {
        Table rows = table(new double[] {1}, new double[] {1}, new String[] {"x"});
        assertThatThrownBy(() -> new SamplingShap(1, 1).explain(model((a, b) -> a), List.of("y"), "value", rows, rows.emptyCopy(),
                List.of("a"))).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> new SamplingShap(1, 1).explain(model((a, b) -> a), List.of("y"), "value", rows, rows,
                List.of("d"))).hasMessageContaining("column 'd' is missing");
    }
}
