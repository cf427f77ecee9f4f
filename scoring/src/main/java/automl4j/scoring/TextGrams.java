package automl4j.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The n-grams and statistics of one text cell, as the engine's {@code automl4j.featurizers.TextTokens} makes them for a
 * whole column: tokens are lower-cased runs of {@code Character.isLetterOrDigit} UTF-16 chars; word pairs join two
 * consecutive tokens with a space; character n-grams are the 3- to 5-char substrings of each token padded with a space
 * at each end. The engine keeps ids into per-column dictionaries; the strings here name the same n-grams, in the same
 * order, which is what fixes the order of the floating-point sums downstream.
 */
final class TextGrams {
    private TextGrams() {
    }

    /** Lower-cased runs of letters and digits of {@code s}; none for null. */
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

    /** The word n-grams in the engine's order: each token, followed (with {@code pairs}) by its pair with the previous one. */
    static List<String> words(List<String> tokens, boolean pairs) {
        List<String> out = new ArrayList<>(pairs ? tokens.size() * 2 : tokens.size());
        for (int t = 0; t < tokens.size(); t++) {
            out.add(tokens.get(t));
            if (pairs && t > 0) {
                out.add(tokens.get(t - 1) + " " + tokens.get(t));
            }
        }
        return out;
    }

    /** The character n-grams of every token in turn: per token all 3-grams, then 4-grams, then 5-grams, left to right. */
    static List<String> chars(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String token : tokens) {
            String padded = " " + token + " ";
            for (int len = 3; len <= 5; len++) {
                for (int i = 0; i + len <= padded.length(); i++) {
                    out.add(padded.substring(i, i + len));
                }
            }
        }
        return out;
    }

    /** log(1 + chars), log(1 + words), share of upper-case letters, share of digits; zeros for null. */
    static float[] statistics(String s, int words) {
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
