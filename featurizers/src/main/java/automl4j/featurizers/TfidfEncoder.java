package automl4j.featurizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A free-text column as TF-IDF over a vocabulary learned from the training rows: the {@code maxWords} word 1- and
 * 2-grams and {@code maxChars} character 3- to 5-grams found in the most training documents (at least 2), each
 * weighted {@code (1 + ln tf) * idf} with {@code idf = ln((1 + n) / (1 + df)) + 1}, every block L2-normalized per row;
 * then four text statistics (log length, log word count, upper-case share, digit share). N-grams outside the
 * vocabulary, including words never seen in training, are ignored.
 */
record TfidfEncoder(String column, List<String> words, float[] wordIdf, List<String> chars, float[] charIdf)
        implements ColumnEncoder {
    TfidfEncoder {
        words = List.copyOf(words);
        chars = List.copyOf(chars);
    }

    /** The encoder of word 1- and 2-grams and no character n-grams, fitted on {@code rows}. */
    static TfidfEncoder fit(Column<?> column, int[] rows, int maxWords, int maxChars) {
        return fit(column, rows, maxWords, true, maxChars);
    }

    /**
     * The encoder of {@code column} with at most {@code maxWords} single words (and word pairs if {@code bigrams}) and
     * {@code maxChars} character n-grams, in the most documents of {@code rows} (the training rows, or a sample of them).
     */
    static TfidfEncoder fit(Column<?> column, int[] rows, int maxWords, boolean bigrams, int maxChars) {
        TextTokens tokens = TextTokens.of(column, bigrams, maxChars > 0);
        Vocabulary w = Vocabulary.select(tokens.words, tokens.wordIds, rows, maxWords, bigrams);
        Vocabulary c = Vocabulary.select(tokens.chars, tokens.charIds, rows, maxChars, false);
        return new TfidfEncoder(column.name(), w.terms, w.idf, c.terms, c.idf);
    }

    private record Vocabulary(List<String> terms, float[] idf) {
        static Vocabulary select(int[][] grams, Grams ids, int[] rows, int max, boolean pairs) {
            if (max == 0) {
                return new Vocabulary(List.of(), new float[0]);
            }
            int[] df = new int[ids.size()];
            int[] seenIn = new int[ids.size()];
            Arrays.fill(seenIn, -1);
            for (int r : rows) {
                for (int g : grams[r]) {
                    if (seenIn[g] != r) {
                        seenIn[g] = r;
                        df[g]++;
                    }
                }
            }
            // Texts only of the candidates: most n-grams occur in one document, and a pair's text is built on demand.
            String[] term = new String[ids.size()];
            List<Integer> candidates = new ArrayList<>();
            for (int g = 0; g < df.length; g++) {
                if (df[g] >= 2 && (pairs || !ids.isPair(g))) {
                    candidates.add(g);
                    term[g] = ids.term(g);
                }
            }
            candidates.sort(Comparator.<Integer>comparingInt(g -> -df[g]).thenComparing(g -> term[g]));
            List<String> terms = new ArrayList<>();
            float[] idf = new float[Math.min(max, candidates.size())];
            for (int i = 0; i < idf.length; i++) {
                int g = candidates.get(i);
                terms.add(term[g]);
                idf[i] = (float) (Math.log((1.0 + rows.length) / (1.0 + df[g])) + 1);
            }
            return new Vocabulary(terms, idf);
        }
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
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        TextTokens tokens = TextTokens.of(col, words.stream().anyMatch(w -> w.indexOf(' ') >= 0), !chars.isEmpty());
        int[] wordSlot = tokens.slots(tokens.wordIds, words);
        int[] charSlot = tokens.slots(tokens.charIds, chars);
        for (int i = 0; i < n; i++) {
            int row = ColumnEncoder.row(rows, i);
            int at = i * stride + offset;
            block(tokens.words[row], wordSlot, wordIdf, out, at);
            block(tokens.chars[row], charSlot, charIdf, out, at + words.size());
            System.arraycopy(tokens.stats[row], 0, out, at + words.size() + chars.size(), 4);
        }
    }

    private static void block(int[] grams, int[] slot, float[] idf, float[] out, int at) {
        if (idf.length == 0) {
            return;
        }
        int touched = 0;
        int[] hit = new int[grams.length];
        for (int g : grams) {
            int v = slot[g];
            if (v >= 0) {
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

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "tfidf");
        n.put("column", column);
        ArrayNode w = n.putArray("words");
        words.forEach(w::add);
        JsonArrays.put(n, "word_idf", wordIdf);
        ArrayNode c = n.putArray("chars");
        chars.forEach(c::add);
        JsonArrays.put(n, "char_idf", charIdf);
        return n;
    }

    static TfidfEncoder fromJson(JsonNode n) {
        List<String> w = new ArrayList<>();
        n.get("words").forEach(x -> w.add(x.asText()));
        List<String> c = new ArrayList<>();
        n.get("chars").forEach(x -> c.add(x.asText()));
        float[] wordIdf = JsonArrays.floats(n.get("word_idf"));
        float[] charIdf = JsonArrays.floats(n.get("char_idf"));
        if (wordIdf.length != w.size() || charIdf.length != c.size()) {
            throw new IllegalArgumentException("tfidf encoder of '" + n.get("column").asText() + "' must have one idf per word and per "
                    + "character n-gram, but has " + w.size() + " words, " + wordIdf.length + " word idfs, " + c.size()
                    + " n-grams and " + charIdf.length + " n-gram idfs");
        }
        return new TfidfEncoder(n.get("column").asText(), w, wordIdf, c, charIdf);
    }
}
