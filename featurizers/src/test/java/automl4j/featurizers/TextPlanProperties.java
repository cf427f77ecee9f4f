package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

/** Issue 16: the text plan grows with the time allowance and shrinks with it, never past the user's caps. */
class TextPlanProperties {
    /** {@code documents} documents of {@code words} words each. */
    private static StringColumn corpus(int documents, int words) {
        StringColumn c = StringColumn.create("text");
        StringBuilder doc = new StringBuilder();
        for (int d = 0; d < documents; d++) {
            doc.setLength(0);
            for (int w = 0; w < words; w++) {
                doc.append('w').append((d * 31 + w * 7) % 500).append(' ');
            }
            c.append(doc.toString());
        }
        return c;
    }

    @Test
    void aLongerAllowanceNeverGivesASmallerPlan() {
        FeaturizerOptions options = FeaturizerOptions.defaults();
        qt().withExamples(60).forAll(doubles().between(0.001, 20), doubles().between(0.001, 20), integers().between(1, 4))
                .check((a, b, size) -> {
                    StringColumn text = corpus(100 * size * size, 50 * size);
                    int[] rows = IntStream.range(0, text.size()).toArray();
                    TextPlan shorter = FitAllowance.of(Math.min(a, b)).textPlan(text, rows, options);
                    TextPlan longer = FitAllowance.of(Math.max(a, b)).textPlan(text, rows, options);
                    return shorter.words() <= longer.words() && shorter.documents() <= longer.documents()
                            && (!shorter.bigrams() || longer.bigrams()) && longer.words() <= options.textWords()
                            && shorter.tokens() == longer.tokens();
                });
    }

    @Test
    void aLargerCorpusNeverGivesALargerPlanOnTheSameAllowance() {
        FeaturizerOptions options = FeaturizerOptions.defaults();
        qt().withExamples(40).forAll(doubles().between(0.01, 5), integers().between(10, 400), integers().between(10, 400))
                .check((seconds, w1, w2) -> {
                    StringColumn small = corpus(400, Math.min(w1, w2));
                    StringColumn large = corpus(400, Math.max(w1, w2));
                    int[] rows = IntStream.range(0, 400).toArray();
                    TextPlan a = FitAllowance.of(seconds).textPlan(small, rows, options);
                    TextPlan b = FitAllowance.of(seconds).textPlan(large, rows, options);
                    return b.words() <= a.words() && b.documents() <= a.documents() && (!b.bigrams() || a.bigrams());
                });
    }

    @Test
    void aUsersSmallerCapIsKeptOnEveryAllowance() {
        FeaturizerOptions options = FeaturizerOptions.builder().textWords(300).build();
        StringColumn text = corpus(300, 40);
        int[] rows = IntStream.range(0, 300).toArray();
        qt().withExamples(30).forAll(doubles().between(0.0001, 100))
                .check(seconds -> FitAllowance.of(seconds).textPlan(text, rows, options).words() == 300);
    }
}
