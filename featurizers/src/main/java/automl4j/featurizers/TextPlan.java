package automl4j.featurizers;

import java.util.Locale;

/**
 * How one text column is featurized within a fit's time allowance (issue 16): the vocabulary cap, whether word pairs
 * are counted, and how many of the training documents the vocabulary is fitted on. Chosen by
 * {@link FitAllowance#textPlan} from the allowance and the corpus size alone, so the same data and budget always give
 * the same plan; the user's options are upper bounds that an ample allowance keeps.
 *
 * @param words     most word n-grams kept in the vocabulary, {@code >= 0}
 * @param bigrams   whether word pairs are counted besides single words
 * @param documents training documents the vocabulary is fitted on
 * @param of        training documents in all
 * @param tokens    words in the training documents (estimated from an even sample of at most
 *                  {@value FitAllowance#MIN_DOCUMENTS} documents)
 */
record TextPlan(int words, boolean bigrams, int documents, int of, long tokens) {
    TextPlan {
        if (words < 0 || documents < 0 || documents > of || tokens < 0) {
            throw new IllegalArgumentException("text plan must have words >= 0 and 0 <= documents <= of, but has words " + words
                    + ", documents " + documents + " of " + of + ", tokens " + tokens);
        }
    }

    /**
     * What this plan cut from {@code options} for the allowance of {@code seconds} per fit, as a line of the run's data
     * report naming {@code column}; null when it cut nothing.
     */
    String describe(String column, FeaturizerOptions options, double seconds) {
        boolean sampled = documents < of;
        boolean fewerWords = words < options.textWords();
        if (!sampled && bigrams && !fewerWords) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "column '%s': ", column));
        if (sampled) {
            s.append(String.format(Locale.ROOT, "the text vocabulary was fitted on %d of %d documents to fit the time budget; ",
                    documents, of));
        }
        s.append(String.format(Locale.ROOT, "%d documents, %.2f M words; vocabulary of at most %d %s", of, tokens / 1e6, words,
                bigrams ? "word 1- and 2-grams" : "single words (no word pairs)"));
        s.append(String.format(Locale.ROOT, " to fit %.2f s per featurizer fit (featurize.text_words %d)", seconds,
                options.textWords()));
        return s.toString();
    }
}
