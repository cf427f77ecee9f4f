package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.FeaturizerOptions.Scaling;
import automl4j.featurizers.TabularFeaturizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Text columns: TF-IDF (word 1-/2-grams, character n-grams, vocabulary caps) and the format-1 hashed text give the
 * engine's features bit for bit, and the scoring transform is sparse exactly when the engine's matrix is.
 */
class TabularTransformTextTest {
    private static final Table TRAINING = TextAndDateTables.text(300, 21);

    /** Training rows, then the text candidates (with x = -0.0, which a sparse matrix reads back as +0.0) and a missing row. */
    private static List<Map<String, Object>> rows(Table training, String... textColumns) {
        List<Map<String, Object>> rows = new ArrayList<>(EngineTables.rowsOf(training, IntStream.range(0, 160).toArray()));
        for (String text : TextAndDateTables.textCandidates()) {
            Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(training, 1));
            for (String c : textColumns) {
                row.put(c, text);
            }
            row.put("x", -0.0);
            rows.add(row);
        }
        Map<String, Object> missing = new LinkedHashMap<>(EngineTables.row(training, 2));
        for (String c : textColumns) {
            missing.put(c, null);
        }
        rows.add(missing);
        return rows;
    }

    private static FittedTransform fit(Table training, FeaturizerOptions options, double seconds) {
        int[] all = IntStream.range(0, training.rowCount()).toArray();
        return new TabularFeaturizer(options).withTimeAllowance(seconds).fit(training, all, TextAndDateTables.Y,
                EngineTables.labels(training, TextAndDateTables.Y));
    }

    /** Fits, compares every row, and returns the scoring transform. */
    private static TabularTransform assertSameAsEngine(FeaturizerOptions options, double seconds, boolean sparse) {
        FittedTransform engine = fit(TRAINING, options, seconds);
        assertThat(engine.featureNames()).contains("note:length", "note:words", "note:upper", "note:digits");
        TabularTransform scoring = TabularTransform.of(engine.export());
        assertThat(TabularTransformTest.assertSameRows(engine, scoring, TRAINING, rows(TRAINING, "note")).isSparse()).isEqualTo(sparse);
        return scoring;
    }

    @Test
    void wordsAndPairsMatchTheEngineInASparseMatrix() {
        TabularTransform scoring = assertSameAsEngine(FeaturizerOptions.defaults(), Double.POSITIVE_INFINITY, true);
        assertThat(scoring.featureNames()).hasSizeGreaterThan(500).contains("note:w:the", "note:w:東京", "note:w:the refund", "note:w:x", "note:w:١٢٣", "note:w:e mail")
                .doesNotContain("note:w:x²");   // ² is a number but not a digit: a separator
    }

    @Test
    void characterGramsMatchTheEngine() {
        TabularTransform scoring = assertSameAsEngine(FeaturizerOptions.builder().textWords(200).textChars(600).scaling(Scaling.NONE)
                .build(), Double.POSITIVE_INFINITY, true);
        assertThat(scoring.featureNames()).contains("note:c: ca", "note:c:caf", "note:c:café ");
        // Unscaled -0.0 is a stored -0.0 in a dense matrix, but an absent cell (+0.0) in a sparse one.
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(TRAINING, 0));
        row.put("x", -0.0);
        assertThat(Float.floatToRawIntBits(scoring.transform(row)[scoring.featureNames().indexOf("x")])).isZero();
    }

    @Test
    void aSmallVocabularyIsDenseAndMatchesTheEngine() {
        TabularTransform scoring = assertSameAsEngine(FeaturizerOptions.builder().textWords(30).textChars(20).scaling(Scaling.NONE)
                .build(), Double.POSITIVE_INFINITY, false);
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(TRAINING, 0));
        row.put("x", -0.0);
        assertThat(Float.floatToRawIntBits(scoring.transform(row)[scoring.featureNames().indexOf("x")])).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void singleWordsOnlyUnderAShortAllowanceMatchTheEngine() {
        // A short allowance drops word pairs and fits the vocabulary on a sample of the documents: under 256 features here.
        TabularTransform scoring = assertSameAsEngine(FeaturizerOptions.defaults(), 1e-3, false);
        assertThat(scoring.featureNames()).noneMatch(n -> n.startsWith("note:w:") && n.indexOf(' ') >= 0);
    }

    private static byte[] json(String encoders, String inputs) {
        return ("{\"featurizer\":\"tabular\",\"version\":2,\"inputs\":[" + inputs + "],\"encoders\":[" + encoders + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String tfidf(String column, int words, int chars) {
        StringBuilder w = new StringBuilder();
        StringBuilder wi = new StringBuilder();
        for (int i = 0; i < words; i++) {
            w.append(i == 0 ? "" : ",").append("\"w").append(i).append(i % 3 == 0 ? " w" + (i + 1) : "").append('"');
            wi.append(i == 0 ? "" : ",").append(1 + i / 100.0);
        }
        StringBuilder c = new StringBuilder();
        StringBuilder ci = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            c.append(i == 0 ? "" : ",").append("\" w").append(i).append('"');
            ci.append(i == 0 ? "" : ",").append(2 - i / 100.0);
        }
        return "{\"encoder\":\"tfidf\",\"column\":\"" + column + "\",\"words\":[" + w + "],\"word_idf\":[" + wi + "],\"chars\":[" + c
                + "],\"char_idf\":[" + ci + "]}";
    }

    private static Table wordsTable(int rows) {
        Random random = new Random(5);
        StringColumn note = StringColumn.create("note");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                s.append(" W").append(random.nextInt(400));
            }
            note.append(s.toString());
            x.append(i % 7 == 0 ? -0.0 : random.nextGaussian());
            y.append("no");
        }
        return Table.create("words").addColumns(note, x, y);
    }

    @Test
    void sparseFromTwoHundredFiftySixFeaturesWithTfidfOnly() {
        Table table = wordsTable(220);
        String x = "{\"encoder\":\"numeric\",\"column\":\"x\",\"fill\":0,\"center\":0,\"scale\":1,\"indicator\":false}";
        // 251 words + 4 statistics + x: 256 features, sparse; one word fewer: dense. Hashed text alone is never sparse.
        for (String[] c : new String[][]{{tfidf("note", 251, 0), "true"}, {tfidf("note", 250, 0), "false"},
            {tfidf("note", 100, 151), "true"}, {tfidf("note", 100, 150), "false"},
            {"{\"encoder\":\"hashed-text\",\"column\":\"note\",\"buckets\":1000}", "false"}}) {
            byte[] bytes = json(c[0] + "," + x, "\"note\",\"x\"");
            FittedTransform engine = new TabularFeaturizer().load(bytes);
            TabularTransform scoring = TabularTransform.of(bytes);
            assertThat(scoring.sparse()).as(c[0].substring(0, 40)).isEqualTo(Boolean.parseBoolean(c[1]));
            List<Map<String, Object>> rows = EngineTables.rowsOf(table, IntStream.range(0, table.rowCount()).toArray());
            TabularTransformTest.assertSameRows(engine, scoring, table, rows);
        }
    }

    @Test
    void hashedTextOfFormatOneMatchesTheEngine() {
        Table training = TRAINING.copy();
        training.addColumns(TRAINING.stringColumn("note").copy().setName("title"), TRAINING.stringColumn("note").copy().setName("body"));
        byte[] bytes = ("{\"featurizer\":\"tabular\",\"version\":1,\"inputs\":[\"note\",\"title\",\"body\",\"x\"],\"encoders\":["
                + "{\"encoder\":\"hashed-text\",\"column\":\"note\",\"buckets\":256},"
                + "{\"encoder\":\"hashed-text\",\"column\":\"title\",\"buckets\":1},"
                + "{\"encoder\":\"hashed-text\",\"column\":\"body\",\"buckets\":7},"
                + "{\"encoder\":\"numeric\",\"column\":\"x\",\"median\":0.25,\"mean\":0.1,\"std\":1.5,\"indicator\":true}]}")
                .getBytes(StandardCharsets.UTF_8);
        FittedTransform engine = new TabularFeaturizer().load(bytes);
        TabularTransform scoring = TabularTransform.of(bytes);
        assertThat(scoring.featureNames()).hasSize(256 + 1 + 2 + 8 + 2).contains("note:hash255", "note:tokens", "title:hash0");
        TabularTransformTest.assertSameRows(engine, scoring, training, rows(training, "note", "title", "body"));
    }

    @Test
    void refusesDamagedTextEncoders() {
        assertThatThrownBy(() -> TabularTransform.of(json("{\"encoder\":\"tfidf\",\"column\":\"note\",\"words\":[\"a\",\"b\"],"
                + "\"word_idf\":[1],\"chars\":[],\"char_idf\":[]}", "\"note\"")))
                .hasMessage("tfidf encoder of 'note' must have one idf per word and per character n-gram, but has 2 words, 1 word idfs, "
                        + "0 n-grams and 0 n-gram idfs");
        assertThatThrownBy(() -> TabularTransform.of(json("{\"encoder\":\"tfidf\",\"column\":\"note\",\"words\":[\"a\"],"
                + "\"word_idf\":[\"x\"],\"chars\":[],\"char_idf\":[]}", "\"note\"")))
                .hasMessage("encoder field 'word_idf' must hold numbers only in the encoder of column 'note'");
        assertThatThrownBy(() -> TabularTransform.of(json("{\"encoder\":\"tfidf\",\"column\":\"note\",\"words\":[\"a\"],"
                + "\"word_idf\":[1]}", "\"note\"")))
                .hasMessage("encoder field 'chars' is missing in the encoder of column 'note'");
        for (String buckets : List.of("0", "1048577", "2.5", "\"8\"")) {
            assertThatThrownBy(() -> TabularTransform.of(json("{\"encoder\":\"hashed-text\",\"column\":\"note\",\"buckets\":" + buckets
                    + "}", "\"note\""))).hasMessage("encoder field 'buckets' must be an integer in [1, 1048576] in the encoder of column 'note'");
        }
    }
}
