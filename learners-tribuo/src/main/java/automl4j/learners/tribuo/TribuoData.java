package automl4j.learners.tribuo;

import automl4j.learn.FeatureMatrix;
import automl4j.learn.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Converts feature matrices into Tribuo datasets and examples. Features are named by position ({@code f000012}), so
 * the names at predict time always match those seen in training (Tribuo silently drops unknown names). Class labels
 * are the class indexes as text.
 */
final class TribuoData {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();
    static final String DIMENSION = "y";

    private TribuoData() {
    }

    /**
     * The names of {@code columns} columns, in ASCII digits whatever the default locale: {@code String.format} without a
     * locale writes the default locale's own digits (Arabic, Persian, Thai...), so a model fitted on such a machine would
     * know names that no other machine gives it, and Tribuo would predict there from zeros.
     */
    static String[] names(int columns) {
        String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = String.format(Locale.ROOT, "f%06d", c);
        }
        return names;
    }

    /**
     * Whether {@code name} is a column's name written in a locale's non-ASCII digits ({@code f000012} in Arabic-Indic digits, say), as builds
     * before {@link #names} fixed the locale wrote them on some machines. Those names no longer match any column.
     * Short names only (six digits and a few more, some digits take two chars), so a message quoting one stays short.
     */
    static boolean inLocaleDigits(String name) {
        return name.length() >= 2 && name.length() <= 20 && name.charAt(0) == 'f' && name.codePoints().skip(1).allMatch(Character::isDigit)
                && column(name) < 0;
    }

    /** The column of a feature named by {@link #names} ({@code f000012} is column 12), or -1 for another name. */
    static int column(String name) {
        if (name.length() < 2 || name.length() > 10 || name.charAt(0) != 'f'
                || !name.chars().skip(1).allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(name.substring(1));
    }

    static MutableDataset<Label> classification(TrainingSet data) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("automl4j", LABELS), LABELS);
        FeatureMatrix x = data.features();
        String[] names = names(x.columns());
        for (int i = 0; i < x.rows(); i++) {
            ds.add(example(new Label(Integer.toString((int) data.labels().get(i))), names, x, i));
        }
        return ds;
    }

    static MutableDataset<Regressor> regression(TrainingSet data, double mean, double std) {
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("automl4j", REGRESSORS), REGRESSORS);
        FeatureMatrix x = data.features();
        String[] names = names(x.columns());
        for (int i = 0; i < x.rows(); i++) {
            ds.add(example(new Regressor(DIMENSION, (data.labels().get(i) - mean) / std), names, x, i));
        }
        return ds;
    }

    static List<Example<Label>> unlabelled(FeatureMatrix x) {
        String[] names = names(x.columns());
        List<Example<Label>> out = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            out.add(example(LabelFactory.UNKNOWN_LABEL, names, x, i));
        }
        return out;
    }

    static List<Example<Regressor>> unlabelledRegression(FeatureMatrix x) {
        String[] names = names(x.columns());
        List<Example<Regressor>> out = new ArrayList<>(x.rows());
        for (int i = 0; i < x.rows(); i++) {
            out.add(example(RegressionFactory.UNKNOWN_REGRESSOR, names, x, i));
        }
        return out;
    }

    /** Mean and standard deviation of the labels (1 when constant). */
    static double[] moments(TrainingSet data) {
        double[] y = data.labels().toArray();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / y.length);
        return new double[] {mean, std > 1e-12 ? std : 1.0};
    }


    // Tribuo reads an absent feature as zero, so a sparse row passes only its stored cells.
    private static <T extends org.tribuo.Output<T>> ArrayExample<T> example(T output, String[] names, FeatureMatrix x, int row) {
        if (!x.isSparse()) {
            return new ArrayExample<>(output, names, doubles(x.row(row)));
        }
        float[] dense = x.row(row);
        int stored = 0;
        for (float v : dense) {
            if (v != 0f) {
                stored++;
            }
        }
        String[] n = new String[stored];
        double[] v = new double[stored];
        int k = 0;
        for (int c = 0; c < dense.length; c++) {
            if (dense[c] != 0f) {
                n[k] = names[c];
                v[k++] = dense[c];
            }
        }
        return new ArrayExample<>(output, n, v);
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
