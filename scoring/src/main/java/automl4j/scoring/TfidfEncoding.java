package automl4j.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Engine: {@code TfidfEncoder}. A text cell as TF-IDF over the fitted vocabularies of word 1-/2-grams and character
 * 3- to 5-grams ({@link TextGrams}): each n-gram of the vocabulary weighted {@code (1 + ln count) * idf}, each block
 * L2-normalized, then four text statistics. N-grams outside the vocabulary are ignored. Word pairs are counted only
 * when the vocabulary holds one, as in the engine (the result would be the same, only slower).
 */
// A class, not a record: arrays stay out of record components.
final class TfidfEncoding implements ColumnEncoding {
    private final String column;
    private final List<String> words;
    private final float[] wordIdf;
    private final List<String> chars;
    private final float[] charIdf;
    private final Map<String, Integer> wordSlot;
    private final Map<String, Integer> charSlot;
    private final boolean pairs;

    private TfidfEncoding(String column, List<String> words, float[] wordIdf, List<String> chars, float[] charIdf) {
        this.column = column;
        this.words = List.copyOf(words);
        this.wordIdf = wordIdf;
        this.chars = List.copyOf(chars);
        this.charIdf = charIdf;
        // A term listed twice keeps its last position, as the engine's slot table does.
        this.wordSlot = Json.positions(words);
        this.charSlot = Json.positions(chars);
        this.pairs = words.stream().anyMatch(w -> w.indexOf(' ') >= 0);
    }

    static TfidfEncoding fromJson(JsonNode n) {
        String column = Json.text(n, "column");
        List<String> words = Json.texts(n, "words");
        List<String> chars = Json.texts(n, "chars");
        float[] wordIdf = Json.floats(n, "word_idf");
        float[] charIdf = Json.floats(n, "char_idf");
        if (wordIdf.length != words.size() || charIdf.length != chars.size()) {
            throw new IllegalArgumentException("tfidf encoder of '" + column + "' must have one idf per word and per "
                    + "character n-gram, but has " + words.size() + " words, " + wordIdf.length + " word idfs, " + chars.size()
                    + " n-grams and " + charIdf.length + " n-gram idfs");
        }
        return new TfidfEncoding(column, words, wordIdf, chars, charIdf);
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(words.size() + chars.size() + 4);
        words.forEach(t -> names.add(column + ":w:" + t));
        chars.forEach(t -> names.add(column + ":c:" + t));
        for (String s : List.of("length", "words", "upper", "digits")) {
            names.add(column + ":" + s);
        }
        return names;
    }

    @Override
    public void encode(Object value, float[] out, int offset) {
        String s = RowCells.text(value);
        List<String> tokens = TextGrams.tokens(s);
        block(TextGrams.words(tokens, pairs), wordSlot, wordIdf, out, offset);
        if (!chars.isEmpty()) {
            block(TextGrams.chars(tokens), charSlot, charIdf, out, offset + words.size());
        }
        System.arraycopy(TextGrams.statistics(s, tokens.size()), 0, out, offset + words.size() + chars.size(), 4);
    }

    // The engine's block: counts in the (zeroed) output, weights in order of first occurrence, norm summed in that order.
    private static void block(List<String> grams, Map<String, Integer> slot, float[] idf, float[] out, int at) {
        if (idf.length == 0) {
            return;
        }
        int touched = 0;
        int[] hit = new int[grams.size()];
        for (String g : grams) {
            Integer v = slot.get(g);
            if (v != null) {
                if (out[at + v] == 0f) {
                    hit[touched++] = v;
                }
                out[at + v] += 1f;
            }
        }
        double norm = 0;
        for (int k = 0; k < touched; k++) {
            int v = hit[k];
            float w = (float) ((1 + Math.log(out[at + v])) * idf[v]);
            out[at + v] = w;
            norm += w * (double) w;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < touched; k++) {
                out[at + hit[k]] *= inv;
            }
        }
    }
}
