package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TabularFeaturizerTest {
    static final Target TARGET = new Target("y", new Classification(List.of("a", "b")));

    private static Table table(int n) {
        StringColumn id = StringColumn.create("id");
        StringColumn color = StringColumn.create("color");
        StringColumn size = StringColumn.create("size");
        StringColumn constant = StringColumn.create("constant");
        StringColumn empty = StringColumn.create("empty");
        StringColumn text = StringColumn.create("review");
        StringColumn many = StringColumn.create("city");
        DoubleColumn rowNumber = DoubleColumn.create("row_number");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            id.append("K" + (i * 7919 % 100003));
            if (i % 5 == 0) {
                color.appendMissing();
            } else {
                color.append(i % 3 == 0 ? "red" : "blue");
            }
            size.append(i % 4 == 0 ? "" : Integer.toString(i % 10));
            constant.append("same");
            empty.appendMissing();
            text.append("this product was " + (i % 2 == 0 ? "great" : "bad") + " and arrived on day " + i);
            many.append("c" + (i % 40));
            rowNumber.append(i + 1);
            y.append(i % 2 == 0 ? "a" : "b");
        }
        return Table.create("t", id, color, size, constant, empty, text, many, rowNumber, y);
    }

    private static FittedTransform fit(Table t) {
        int[] rows = IntStream.range(0, t.rowCount()).toArray();
        return new TabularFeaturizer().fit(t, rows, TARGET, new double[rows.length]);
    }

    @Test
    void infersKindsAndReportsDrops() {
        FittedTransform f = fit(table(100));
        assertThat(f.report().kinds()).containsEntry("id", "id-like").containsEntry("color", "categorical")
                .containsEntry("size", "numeric").containsEntry("constant", "constant").containsEntry("empty", "all-missing")
                .containsEntry("review", "text").containsEntry("city", "high-cardinality").containsEntry("row_number", "id-like");
        assertThat(f.report().problems()).anyMatch(p -> p.contains("'id' looks like an ID"))
                .anyMatch(p -> p.contains("'constant' has a single value"))
                .anyMatch(p -> p.contains("'empty' has only missing values"))
                .anyMatch(p -> p.contains("'size' has 25 missing values"));
        assertThat(f.featureNames()).contains("color=blue", "color=red", "color=missing", "size", "size=missing", "city:target",
                "city:frequency", "review:words", "review:w:great", "review:w:was great");
    }

    @Test
    void everyFeatureNamesTheColumnItIsMadeFrom() {
        FittedTransform f = fit(table(100));
        List<String> sources = f.featureSources();
        assertThat(sources).hasSameSizeAs(f.featureNames());
        assertThat(f.inputColumns()).containsAll(sources);
        for (int i = 0; i < sources.size(); i++) {
            String name = f.featureNames().get(i);
            String expected = name.startsWith("color=") ? "color" : name.startsWith("size") ? "size"
                    : name.startsWith("city:") ? "city" : name.startsWith("review:") ? "review" : null;
            if (expected != null) {
                assertThat(sources.get(i)).as(name).isEqualTo(expected);
            }
        }
        assertThat(sources).contains("color", "size", "city", "review");
    }

    @Test
    void unseenCategoriesAndMissingValuesAtPredictTime() {
        Table t = table(50);
        FittedTransform f = fit(t);
        Table fresh = t.first(2).copy();
        fresh.stringColumn("color").set(0, "green");
        fresh.stringColumn("color").setMissing(1);
        fresh.stringColumn("size").setMissing(0);
        fresh.stringColumn("city").set(0, "atlantis");
        FeatureMatrix x = f.transform(fresh, null);
        int blue = f.featureNames().indexOf("color=blue");
        int red = f.featureNames().indexOf("color=red");
        int missing = f.featureNames().indexOf("color=missing");
        assertThat(x.get(0, blue) + x.get(0, red) + x.get(0, missing)).isZero();
        assertThat(x.get(1, missing)).isEqualTo(1f);
        assertThat(x.get(0, f.featureNames().indexOf("size=missing"))).isEqualTo(1f);
        assertThat(x.get(0, f.featureNames().indexOf("city:frequency"))).isZero();
    }

    @Test
    void missingInputColumnIsNamedAndTextInANumericColumnIsMissingWithAWarning() {
        Table t = table(30);
        FittedTransform f = fit(t);
        assertThatThrownBy(() -> f.transform(t.copy().removeColumns("color"), null))
                .hasMessageContaining("input columns [color] are missing");
        Table bad = t.first(2).copy();
        bad.stringColumn("size").set(0, "large");
        bad.stringColumn("size").setMissing(1);
        // Detected numeric from text: a non-number reads as missing, as in training, and the warning names it.
        FeatureMatrix x = f.transform(bad, null);
        int size = f.featureNames().indexOf("size");
        assertThat(x.get(0, size)).isEqualTo(x.get(1, size));
        assertThat(f.warnings(bad.rejectColumns("y"))).containsExactly("column 'size': 1 cells are not numbers and are read as missing, e.g. "
                + "'large' (row 1)");
        // Declared numeric: still an error.
        FittedTransform declared = new TabularFeaturizer(FeaturizerOptions.builder().kind("size", ColumnKind.NUMERIC).build())
                .fit(t, IntStream.range(0, t.rowCount()).toArray(), TARGET, new double[t.rowCount()]);
        assertThatThrownBy(() -> declared.transform(bad, null))
                .hasMessageContaining("column 'size' row 1 must be a number, but was 'large'");
    }

    @Test
    void infiniteValuesAreRejected() {
        Table t = Table.create("t", DoubleColumn.create("x", 1.0, Double.POSITIVE_INFINITY, 3.0), StringColumn.create("y", "a", "b", "a"));
        assertThatThrownBy(() -> new TabularFeaturizer().fit(t, new int[] {0, 1, 2}, TARGET, new double[3]))
                .hasMessageContaining("column 'x' row 2 must be a finite number");
    }

    @Test
    void noUsableColumnIsAnError() {
        Table t = Table.create("t", StringColumn.create("c", "k", "k", "k"), StringColumn.create("y", "a", "b", "a"));
        assertThatThrownBy(() -> new TabularFeaturizer().fit(t, new int[] {0, 1, 2}, TARGET, new double[3]))
                .hasMessageContaining("no usable feature column");
    }
}
