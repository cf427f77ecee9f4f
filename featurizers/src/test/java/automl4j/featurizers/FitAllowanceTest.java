package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 14: on a tight time allowance the featurizer fits less, says so, and is otherwise unchanged. */
class FitAllowanceTest {
    private static final Target TARGET = new Target("y", new Classification(List.of("a", "b")));
    private static final TabularFeaturizer TEXT = new TabularFeaturizer(FeaturizerOptions.defaults().toBuilder()
            .kind("notes", ColumnKind.TEXT).build());

    /** {@code n} documents of about 500 characters, a number, and the target. */
    private static Table table(int n) {
        StringColumn notes = StringColumn.create("notes");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            StringBuilder doc = new StringBuilder();
            while (doc.length() < 500) {
                doc.append("word").append((i * 7 + doc.length()) % 97).append(' ');
            }
            notes.append(doc.toString());
            x.append(i % 13);
            y.append(i % 3 == 0 ? "a" : "b");
        }
        return Table.create("t", notes, x, y);
    }

    private static FittedTransform fit(Table t, TabularFeaturizer featurizer) {
        int[] rows = IntStream.range(0, t.rowCount()).toArray();
        double[] labels = IntStream.range(0, t.rowCount()).mapToDouble(i -> i % 3 == 0 ? 0 : 1).toArray();
        return featurizer.fit(t, rows, TARGET, labels);
    }

    @Test
    void aTightAllowanceFitsTheVocabularyOnFewerDocumentsAndSaysSo() {
        Table t = table(1000);   // about 500,000 characters of text
        // 0.1 s affords 200,000 characters: about 400 of the 1,000 documents (each a little over 500 characters).
        FittedTransform cut = fit(t, (TabularFeaturizer) TEXT.withTimeAllowance(0.1));
        assertThat(cut.report().problems()).anySatisfy(p -> assertThat(p)
                .containsPattern("column 'notes': the text vocabulary was fitted on 3[89]\\d of 1000 documents to fit the time budget"));
    }

    @Test
    void aTightAllowanceChecksFewerRowsForLeakageAndSaysSo() {
        DoubleColumn x = DoubleColumn.create("x", IntStream.range(0, 5000).mapToDouble(i -> i % 13).toArray());
        StringColumn y = StringColumn.create("y", IntStream.range(0, 5000).mapToObj(i -> i % 3 == 0 ? "a" : "b").toArray(String[]::new));
        Table t = Table.create("t", x, y);
        FittedTransform cut = fit(t, (TabularFeaturizer) new TabularFeaturizer().withTimeAllowance(0.01));
        assertThat(cut.report().problems()).contains("column 'x': the leakage check used 2000 of 5000 rows to fit the time budget");
        assertThat(fit(t, new TabularFeaturizer()).report().problems()).noneMatch(p -> p.contains("time budget"));
    }

    @Test
    void anAmpleAllowanceChangesNothing() {
        Table t = table(300);
        FittedTransform plain = fit(t, TEXT);
        FittedTransform ample = fit(t, (TabularFeaturizer) TEXT.withTimeAllowance(60));
        assertThat(plain.report().kinds()).containsEntry("notes", "text");
        assertThat(ample.report().problems()).isEqualTo(plain.report().problems());
        assertThat(new String(ample.export(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.export(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theLeakageCheckScoresFewerRowsOnATightAllowance() {
        FitAllowance tight = FitAllowance.of(0.01);
        assertThat(tight.leakageRows(100_000)).isEqualTo(FitAllowance.MIN_LEAKAGE_ROWS);
        assertThat(FitAllowance.of(0.2).leakageRows(100_000)).isEqualTo(10_000);
        assertThat(FitAllowance.of(0.2).leakageRows(500)).isEqualTo(500);
        assertThat(FitAllowance.UNLIMITED.leakageRows(100_000)).isEqualTo(100_000);
    }

    @Test
    void vocabularyDocumentsAreEvenlySpreadAndNeverFewerThanTheMinimum() {
        Table t = table(1000);
        int[] rows = IntStream.range(0, 1000).toArray();
        int[] few = FitAllowance.of(1e-6).vocabularyDocuments(t.column("notes"), rows);
        assertThat(few).hasSize(FitAllowance.MIN_DOCUMENTS).isSorted();
        assertThat(few[1] - few[0]).isEqualTo(5);
        assertThat(FitAllowance.of(10).vocabularyDocuments(t.column("notes"), rows)).isEqualTo(rows);
    }

    @Test
    void rejectsAnAllowanceThatIsNotPositive() {
        assertThatThrownBy(() -> new TabularFeaturizer().withTimeAllowance(0)).hasMessage("time allowance must be > 0 s, but was 0.0");
        assertThatThrownBy(() -> new TabularFeaturizer().withTimeAllowance(Double.NaN)).hasMessageContaining("must be > 0 s");
    }
}
