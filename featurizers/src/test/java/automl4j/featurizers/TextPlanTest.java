package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 16: what a short budget chooses for text, that the run's report names it, and that it learns from training rows only. */
class TextPlanTest {
    private static final Target TARGET = new Target("y", new Classification(List.of("a", "b")));
    private static final TabularFeaturizer TEXT = new TabularFeaturizer(FeaturizerOptions.defaults().toBuilder()
            .kind("notes", ColumnKind.TEXT).build());

    /** {@code n} documents of 200 words from a 3,000-word vocabulary; rows from {@code heldOut} on also say "zyzzyva twice". */
    private static Table table(int n, int heldOut) {
        StringColumn notes = StringColumn.create("notes");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            StringBuilder doc = new StringBuilder();
            for (int w = 0; w < 200; w++) {
                doc.append("word").append((i * 7919L + w * 104_729L) % 3000).append(' ');
            }
            if (i >= heldOut) {
                doc.append("zyzzyva twice");
            }
            notes.append(doc.toString());
            y.append(i % 3 == 0 ? "a" : "b");
        }
        return Table.create("t", notes, y);
    }

    private static FittedTransform fit(Table t, TabularFeaturizer featurizer, int rows) {
        int[] r = IntStream.range(0, rows).toArray();
        return featurizer.fit(t, r, TARGET, IntStream.range(0, rows).mapToDouble(i -> i % 3 == 0 ? 0 : 1).toArray());
    }

    @Test
    void aShortAllowanceKeepsFewerSingleWordsAndTheReportSaysWhy() {
        Table t = table(2000, 2000);   // 400,000 words
        FittedTransform cut = fit(t, (TabularFeaturizer) TEXT.withTimeAllowance(0.1), 2000);
        // 0.1 s affords 1,000 entries (the minimum) and 90,000 words with pairs: single words only.
        assertThat(cut.report().problems()).anySatisfy(p -> assertThat(p).contains("column 'notes': ")
                .contains("2000 documents, 0.40 M words; vocabulary of at most 1000 single words (no word pairs)")
                .contains("to fit 0.10 s per featurizer fit (featurize.text_words 10000)"));
        List<String> names = cut.featureNames();
        assertThat(names.stream().filter(n -> n.startsWith("notes:w:"))).hasSize(1000).noneMatch(n -> n.contains(" "));
    }

    @Test
    void aLongerAllowanceKeepsWordPairsAndMoreWords() {
        Table t = table(500, 500);   // 100,000 words
        FittedTransform fitted = fit(t, (TabularFeaturizer) TEXT.withTimeAllowance(0.5), 500);
        assertThat(fitted.report().problems()).anySatisfy(p -> assertThat(p)
                .contains("vocabulary of at most 5000 word 1- and 2-grams"));
        assertThat(fitted.featureNames().stream().filter(n -> n.startsWith("notes:w:"))).anyMatch(n -> n.contains(" "));
    }

    @Test
    void theVocabularyIsLearnedFromTheTrainingRowsOnly() {
        Table t = table(400, 300);   // only rows 300 to 399 say "zyzzyva twice"
        for (TabularFeaturizer f : List.of(TEXT, (TabularFeaturizer) TEXT.withTimeAllowance(0.05))) {
            assertThat(fit(t, f, 300).featureNames()).noneMatch(n -> n.contains("zyzzyva") || n.contains("twice"));
            assertThat(fit(t, f, 400).featureNames()).contains("notes:w:zyzzyva");
        }
    }

    @Test
    void wordPairsAreTheSameWhetherOrNotTheColumnWasTokenizedWithoutThemFirst() {
        StringColumn c = table(300, 300).stringColumn("notes");
        int[] rows = IntStream.range(0, 300).toArray();
        TfidfEncoder singles = TfidfEncoder.fit(c, rows, 500, false, 0);
        TfidfEncoder pairs = TfidfEncoder.fit(c, rows, 800, true, 0);
        TfidfEncoder singlesAgain = TfidfEncoder.fit(c, rows, 500, false, 0);   // from the cached tokens with pairs
        assertThat(singlesAgain.words()).isEqualTo(singles.words());
        assertThat(pairs.words()).anyMatch(w -> w.contains(" "));
        Grams g = TextTokens.of(c, true, false).wordIds;
        String pair = pairs.words().stream().filter(w -> w.contains(" ")).findFirst().orElseThrow();
        assertThat(g.term(g.id(pair))).isEqualTo(pair);
        assertThat(g.id("never seen")).isEqualTo(-1);
    }
}
