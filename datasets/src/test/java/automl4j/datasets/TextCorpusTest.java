package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TextCorpusTest {
    @Test
    void theSameArgumentsGiveTheSameCorpus() {
        Table a = TextCorpus.generate(50, 100, false, 3);
        Table b = TextCorpus.generate(50, 100, false, 3);
        assertThat(a.columnNames()).containsExactly(TextCorpus.TEXT, TextCorpus.LABEL);
        assertThat(a.stringColumn(TextCorpus.TEXT).asList()).isEqualTo(b.stringColumn(TextCorpus.TEXT).asList());
        assertThat(TextCorpus.generate(50, 100, false, 4).stringColumn(TextCorpus.TEXT).asList())
                .isNotEqualTo(a.stringColumn(TextCorpus.TEXT).asList());
    }

    @Test
    void documentsHaveAboutTheAskedWordCountAndBothLabels() {
        Table t = TextCorpus.generate(400, 700, false, 7);
        double meanWords = t.stringColumn(TextCorpus.TEXT).asList().stream().mapToInt(s -> s.split("[ .]+").length).average().orElseThrow();
        assertThat(meanWords).isBetween(650.0, 750.0);
        assertThat(t.stringColumn(TextCorpus.LABEL).countUnique()).isEqualTo(2);
    }

    @Test
    void theRegressionVariantHasANumericScore() {
        Table t = TextCorpus.generate(200, 20, true, 7);
        assertThat(t.columnNames()).containsExactly(TextCorpus.TEXT, TextCorpus.SCORE);
        assertThat(t.doubleColumn(TextCorpus.SCORE).standardDeviation()).isBetween(0.8, 1.3);
    }

    @Test
    void theVocabularyHasDistinctWords() {
        String[] v = TextCorpus.vocabulary();
        assertThat(Arrays.stream(v).distinct().count()).isEqualTo(TextCorpus.VOCABULARY);
        assertThat(v[0].length()).isLessThanOrEqualTo(v[v.length - 1].length());
    }

    @Test
    void rejectsTooFewDocumentsOrWords() {
        assertThatThrownBy(() -> TextCorpus.generate(5, 10, false, 1)).hasMessage("documents must be >= 10, but was 5");
        assertThatThrownBy(() -> TextCorpus.generate(10, 0, false, 1)).hasMessage("words must be >= 1, but was 0");
    }
}
