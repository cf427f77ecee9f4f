package automl4j.featurizers;

import automl4j.data.Classification;
import automl4j.data.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Smoothed target encoding of a high-cardinality column, plus the category's share of the training rows. A category's
 * statistic is {@code (sum + m * prior) / (count + m)} with {@code m = }{@value #SMOOTHING}: the mean target for
 * regression (then standardized), the share of the positive class for binary tasks, one share per class for multiclass.
 * Missing values are a category of their own; an unseen category gets the prior.
 * <p>
 * Encoding a training row with statistics that include its own label would leak it into the features, so the rows
 * the encoder was fitted on, when encoded from the same table, get out-of-fold statistics instead
 * ({@code folds}-fold, folds drawn by hashing the row's position): each row's value comes from the other folds only. Any other table or row gets
 * the statistics of all training rows. Only the latter are exported.
 */
final class TargetEncoder implements ColumnEncoder {
    /** Pseudo-count pulling rare categories towards the prior. */
    static final double SMOOTHING = 10;

    private final String column;
    private final List<String> levels;
    private final Map<String, Integer> index;   // built once: encoding runs per block of rows on the sparse path
    private final int dims;
    private final float[] stats;        // levels.size() + 1 rows (the last one is "missing") of dims values
    private final float[] prior;
    private final float[] shares;       // per level, then missing
    private final WeakReference<Table> fittedOn;
    private final int[] oofPosition;    // table row -> position in oof, or -1
    private final float[] oof;          // per fitted row: dims statistics

    private TargetEncoder(String column, List<String> levels, int dims, float[] stats, float[] prior, float[] shares,
                          Table fittedOn, int[] oofPosition, float[] oof) {
        this.column = column;
        this.levels = List.copyOf(levels);
        this.index = ColumnCodes.index(this.levels);
        this.dims = dims;
        this.stats = stats;
        this.prior = prior;
        this.shares = shares;
        this.fittedOn = new WeakReference<>(fittedOn);
        this.oofPosition = oofPosition;
        this.oof = oof;
    }

    static TargetEncoder fit(Table table, CodedColumn coded, Target target, double[] labels, int folds) {
        Column<?> column = coded.column;
        int[] rows = coded.tableRows;
        List<String> levels = coded.levels;
        int[] code = coded.codes;
        int levelCount = levels.size();
        int dims = target.task() instanceof Classification c && !c.isBinary() ? target.numClasses() : 1;
        boolean regression = !(target.task() instanceof Classification);
        double[] y = labels;
        double mean = 0;
        double sd = 1;
        if (regression) {
            for (double v : labels) {
                mean += v;
            }
            mean /= labels.length;
            double ss = 0;
            for (double v : labels) {
                ss += (v - mean) * (v - mean);
            }
            sd = Math.sqrt(ss / labels.length);
            sd = sd > 1e-12 ? sd : 1;
            y = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                y[i] = (labels[i] - mean) / sd;
            }
        }
        // Sums per level (missing last) and the fold of each training row.
        int[] fold = new int[rows.length];
        long salt = 0x7A26E7L ^ column.name().hashCode();
        for (int i = 0; i < rows.length; i++) {
            fold[i] = Folds.of(i, salt, folds);
        }
        double[][] sums = new double[folds][(levelCount + 1) * dims];
        double[][] counts = new double[folds][levelCount + 1];
        for (int i = 0; i < rows.length; i++) {
            int l = code[i] < 0 ? levelCount : code[i];
            counts[fold[i]][l]++;
            add(sums[fold[i]], l, dims, y[i], regression, dims > 1);
        }
        double[] totalSum = new double[(levelCount + 1) * dims];
        double[] totalCount = new double[levelCount + 1];
        for (int f = 0; f < folds; f++) {
            for (int j = 0; j < totalSum.length; j++) {
                totalSum[j] += sums[f][j];
            }
            for (int j = 0; j <= levelCount; j++) {
                totalCount[j] += counts[f][j];
            }
        }
        float[] prior = new float[dims];
        double[] priorSum = new double[dims];
        for (int l = 0; l <= levelCount; l++) {
            for (int d = 0; d < dims; d++) {
                priorSum[d] += totalSum[l * dims + d];
            }
        }
        for (int d = 0; d < dims; d++) {
            prior[d] = (float) (priorSum[d] / rows.length);
        }
        float[] stats = new float[(levelCount + 1) * dims];
        float[] shares = new float[levelCount + 1];
        for (int l = 0; l <= levelCount; l++) {
            shares[l] = (float) (totalCount[l] / rows.length);
            for (int d = 0; d < dims; d++) {
                stats[l * dims + d] = (float) ((totalSum[l * dims + d] + SMOOTHING * prior[d]) / (totalCount[l] + SMOOTHING));
            }
        }
        int[] position = new int[table.rowCount()];
        Arrays.fill(position, -1);
        float[] oof = new float[rows.length * dims];
        double[][] restPrior = new double[folds][dims];
        for (int f = 0; f < folds; f++) {
            double restRows = Math.max(1, rows.length - countOverLevels(counts[f], levelCount));
            for (int d = 0; d < dims; d++) {
                restPrior[f][d] = (priorSum[d] - sumOverLevels(sums[f], d, dims, levelCount)) / restRows;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            position[rows[i]] = i;
            int l = code[i] < 0 ? levelCount : code[i];
            int f = fold[i];
            double c = totalCount[l] - counts[f][l];
            for (int d = 0; d < dims; d++) {
                double s = totalSum[l * dims + d] - sums[f][l * dims + d];
                oof[i * dims + d] = (float) ((s + SMOOTHING * restPrior[f][d]) / (c + SMOOTHING));
            }
        }
        return new TargetEncoder(column.name(), levels, dims, stats, prior, shares, table, position, oof);
    }

    private static void add(double[] sums, int level, int dims, double y, boolean regression, boolean multiclass) {
        if (multiclass) {
            sums[level * dims + (int) y] += 1;
        } else {
            sums[level * dims] += regression ? y : (y == 1 ? 1 : 0);
        }
    }

    private static double sumOverLevels(double[] sums, int d, int dims, int levelCount) {
        double s = 0;
        for (int l = 0; l <= levelCount; l++) {
            s += sums[l * dims + d];
        }
        return s;
    }

    private static double countOverLevels(double[] counts, int levelCount) {
        double s = 0;
        for (int l = 0; l <= levelCount; l++) {
            s += counts[l];
        }
        return s;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            names.add(column + (dims == 1 ? ":target" : ":target" + d));
        }
        names.add(column + ":frequency");
        return names;
    }

    @Override
    public void encode(Table table, Column<?> col, int[] rows, int n, float[] out, int stride, int offset) {
        boolean own = table != null && table == fittedOn.get();
        int[] codes = ColumnCodes.lookup(col, rows, n, index);
        for (int i = 0; i < n; i++) {
            int row = ColumnEncoder.row(rows, i);
            int k = codes[i] == ColumnCodes.MISSING ? levels.size() : codes[i];
            int at = i * stride + offset;
            int position = own && row < oofPosition.length ? oofPosition[row] : -1;
            for (int d = 0; d < dims; d++) {
                out[at + d] = position >= 0 ? oof[position * dims + d] : k < 0 ? prior[d] : stats[k * dims + d];
            }
            out[at + dims] = k < 0 ? 0f : shares[k];
        }
    }

    @Override
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("encoder", "target");
        n.put("column", column);
        n.put("dims", dims);
        ArrayNode l = n.putArray("levels");
        levels.forEach(l::add);
        JsonArrays.put(n, "stats", stats);
        JsonArrays.put(n, "prior", prior);
        JsonArrays.put(n, "shares", shares);
        return n;
    }

    static TargetEncoder fromJson(JsonNode n) {
        List<String> levels = new ArrayList<>();
        n.get("levels").forEach(x -> levels.add(x.asText()));
        int dims = n.get("dims").asInt();
        float[] stats = JsonArrays.floats(n.get("stats"));
        float[] prior = JsonArrays.floats(n.get("prior"));
        float[] shares = JsonArrays.floats(n.get("shares"));
        // Checked in long arithmetic: the lengths come from a file.
        if (dims < 1 || stats.length != (levels.size() + 1L) * dims || prior.length != dims || shares.length != levels.size() + 1) {
            throw new IllegalArgumentException("target encoder of '" + n.get("column").asText() + "' must have dims >= 1, "
                    + "(levels + 1) * dims stats, dims priors and levels + 1 shares, but has " + levels.size() + " levels, dims "
                    + dims + ", " + stats.length + " stats, " + prior.length + " priors and " + shares.length + " shares");
        }
        return new TargetEncoder(n.get("column").asText(), levels, dims, stats, prior, shares, null, new int[0], new float[0]);
    }
}
