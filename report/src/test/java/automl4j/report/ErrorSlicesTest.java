package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ErrorSlicesTest {
    @Test
    void findsThePlantedSliceWhereTheErrorIsHigh() {
        int n = 1000;
        SplittableRandom r = new SplittableRandom(4);
        DoubleColumn age = DoubleColumn.create("age");
        StringColumn plan = StringColumn.create("plan");
        DoubleColumn noise = DoubleColumn.create("noise");
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 18 + r.nextInt(60);
            String p = r.nextInt(3) == 0 ? "monthly" : r.nextBoolean() ? "yearly" : "two-year";
            age.append(a);
            plan.append(p);
            noise.append(r.nextGaussian());
            // errors are high for young customers on the monthly plan
            error[i] = (a < 30 && p.equals("monthly") ? 2.0 : 0.2) + 0.1 * r.nextGaussian();
        }
        Table t = Table.create("t", age, plan, noise);
        List<ErrorSlices.Slice> slices = new ErrorSlices(2, 0.03).find(t, error, List.of("age", "plan", "noise"));
        ErrorSlices.Slice worst = slices.get(0);
        assertThat(worst.description()).contains("plan = monthly").containsPattern("age <= 2\\d");
        assertThat(worst.meanError()).isGreaterThan(1.5);
        assertThat(slices.stream().mapToInt(ErrorSlices.Slice::rows).sum()).isEqualTo(n);
        assertThat(slices).allMatch(s -> s.rows() >= 30);
    }

    @Test
    void noSplitWhenTheErrorIsFlat() {
        Table t = Table.create("t", DoubleColumn.create("x", new double[] {1, 2, 3, 4}));
        assertThat(new ErrorSlices(2, 0.1).find(t, new double[] {1, 1, 1, 1}, List.of("x")))
                .containsExactly(new ErrorSlices.Slice("all rows", 4, 1.0));
    }

    @Test
    void answersAboutOneColumnMergeIntoItsTightestCondition() {
        int n = 900;
        SplittableRandom r = new SplittableRandom(6);
        StringColumn calls = StringColumn.create("support_calls");
        DoubleColumn x = DoubleColumn.create("x");
        double[] error = new double[n];
        double[] byLevel = {0, 2, 3};   // "1.0" errs least, "3.0" most
        for (int i = 0; i < n; i++) {
            int level = i % 3;
            calls.append((level + 1) + ".0");
            x.append(r.nextDouble());
            error[i] = byLevel[level] + 0.1 * r.nextGaussian();
        }
        List<ErrorSlices.Slice> slices = new ErrorSlices(2, 0.02).find(Table.create("t", calls, x), error, List.of("support_calls", "x"));
        // the tree asks "= 1.0?", then, of the rest, "= 2.0?": "≠ 1.0 and = 2.0" is "= 2.0", "≠ 1.0 and ≠ 2.0" one condition
        assertThat(slices).extracting(ErrorSlices.Slice::description).startsWith("support_calls not in {1.0, 2.0}", "support_calls = 2.0")
                .allMatch(d -> d.indexOf("support_calls") == d.lastIndexOf("support_calls"));

        DoubleColumn tenure = DoubleColumn.create("tenure");
        double[] band = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i % 100;
            tenure.append(t);
            band[i] = (t > 40 && t <= 70 ? 1 : 0) + 0.01 * r.nextGaussian();
        }
        ErrorSlices.Slice worst = new ErrorSlices(2, 0.02).find(Table.create("t", tenure), band, List.of("tenure")).get(0);
        assertThat(worst.description()).matches("\\d+ < tenure <= \\d+");
        assertThat(worst.meanError()).isGreaterThan(0.8);
    }
}
