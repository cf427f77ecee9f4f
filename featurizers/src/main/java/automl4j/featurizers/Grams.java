package automl4j.featurizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of the n-grams of one text column: single terms (words, or character n-grams) by their text, and word
 * pairs (bigrams) by the ids of their two words, so that a bigram costs two integer look-ups instead of a new string
 * and a string hash (issue 16: on 2,000 documents of 700 words, building a string per bigram made tokenizing the
 * slowest step of a 10 s run). Not thread-safe while it grows; read-only once its {@link TextTokens} is built.
 */
final class Grams {
    private final Map<String, Integer> singles = new HashMap<>();
    private final List<String> singleTerms = new ArrayList<>();
    // Open addressing: key (left id << 32 | right id) + 1, so that 0 marks an empty slot.
    private long[] pairKeys = new long[1 << 12];
    private int[] pairIds = new int[1 << 12];
    private int pairCount;
    // Per gram id: the single term's index, or for a pair its left word's gram id; -1 in right for a single.
    private int[] left = new int[1 << 12];
    private int[] right = new int[1 << 12];
    private int size;

    /** Number of distinct n-grams (single terms and pairs). */
    int size() {
        return size;
    }

    /** Whether gram {@code id} is a word pair. */
    boolean isPair(int id) {
        return right[id] >= 0;
    }

    /** The id of {@code term}, added if new. */
    int single(String term) {
        Integer id = singles.get(term);
        if (id == null) {
            id = add(singleTerms.size(), -1);
            singles.put(term, id);
            singleTerms.add(term);
        }
        return id;
    }

    /** The id of the pair of grams {@code a} and {@code b} (both single words), added if new. */
    int pair(int a, int b) {
        long key = pairKey(a, b);
        int slot = slotOf(pairKeys, key);
        if (pairKeys[slot] == key) {
            return pairIds[slot];
        }
        int id = add(a, b);
        pairKeys[slot] = key;
        pairIds[slot] = id;
        if (++pairCount * 2 > pairKeys.length) {
            growPairs();
        }
        return id;
    }

    private static long pairKey(int a, int b) {
        return ((long) a << 32 | (b & 0xffffffffL)) + 1;
    }

    /** The slot of {@code key} in {@code keys}: where it is, or the empty slot where it would go. */
    private static int slotOf(long[] keys, long key) {
        int mask = keys.length - 1;
        int slot = Hashing.mix(Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The text of gram {@code id}: a pair is its two words joined by a space. */
    String term(int id) {
        return right[id] < 0 ? singleTerms.get(left[id]) : term(left[id]) + " " + term(right[id]);
    }

    /** The id of {@code term} (a single term, or two words joined by one space), or -1 if it never occurs. */
    int id(String term) {
        Integer id = singles.get(term);
        if (id != null) {
            return id;
        }
        int space = term.indexOf(' ');
        if (pairCount == 0 || space < 0) {
            return -1;
        }
        Integer a = singles.get(term.substring(0, space));
        Integer b = singles.get(term.substring(space + 1));
        if (a == null || b == null) {
            return -1;
        }
        int slot = slotOf(pairKeys, pairKey(a, b));
        return pairKeys[slot] == 0 ? -1 : pairIds[slot];
    }

    private int add(int l, int r) {
        if (size == left.length) {
            left = Arrays.copyOf(left, size * 2);
            right = Arrays.copyOf(right, size * 2);
        }
        left[size] = l;
        right[size] = r;
        return size++;
    }

    private void growPairs() {
        long[] keys = pairKeys;
        int[] ids = pairIds;
        pairKeys = new long[keys.length * 2];
        pairIds = new int[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                int slot = slotOf(pairKeys, keys[i]);
                pairKeys[slot] = keys[i];
                pairIds[slot] = ids[i];
            }
        }
    }
}
