package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class EncodersTest {
    static final Target BINARY = new Target("y", new Classification(List.of("a", "b")));

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static Table withTarget(int n, tech.tablesaw.columns.Column<?>... columns) {
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            y.append(i % 2 == 0 ? "a" : "b");
        }
        return Table.create("t", columns).addColumns(y);
    }

    private static double[] alternating(int n) {
        return IntStream.range(0, n).mapToDouble(i -> i % 2).toArray();
    }

    @Test
    void detectsBooleansDatesTextIdsAndCategories() {
        int n = 60;
        StringColumn flag = StringColumn.create("flag");
        StringColumn iso = StringColumn.create("when");
        StringColumn us = StringColumn.create("us_date");
        StringColumn customer = StringColumn.create("customerId");
        StringColumn note = StringColumn.create("note");
        StringColumn colour = StringColumn.create("colour");
        for (int i = 0; i < n; i++) {
            flag.append(i % 3 == 0 ? "Y" : "n");
            iso.append(LocalDate.of(2020, 1, 1).plusDays(i * 7L) + (i % 2 == 0 ? "T10:30:00" : "T23:05:00Z"));
            us.append(String.format("%02d/%02d/2021", 1 + i % 12, 13 + i % 15));
            customer.append(Integer.toString(1000 + i * 37 % 61));
            note.append("the parcel number " + i + " arrived late and was damaged");
            colour.append(List.of("red", "green", "blue").get(i % 3));
        }
        Table t = withTarget(n, flag, iso, us, customer, note, colour);
        FittedTransform f = new TabularFeaturizer().fit(t, all(n), BINARY, alternating(n));
        assertThat(f.report().kinds()).containsEntry("flag", "boolean").containsEntry("when", "datetime")
                .containsEntry("us_date", "datetime").containsEntry("customerId", "id-like").containsEntry("note", "text")
                .containsEntry("colour", "categorical");
    }

    @Test
    void kindOverridesWinAndAreChecked() {
        int n = 30;
        StringColumn code = StringColumn.create("zip");
        for (int i = 0; i < n; i++) {
            code.append(Integer.toString(10000 + i % 4));
        }
        Table t = withTarget(n, code);
        FeaturizerOptions asCategory = FeaturizerOptions.builder().kind("zip", ColumnKind.CATEGORICAL).build();
        FittedTransform f = new TabularFeaturizer(asCategory).fit(t, all(n), BINARY, alternating(n));
        assertThat(f.report().kinds()).containsEntry("zip", "categorical");
        assertThat(f.featureNames()).contains("zip=10000", "zip=10003");
        // The same codes as typed numbers (a table built in code, not read from CSV) give the same categories.
        tech.tablesaw.api.IntColumn typed = tech.tablesaw.api.IntColumn.create("zip");
        for (int i = 0; i < n; i++) {
            typed.append(10000 + i % 4);
        }
        Table tt = withTarget(n, typed);
        FittedTransform ft = new TabularFeaturizer(asCategory).fit(tt, all(n), BINARY, alternating(n));
        assertThat(ft.report().kinds()).containsEntry("zip", "categorical");
        assertThat(ft.featureNames()).contains("zip=10000", "zip=10003");
        automl4j.learn.FeatureMatrix x = ft.transform(tt, null);
        assertThat(x.row(2)[ft.featureNames().indexOf("zip=10002")]).isEqualTo(1f);
        assertThat(x.row(2)[ft.featureNames().indexOf("zip=10000")]).isEqualTo(0f);
        FeaturizerOptions unknown = FeaturizerOptions.builder().kind("zop", ColumnKind.NUMERIC).build();
        assertThatThrownBy(() -> new TabularFeaturizer(unknown).fit(t, all(n), BINARY, alternating(n)))
                .hasMessageContaining("a column kind is given for 'zop', which is not in the table");
        StringColumn words = StringColumn.create("words", IntStream.range(0, n).mapToObj(i -> "w" + i).toList());
        Table t2 = withTarget(n, words);
        FeaturizerOptions asNumber = FeaturizerOptions.builder().kind("words", ColumnKind.NUMERIC).build();
        assertThatThrownBy(() -> new TabularFeaturizer(asNumber).fit(t2, all(n), BINARY, alternating(n)))
                .hasMessageContaining("column 'words' is declared numeric, but row 1 holds 'w0'");
        assertThatThrownBy(() -> ColumnKind.fromLabel("numbers")).hasMessageContaining("unknown column kind 'numbers'");
    }

    @Test
    void dateEncoderWritesCalendarPartsAndHandlesMissingValues() {
        DateColumn d = DateColumn.create("day", List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), LocalDate.of(2023, 12, 31)));
        d.appendMissing();
        StringColumn y = StringColumn.create("y", List.of("a", "b", "a", "b"));
        Table t = Table.create("t", d, y);
        FittedTransform f = new TabularFeaturizer().fit(t, all(3), BINARY, new double[] {0, 1, 0});
        FeatureMatrix x = f.transform(t, null);
        List<String> names = f.featureNames();
        assertThat(x.get(0, names.indexOf("day:year"))).isEqualTo(2024f);
        assertThat(x.get(0, names.indexOf("day:month"))).isEqualTo(2f);
        assertThat(x.get(0, names.indexOf("day:day"))).isEqualTo(29f);
        assertThat(x.get(0, names.indexOf("day:day_of_week"))).isEqualTo(4f);   // a Thursday
        assertThat(x.get(0, names.indexOf("day:day_of_year"))).isEqualTo(60f);
        assertThat(x.get(0, names.indexOf("day:elapsed_days"))).isEqualTo(60f);  // since 2023-12-31
        assertThat(names).doesNotContain("day:hour").doesNotContain("day=missing");
        assertThat(x.get(3, names.indexOf("day:year"))).isEqualTo(2024f);          // the median date fills a gap
    }

    @Test
    void textDatesThatStopFittingTheirPatternAreErrorsNamingTheRow() {
        StringColumn d = StringColumn.create("when", List.of("2020-01-01", "2020-02-01", "2020-03-01", "soon"));
        Table t = withTarget(4, d);
        FittedTransform f = new TabularFeaturizer().fit(t, all(3), BINARY, new double[] {0, 1, 0});
        assertThatThrownBy(() -> f.transform(t, null)).hasMessageContaining("column 'when' row 4 must be a date")
                .hasMessageContaining("'soon'");
    }

    @Test
    void rareCategoriesShareAnOtherFeatureWhichAlsoTakesUnseenOnes() {
        StringColumn c = StringColumn.create("c");
        for (int i = 0; i < 40; i++) {
            c.append(i < 20 ? "common" : i < 38 ? "usual" : "rare" + i);
        }
        Table t = withTarget(40, c);
        FittedTransform f = new TabularFeaturizer().fit(t, all(40), BINARY, alternating(40));
        assertThat(f.featureNames()).containsExactly("c=common", "c=usual", "c=other");
        Table fresh = withTarget(2, StringColumn.create("c", List.of("never-seen", "common")));
        FeatureMatrix x = f.transform(fresh, null);
        assertThat(x.row(0)).containsExactly(0f, 0f, 1f);
        assertThat(x.row(1)).containsExactly(1f, 0f, 0f);
    }

    @Test
    void targetEncodingIsOutOfFoldOnTrainingRowsAndUsesAllRowsElsewhere() {
        int n = 200;
        StringColumn c = StringColumn.create("city");
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            c.append("c" + (i % 40));
            labels[i] = (i % 40) < 20 ? 1 : 0;
        }
        StringColumn y = StringColumn.create("y");
        for (double v : labels) {
            y.append(v == 1 ? "b" : "a");
        }
        Table t = Table.create("t", c, y);
        FittedTransform f = new TabularFeaturizer().fit(t, all(n), BINARY, labels);
        assertThat(f.report().kinds()).containsEntry("city", "high-cardinality");
        int col = f.featureNames().indexOf("city:target");
        FeatureMatrix own = f.transformTraining(t, null);
        FeatureMatrix fresh = f.transform(t, null);
        assertThat(f.transform(t.copy(), null).toArray()).isEqualTo(fresh.toArray());
        // All five rows of c0 are positive: with all rows, (5 + 10 * 0.5) / (5 + 10); out of fold, fewer own rows count.
        assertThat(fresh.get(0, col)).isCloseTo(10f / 15f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(own.get(0, col)).isLessThan(fresh.get(0, col)).isGreaterThan(0.5f);
        Table unseen = Table.create("u", StringColumn.create("city", List.of("atlantis")));
        assertThat(f.transform(unseen, null).get(0, col)).isEqualTo(0.5f);
    }

    @Test
    void tfidfLearnsItsVocabularyFromTrainingRowsOnlyAndNormalizesRows() {
        StringColumn text = StringColumn.create("text");
        for (int i = 0; i < 30; i++) {
            text.append(i < 20 ? "corn prices rose again in the market today " + (i % 3 == 0 ? "sharply" : "slowly")
                    : "zebra unicorn giraffe hippo");
        }
        Table t = withTarget(30, text);
        int[] train = all(20);
        FittedTransform f = new TabularFeaturizer().fit(t, train, BINARY, alternating(20));
        assertThat(f.featureNames()).contains("text:w:corn", "text:w:corn prices", "text:w:sharply")
                .noneMatch(n -> n.contains("zebra")).noneMatch(n -> n.contains(":c:"));
        FeatureMatrix x = f.transform(t, null);
        assertThat(x.isSparse()).isFalse();   // only a few features: dense
        double norm = 0;
        for (int c = 0; c < f.featureNames().size(); c++) {
            if (f.featureNames().get(c).startsWith("text:w:")) {
                norm += x.get(0, c) * x.get(0, c);
                assertThat(x.get(25, c)).isZero();   // words outside the vocabulary are ignored
            }
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void characterNgramsComeWhenAskedFor() {
        StringColumn text = StringColumn.create("text");
        for (int i = 0; i < 20; i++) {
            text.append("corn prices rose " + (i % 2 == 0 ? "sharply" : "slowly") + " on day " + i);
        }
        Table t = withTarget(20, text);
        FeaturizerOptions chars = FeaturizerOptions.builder().textChars(50).build();
        FittedTransform f = new TabularFeaturizer(chars).fit(t, all(20), BINARY, alternating(20));
        assertThat(f.featureNames()).contains("text:c: co", "text:c:corn ", "text:c:orn");
        assertThat(f.featureNames().stream().filter(n -> n.startsWith("text:c:"))).hasSize(50);
    }

    @Test
    void wideTextBecomesASparseMatrixWithTheSameValues() {
        StringColumn text = StringColumn.create("text");
        for (int i = 0; i < 300; i++) {
            text.append("token" + i + " token" + (i + 1) + " shared words " + (i % 7) + " and " + (i * 13 % 50));
        }
        Table t = withTarget(300, text);
        FittedTransform f = new TabularFeaturizer().fit(t, all(300), BINARY, alternating(300));
        FeatureMatrix x = f.transform(t, null);
        assertThat(x.isSparse()).isTrue();
        assertThat(x.columns()).isGreaterThanOrEqualTo(FittedTabularTransform.SPARSE_MIN_FEATURES);
        FittedTransform loaded = new TabularFeaturizer().load(f.export());
        assertThat(loaded.transform(t.copy(), null).toArray()).isEqualTo(x.toArray());
    }

    @Test
    void imputationAndScalingFollowTheOptions() {
        DoubleColumn v = DoubleColumn.create("v", new double[] {1, 2, 2, 100, Double.NaN});
        StringColumn y = StringColumn.create("y", List.of("a", "b", "a", "b", "a"));
        Table t = Table.create("t", v, y);
        FeaturizerOptions o = FeaturizerOptions.builder().imputation(FeaturizerOptions.Imputation.MOST_FREQUENT)
                .scaling(FeaturizerOptions.Scaling.NONE).build();
        FeatureMatrix x = new TabularFeaturizer(o).fit(t, all(5), BINARY, new double[] {0, 1, 0, 1, 0}).transform(t, null);
        assertThat(x.row(4)).containsExactly(2f, 1f);
        FeaturizerOptions robust = FeaturizerOptions.builder().scaling(FeaturizerOptions.Scaling.ROBUST).build();
        FeatureMatrix r = new TabularFeaturizer(robust).fit(t, all(5), BINARY, new double[] {0, 1, 0, 1, 0}).transform(t, null);
        assertThat(r.get(1, 0)).isZero();   // the median, 2, maps to 0
        assertThatThrownBy(() -> FeaturizerOptions.builder().oneHotMax(1).build()).hasMessageContaining("featurize.one_hot_max must be >= 2");
    }

    @Test
    void predictTimeChecksNameMissingAndExtraColumnsAndWrongTypes() {
        DoubleColumn v = DoubleColumn.create("v", new double[] {1, 2, 3, 4});
        StringColumn c = StringColumn.create("c", List.of("x", "y", "x", "y"));
        StringColumn y = StringColumn.create("y", List.of("a", "b", "a", "b"));
        Table t = Table.create("t", v, c, y);
        FittedTransform f = new TabularFeaturizer().fit(t, all(4), BINARY, new double[] {0, 1, 0, 1});
        Table noC = Table.create("n", DoubleColumn.create("v", new double[] {1}));
        assertThatThrownBy(() -> f.transform(noC, null)).hasMessageContaining("input columns [c] are missing");
        Table extra = Table.create("e", DoubleColumn.create("v", new double[] {1}), StringColumn.create("c", List.of("x")),
                StringColumn.create("comment", List.of("hi")));
        assertThat(f.warnings(extra)).containsExactly("columns [comment] are not inputs of the model and are ignored");
        Table wrong = Table.create("w", StringColumn.create("v", List.of("many")), StringColumn.create("c", List.of("x")));
        assertThatThrownBy(() -> f.transform(wrong, null)).hasMessageContaining("column 'v' row 1 must be a number, but was 'many'");
    }
}
