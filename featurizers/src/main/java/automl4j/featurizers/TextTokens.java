package automl4j.featurizers;

import automl4j.data.Cells;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.columns.Column;

/**
 * The word n-grams (single words, and word pairs when asked for) and character n-grams (3 to 5 characters within a
 * word, padded with a space at each end; only when asked for) of every cell of a text column, as integer ids into
 * per-column dictionaries ({@link Grams}). Tokenizing learns nothing from labels or training rows, so the result is
 * cached per column and shared by the featurizer fitted in every validation split, which would otherwise tokenize the
 * same text once per split. Word pairs and character n-grams are the costly part (issue 16), so they are built only
 * for a vocabulary that uses them; a cached result with more than is asked for serves a narrower request.
 */
final class TextTokens {
    private static final int CACHED = 4;
    private static final List<TextTokens> CACHE = new ArrayList<>();

    private final WeakReference<Column<?>> source;
    final boolean bigrams;
    final Grams wordIds = new Grams();
    /** Character n-grams; empty unless asked for. */
    final Grams charIds = new Grams();
    final boolean hasChars;
    final int[][] words;
    final int[][] chars;
    final float[][] stats;

    private TextTokens(Column<?> column, boolean bigrams, boolean withChars) {
        this.source = new WeakReference<>(column);
        this.bigrams = bigrams;
        this.hasChars = withChars;
        int n = column.size();
        words = new int[n][];
        chars = new int[n][];
        stats = new float[n][];
        Map<String, int[]> charGramsOfToken = new HashMap<>();
        for (int r = 0; r < n; r++) {
            String s = Cells.text(column, r);
            List<String> tokens = tokens(s);
            int[] w = new int[bigrams ? tokens.size() * 2 : tokens.size()];
            int k = 0;
            int previous = -1;
            int charCount = 0;
            int[][] charsOfToken = withChars ? new int[tokens.size()][] : null;
            for (int t = 0; t < tokens.size(); t++) {
                int word = wordIds.single(tokens.get(t));
                w[k++] = word;
                if (bigrams && previous >= 0) {
                    w[k++] = wordIds.pair(previous, word);
                }
                previous = word;
                if (withChars) {
                    charsOfToken[t] = charGramsOfToken.computeIfAbsent(tokens.get(t), this::charGrams);
                    charCount += charsOfToken[t].length;
                }
            }
            words[r] = k == w.length ? w : java.util.Arrays.copyOf(w, k);
            chars[r] = new int[charCount];
            if (withChars) {
                int at = 0;
                for (int[] c : charsOfToken) {
                    System.arraycopy(c, 0, chars[r], at, c.length);
                    at += c.length;
                }
            }
            stats[r] = statistics(s, tokens.size());
        }
    }

    /** The single words and word pairs of {@code column}, without character n-grams. */
    static TextTokens of(Column<?> column) {
        return of(column, true, false);
    }

    /**
     * The tokens of {@code column} with word pairs if {@code bigrams} and character n-grams if {@code withChars}, from
     * the cache when this very column was tokenized recently with at least those.
     */
    static TextTokens of(Column<?> column, boolean bigrams, boolean withChars) {
        synchronized (CACHE) {
            for (TextTokens t : CACHE) {
                if (t.source.get() == column && t.words.length == column.size() && (t.bigrams || !bigrams)
                        && (t.hasChars || !withChars)) {
                    return t;
                }
            }
        }
        TextTokens fresh = new TextTokens(column, bigrams, withChars);
        synchronized (CACHE) {
            CACHE.removeIf(t -> t.source.get() == null || t.source.get() == column);
            if (CACHE.size() >= CACHED) {
                CACHE.remove(0);
            }
            CACHE.add(fresh);
        }
        return fresh;
    }

    // Per vocabulary (by identity): the vocabulary position of every dictionary id, so that a fitted encoder applied
    // block by block (the sparse path) maps its vocabulary onto the dictionary once, not once per block.
    private final Map<Grams, Map<List<String>, int[]>> slots = new java.util.IdentityHashMap<>();

    /** Vocabulary position of every id of {@code ids} (one of this column's dictionaries); -1 outside the vocabulary. */
    synchronized int[] slots(Grams ids, List<String> vocabulary) {
        return slots.computeIfAbsent(ids, d -> new java.util.IdentityHashMap<>()).computeIfAbsent(vocabulary, v -> {
            int[] slot = new int[ids.size()];
            java.util.Arrays.fill(slot, -1);
            for (int k = 0; k < v.size(); k++) {
                int id = ids.id(v.get(k));
                if (id >= 0) {
                    slot[id] = k;
                }
            }
            return slot;
        });
    }

    /** Lower-cased runs of letters and digits. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean alnum = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private int[] charGrams(String token) {
        String padded = " " + token + " ";
        List<Integer> ids = new ArrayList<>();
        for (int len = 3; len <= 5; len++) {
            for (int i = 0; i + len <= padded.length(); i++) {
                ids.add(charIds.single(padded.substring(i, i + len)));
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** log(1 + characters), log(1 + words), share of upper-case letters, share of digits. */
    private static float[] statistics(String s, int words) {
        if (s == null) {
            return new float[4];
        }
        int letters = 0;
        int upper = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) {
                    upper++;
                }
            } else if (Character.isDigit(ch)) {
                digits++;
            }
        }
        return new float[]{(float) Math.log1p(s.length()), (float) Math.log1p(words),
            letters == 0 ? 0f : upper / (float) letters, s.isEmpty() ? 0f : digits / (float) s.length()};
    }
}
