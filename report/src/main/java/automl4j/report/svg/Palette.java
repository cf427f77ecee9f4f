package automl4j.report.svg;

/** Colours: the Okabe-Ito palette for categories (told apart with the common colour-vision deficiencies), and a ramp. */
public final class Palette {
    private static final String[] CATEGORIES = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"};

    private Palette() {
    }

    /** The colour of category {@code i} (repeats after eight). */
    public static String category(int i) {
        return CATEGORIES[Math.floorMod(i, CATEGORIES.length)];
    }

    /** A colour from blue ({@code t = 0}) through grey to red ({@code t = 1}); NaN is light grey. */
    public static String ramp(double t) {
        if (Double.isNaN(t)) {
            return "#cccccc";
        }
        t = Math.max(0, Math.min(1, t));
        int[] low = {0x00, 0x72, 0xB2};
        int[] mid = {0xAA, 0xAA, 0xAA};
        int[] high = {0xD5, 0x5E, 0x00};
        int[] a = t < 0.5 ? low : mid;
        int[] b = t < 0.5 ? mid : high;
        double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
        return String.format("#%02x%02x%02x", mix(a[0], b[0], u), mix(a[1], b[1], u), mix(a[2], b[2], u));
    }

    /** Shades of one blue from white ({@code t = 0}) to dark ({@code t = 1}), for heat maps. */
    public static String shade(double t) {
        t = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return String.format("#%02x%02x%02x", mix(0xFF, 0x08, t), mix(0xFF, 0x45, t), mix(0xFF, 0x94, t));
    }

    private static int mix(int a, int b, double u) {
        return (int) Math.round(a + (b - a) * u);
    }
}
