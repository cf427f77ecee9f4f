package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.featurize.Guardrail;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class GuardrailsTest {
    static final Target BINARY = new Target("y", new Classification(List.of("no", "yes")));

    /** A clean table: two noisy numeric features, one categorical, a binary target related to them. */
    static Table clean(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        DoubleColumn a = DoubleColumn.create("a");
        DoubleColumn b = DoubleColumn.create("b");
        StringColumn c = StringColumn.create("c");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            a.append(x1);
            b.append(x2);
            c.append(List.of("red", "green", "blue").get(r.nextInt(3)));
            y.append(x1 + 0.5 * x2 + r.nextGaussian() > 0 ? "yes" : "no");
        }
        return Table.create("clean", a, b, c, y);
    }

    static double[] labels(Table t) {
        return IntStream.range(0, t.rowCount()).mapToDouble(i -> t.stringColumn("y").get(i).equals("yes") ? 1 : 0).toArray();
    }

    static Map<String, Guardrail> checks(Table t, FeaturizerOptions options) {
        int[] rows = IntStream.range(0, t.rowCount()).toArray();
        FittedTransform f = new TabularFeaturizer(options).fit(t, rows, BINARY, labels(t));
        return f.report().guardrails().stream().collect(Collectors.toMap(Guardrail::check, Function.identity()));
    }

    @Test
    void everyCheckPassesOnACleanTable() {
        Map<String, Guardrail> g = checks(clean(1, 500), FeaturizerOptions.defaults());
        assertThat(g.keySet()).containsExactlyInAnyOrder("missing-values", "high-cardinality", "id-like-columns",
                "constant-columns", "duplicate-rows", "target-leakage");
        assertThat(g.values()).allMatch(x -> x.status() == Guardrail.Status.PASSED, "all passed");
    }

    @Test
    void eachCheckFiresOnTheProblemItLooksFor() {
        Table t = clean(2, 400);
        DoubleColumn holes = DoubleColumn.create("holes");
        StringColumn zip = StringColumn.create("zip");
        StringColumn key = StringColumn.create("key");
        StringColumn same = StringColumn.create("same");
        for (int i = 0; i < 400; i++) {
            if (i % 10 == 0) {
                holes.appendMissing();
            } else {
                holes.append(i % 7);
            }
            zip.append("z" + (i % 90));
            key.append("k" + (i * 7919 % 100003));
            same.append("x");
        }
        t.addColumns(holes, zip, key, same);
        Map<String, Guardrail> g = checks(t, FeaturizerOptions.defaults());
        assertThat(g.get("missing-values").status()).isEqualTo(Guardrail.Status.FIXED);
        assertThat(g.get("missing-values").columns()).containsExactly("holes");
        assertThat(g.get("missing-values").figures()).containsEntry("holes", 0.1);
        assertThat(g.get("high-cardinality").columns()).containsExactly("zip");
        assertThat(g.get("id-like-columns").columns()).containsExactly("key");
        assertThat(g.get("constant-columns").columns()).containsExactly("same");
        assertThat(g.get("duplicate-rows").status()).isEqualTo(Guardrail.Status.PASSED);

        Table dup = clean(3, 200);
        dup.append(dup.first(20));
        Map<String, Guardrail> d = checks(dup, FeaturizerOptions.defaults());
        assertThat(d.get("duplicate-rows").status()).isEqualTo(Guardrail.Status.ALERT);
        assertThat(d.get("duplicate-rows").figures()).containsEntry("duplicate_rows", 20.0);
    }

    /** A noisy copy of the target (0.3% of labels flipped) and a value recorded only after a positive outcome. */
    static Table withLeaks(long seed, int n) {
        Table t = clean(seed, n);
        SplittableRandom r = new SplittableRandom(~seed);
        StringColumn copy = StringColumn.create("outcome_code");
        DoubleColumn refund = DoubleColumn.create("refund_amount");
        for (int i = 0; i < n; i++) {
            boolean yes = t.stringColumn("y").get(i).equals("yes");
            copy.append((yes ^ r.nextDouble() < 0.003) ? "Y1" : "N0");
            if (yes) {
                refund.append(10 + r.nextDouble() * 90);
            } else {
                refund.appendMissing();
            }
        }
        return t.addColumns(copy, refund);
    }

    @Test
    void plantedLeaksAreFlaggedForEverySeedAndHonestColumnsAreNot() {
        for (long seed = 0; seed < 20; seed++) {
            Map<String, Guardrail> g = checks(withLeaks(seed, 500 + (int) seed * 37), FeaturizerOptions.defaults());
            Guardrail leak = g.get("target-leakage");
            assertThat(leak.status()).as("seed %d: %s", seed, leak).isEqualTo(Guardrail.Status.ALERT);
            assertThat(leak.columns()).as("seed %d: %s %s", seed, leak, g.get("constant-columns")).containsExactlyInAnyOrder("outcome_code", "refund_amount");
            assertThat(leak.figures().get("outcome_code")).isGreaterThanOrEqualTo(LeakageDetector.THRESHOLD);
        }
    }

    @Test
    void leakagePolicyDropRemovesTheColumnsAndSaysSo() {
        Table t = withLeaks(5, 400);
        int[] rows = IntStream.range(0, 400).toArray();
        FeaturizerOptions drop = FeaturizerOptions.builder().leakage(FeaturizerOptions.LeakagePolicy.DROP).build();
        FittedTransform f = new TabularFeaturizer(drop).fit(t, rows, BINARY, labels(t));
        assertThat(f.featureNames()).noneMatch(n -> n.startsWith("outcome_code") || n.startsWith("refund_amount"));
        assertThat(f.featureNames()).contains("a", "b");
        Guardrail leak = f.report().guardrails().stream().filter(x -> x.check().equals("target-leakage")).findFirst().orElseThrow();
        assertThat(leak.status()).isEqualTo(Guardrail.Status.FIXED);
        assertThat(leak.message()).contains("dropped");
        FittedTransform kept = new TabularFeaturizer().fit(t, rows, BINARY, labels(t));
        assertThat(kept.featureNames()).contains("outcome_code=Y1");
    }

    @Test
    void guardrailsSurviveExportAndJson() {
        Table t = withLeaks(7, 300);
        int[] rows = IntStream.range(0, 300).toArray();
        FittedTransform f = new TabularFeaturizer().fit(t, rows, BINARY, labels(t));
        FittedTransform loaded = new TabularFeaturizer().load(f.export());
        assertThat(loaded.report().guardrails()).isEqualTo(f.report().guardrails());
    }

    @Test
    void aNearCopyOfARegressionTargetIsFlagged() {
        SplittableRandom r = new SplittableRandom(11);
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn copy = DoubleColumn.create("price_with_tax");
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            double v = r.nextGaussian();
            y[i] = 3 * v + r.nextGaussian();
            x.append(v);
            copy.append(1.2 * y[i] + 0.01 * r.nextGaussian());
        }
        Table t = Table.create("r", x, copy, DoubleColumn.create("y", y));
        FittedTransform f = new TabularFeaturizer().fit(t, IntStream.range(0, 200).toArray(),
                new Target("y", new Regression()), y);
        Guardrail leak = f.report().guardrails().stream().filter(g -> g.check().equals("target-leakage")).findFirst().orElseThrow();
        assertThat(leak.columns()).containsExactly("price_with_tax");
    }

    @Test
    void aColumnOfNumbersWithTooManyMissingTokensIsReadAsCategoriesAndSaysSo() {
        Table t = clean(3, 200);
        StringColumn weight = StringColumn.create("weight");
        StringColumn codes = StringColumn.create("code");
        for (int i = 0; i < 200; i++) {
            weight.append(i % 10 == 0 ? "NA" : i % 25 == 1 ? "?" : Integer.toString(50 + i % 37));   // 14% not numbers
            codes.append(List.of("a1", "b2", "c3").get(i % 3));
        }
        t.addColumns(weight, codes);
        Map<String, Guardrail> g = checks(t, FeaturizerOptions.defaults());
        Guardrail alert = g.get("mostly-numeric");
        assertThat(alert.status()).isEqualTo(Guardrail.Status.ALERT);
        assertThat(alert.columns()).containsExactly("weight");
        assertThat(alert.message()).contains("column 'weight' (high-cardinality): 86.0% numbers; other values 'NA' (20), '?' (8)")
                .contains("data.missing_values");
        // Declared categorical: the user said so, nothing to alert.
        Map<String, Guardrail> declared = checks(t, FeaturizerOptions.builder().kind("weight", ColumnKind.CATEGORICAL).build());
        assertThat(declared).doesNotContainKey("mostly-numeric");
    }
}
