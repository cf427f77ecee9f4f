package automl4j.featurizers;

import automl4j.DataException;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * The fitted {@link TabularFeaturizer}: column encoders applied side by side, in parallel over columns when the
 * matrix is large. A table with text and at least {@value #SPARSE_MIN_FEATURES} features becomes a sparse matrix
 * (TF-IDF rows are mostly zeros); any other a dense one. Immutable, thread-safe.
 */
final class FittedTabularTransform implements FittedTransform {
    /** Version of the exported JSON: 2 added imputation and scaling choices, booleans, dates, TF-IDF, target encoding. */
    static final int VERSION = 2;
    private static final long PARALLEL_CELLS = 200_000;
    /** Features from which a table with text is transformed to a sparse matrix. */
    static final int SPARSE_MIN_FEATURES = 256;
    private static final int SPARSE_BLOCK = 256;

    private final List<String> inputs;
    private final List<ColumnEncoder> encoders;
    private final FeaturizationReport report;
    private final List<String> featureNames;
    private final List<String> featureSources;
    private final int[] offsets;
    private final boolean sparse;

    FittedTabularTransform(List<String> inputs, List<ColumnEncoder> encoders, FeaturizationReport report) {
        this.inputs = List.copyOf(inputs);
        this.encoders = List.copyOf(encoders);
        this.report = report;
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        offsets = new int[encoders.size()];
        for (int i = 0; i < encoders.size(); i++) {
            offsets[i] = names.size();
            List<String> written = encoders.get(i).featureNames();
            names.addAll(written);
            sources.addAll(java.util.Collections.nCopies(written.size(), encoders.get(i).column()));
        }
        this.featureNames = List.copyOf(names);
        this.featureSources = List.copyOf(sources);
        this.sparse = names.size() >= SPARSE_MIN_FEATURES && encoders.stream().anyMatch(e -> e instanceof TfidfEncoder);
    }

    @Override
    public String featurizerId() {
        return "tabular";
    }

    @Override
    public List<String> inputColumns() {
        return inputs;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> featureSources() {
        return featureSources;
    }

    @Override
    public List<String> warnings(Table table) {
        Set<String> used = new HashSet<>(inputs);
        List<String> extra = table.columnNames().stream().filter(c -> !used.contains(c)).toList();
        List<String> out = new ArrayList<>();
        if (!extra.isEmpty()) {
            out.add("columns " + extra + " are not inputs of the model and are ignored");
        }
        for (ColumnEncoder e : encoders) {
            if (e instanceof NumericEncoder n && n.textAsMissing() && table.columnNames().contains(n.column())) {
                String w = n.nonNumberWarning(table.column(n.column()));
                if (w != null) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public FeatureMatrix transform(Table table, int[] rows) {
        return encode(table, rows, false);
    }

    @Override
    public FeatureMatrix transformTraining(Table table, int[] rows) {
        return encode(table, rows, true);
    }

    private FeatureMatrix encode(Table table, int[] rows, boolean training) {
        List<String> missing = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            if (!table.columnNames().contains(e.column())) {
                missing.add(e.column());
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("input columns " + missing + " are missing from the data; the model needs "
                    + inputs + " and got " + table.columnNames());
        }
        int n = rows == null ? table.rowCount() : rows.length;
        int width = featureNames.size();
        if (sparse) {
            return sparse(table, rows, n, width, training);
        }
        float[] out = new float[Math.multiplyExact(n, width)];
        IntStream each = IntStream.range(0, encoders.size());
        if ((long) n * width >= PARALLEL_CELLS) {
            each = each.parallel();
        }
        Parallel.forEach(each, i -> {
            ColumnEncoder e = encoders.get(i);
            e.encode(training ? table : null, table.column(e.column()), rows, n, out, width, offsets[i]);
        });
        return FeatureMatrix.wrapOwned(out, n, featureNames);
    }

    // Encodes blocks of rows densely and keeps their non-zero cells, so the dense matrix never exists whole.
    private FeatureMatrix sparse(Table table, int[] rows, int n, int width, boolean training) {
        int[] start = new int[n + 1];
        int[] indexes = new int[Math.max(16, n * 16)];
        float[] values = new float[indexes.length];
        int stored = 0;
        float[] block = new float[SPARSE_BLOCK * width];
        for (int from = 0; from < n; from += SPARSE_BLOCK) {
            int count = Math.min(SPARSE_BLOCK, n - from);
            int[] blockRows = new int[count];
            for (int i = 0; i < count; i++) {
                blockRows[i] = rows == null ? from + i : rows[from + i];
            }
            java.util.Arrays.fill(block, 0f);
            for (int e = 0; e < encoders.size(); e++) {
                ColumnEncoder enc = encoders.get(e);
                enc.encode(training ? table : null, table.column(enc.column()), blockRows, count, block, width, offsets[e]);
            }
            for (int i = 0; i < count; i++) {
                for (int c = 0; c < width; c++) {
                    float v = block[i * width + c];
                    if (v != 0f) {
                        if (stored == indexes.length) {
                            indexes = java.util.Arrays.copyOf(indexes, stored * 2);
                            values = java.util.Arrays.copyOf(values, stored * 2);
                        }
                        indexes[stored] = c;
                        values[stored++] = v;
                    }
                }
                start[from + i + 1] = stored;
            }
        }
        return FeatureMatrix.sparse(start, java.util.Arrays.copyOf(indexes, stored), java.util.Arrays.copyOf(values, stored),
                featureNames);
    }

    @Override
    public FeaturizationReport report() {
        return report;
    }

    @Override
    public byte[] export() {
        ObjectNode root = TabularFeaturizer.JSON.createObjectNode();
        root.put("featurizer", "tabular");
        root.put("version", VERSION);
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(in::add);
        ArrayNode enc = root.putArray("encoders");
        encoders.forEach(e -> enc.add(e.toJson(TabularFeaturizer.JSON)));
        ObjectNode kinds = root.putObject("kinds");
        report.kinds().forEach(kinds::put);
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        ArrayNode guardrails = root.putArray("guardrails");
        report.guardrails().forEach(g -> guardrails.add(g.toJson(TabularFeaturizer.JSON)));
        try {
            return TabularFeaturizer.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write featurizer JSON", e);
        }
    }
}
