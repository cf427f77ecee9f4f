package automl4j.datasets;

import java.util.Arrays;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A deterministic synthetic text corpus for measuring text featurization and search within a budget (issue 16):
 * {@code documents} documents of about {@code words} words each (uniformly 50% to 150% of it), drawn from a Zipf
 * vocabulary of {@value #VOCABULARY} made-up words (exponent {@value #ZIPF_EXPONENT}, as in natural language), in a
 * column {@value #TEXT}. Every document has a hidden sentiment {@code z ~ N(0, 1)}; about one word in a hundred (in
 * short documents, two words per document on average) is replaced by one of {@value #CUES} positive or {@value #CUES}
 * negative cue words (mid-frequency ranks), positive with probability {@code 1 / (1 + exp(-2z))}. The target is either
 * {@value #LABEL} ({@code pos} when {@code z > 0}, 10% of the labels flipped) or {@value #SCORE} ({@code z} plus
 * Gaussian noise of standard deviation 0.3). A model must find the few cue words among the many, as on real reviews.
 */
public final class TextCorpus {
    /** Name of the text column. */
    public static final String TEXT = "text";
    /** Name of the binary target ({@code pos}/{@code neg}). */
    public static final String LABEL = "label";
    /** Name of the regression target. */
    public static final String SCORE = "score";
    /** Distinct words of the vocabulary. */
    public static final int VOCABULARY = 30_000;
    /** Exponent of the Zipf distribution of word ranks. */
    public static final double ZIPF_EXPONENT = 1.05;
    /** Positive cue words, and as many negative ones. */
    public static final int CUES = 20;
    private static final double CUE_RATE = 0.01;
    private static final double FLIPPED = 0.1;
    private static final int FIRST_CUE_RANK = 300;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "si", "po", "de", "ba", "fu", "go",
        "hi", "je", "vo", "za", "qu", "wy", "xe", "cho", "sha", "tri", "pla", "str"};

    private TextCorpus() {
    }

    /**
     * {@code documents} documents of about {@code words} words with a binary ({@code regression} false) or numeric
     * target, generated from {@code seed}; the same arguments always give the same table.
     *
     * @throws IllegalArgumentException if {@code documents < 10} or {@code words < 1}
     */
    public static Table generate(int documents, int words, boolean regression, long seed) {
        if (documents < 10) {
            throw new IllegalArgumentException("documents must be >= 10, but was " + documents);
        }
        if (words < 1) {
            throw new IllegalArgumentException("words must be >= 1, but was " + words);
        }
        SplittableRandom r = new SplittableRandom(seed);
        String[] vocabulary = vocabulary();
        double[] cdf = zipfCdf(VOCABULARY);
        StringColumn text = StringColumn.create(TEXT);
        StringColumn label = StringColumn.create(LABEL);
        DoubleColumn score = DoubleColumn.create(SCORE);
        StringBuilder doc = new StringBuilder();
        for (int d = 0; d < documents; d++) {
            double z = r.nextGaussian();
            double positive = 1 / (1 + Math.exp(-2 * z));
            // Short documents get at least two cues on average, else their label would be noise alone.
            double cueRate = Math.max(CUE_RATE, 2.0 / words);
            int length = Math.max(1, (int) Math.round(words * (0.5 + r.nextDouble())));
            doc.setLength(0);
            for (int w = 0; w < length; w++) {
                int rank;
                if (r.nextDouble() < cueRate) {
                    rank = FIRST_CUE_RANK + r.nextInt(CUES) + (r.nextDouble() < positive ? 0 : CUES);
                } else {
                    int at = Arrays.binarySearch(cdf, r.nextDouble());
                    rank = Math.min(VOCABULARY - 1, at >= 0 ? at : -at - 1);
                }
                if (w > 0) {
                    doc.append(w % 17 == 16 ? ". " : " ");
                }
                doc.append(vocabulary[rank]);
            }
            text.append(doc.append('.').toString());
            boolean pos = (z > 0) != (r.nextDouble() < FLIPPED);
            label.append(pos ? "pos" : "neg");
            score.append(Math.round((z + 0.3 * r.nextGaussian()) * 1000) / 1000.0);
        }
        return regression ? Table.create("text-corpus", text, score) : Table.create("text-corpus", text, label);
    }

    /** Distinct made-up words, rank 0 the commonest: short words for frequent ranks, as in natural language. */
    static String[] vocabulary() {
        String[] out = new String[VOCABULARY];
        int n = SYLLABLES.length;
        for (int i = 0; i < VOCABULARY; i++) {
            // Bijective base-n numbering: every rank gets its own syllable string, shorter for smaller ranks.
            StringBuilder w = new StringBuilder();
            int k = i + 1;
            while (k > 0) {
                k--;
                w.append(SYLLABLES[k % n]);
                k /= n;
            }
            out[i] = w.toString();
        }
        return out;
    }

    private static double[] zipfCdf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(i + 1, -ZIPF_EXPONENT);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }
}
