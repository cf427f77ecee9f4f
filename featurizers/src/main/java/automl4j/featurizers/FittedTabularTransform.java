package automl4j.featurizers;

import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The fitted {@link TabularFeaturizer}: a list of column encoders applied side by side. Immutable, thread-safe. */
final class FittedTabularTransform implements FittedTransform {
    private final List<String> inputs;
    private final List<ColumnEncoder> encoders;
    private final FeaturizationReport report;
    private final List<String> featureNames;

    FittedTabularTransform(List<String> inputs, List<ColumnEncoder> encoders, FeaturizationReport report) {
        this.inputs = List.copyOf(inputs);
        this.encoders = List.copyOf(encoders);
        this.report = report;
        List<String> names = new ArrayList<>();
        encoders.forEach(e -> names.addAll(e.featureNames()));
        this.featureNames = List.copyOf(names);
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
    public FeatureMatrix transform(Table table, int[] rows) {
        List<String> missing = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            if (!table.columnNames().contains(e.column())) {
                missing.add(e.column());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input columns " + missing + " are missing from the data; the model needs "
                    + inputs + " and got " + table.columnNames());
        }
        int n = rows == null ? table.rowCount() : rows.length;
        int width = featureNames.size();
        float[] out = new float[Math.multiplyExact(n, width)];
        int offset = 0;
        for (ColumnEncoder e : encoders) {
            Column<?> col = table.column(e.column());
            Map<String, Integer> ranks = e instanceof FrequencyEncoder f ? f.ranks() : null;
            for (int i = 0; i < n; i++) {
                int row = rows == null ? i : rows[i];
                if (ranks != null) {
                    ((FrequencyEncoder) e).encode(col, row, out, i * width + offset, ranks);
                } else {
                    e.encode(col, row, out, i * width + offset);
                }
            }
            offset += e.featureNames().size();
        }
        return FeatureMatrix.of(out, n, featureNames);
    }

    @Override
    public FeaturizationReport report() {
        return report;
    }

    @Override
    public byte[] export() {
        ObjectNode root = TabularFeaturizer.JSON.createObjectNode();
        root.put("featurizer", "tabular");
        root.put("version", 1);
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(in::add);
        ArrayNode enc = root.putArray("encoders");
        encoders.forEach(e -> enc.add(e.toJson(TabularFeaturizer.JSON)));
        ObjectNode kinds = root.putObject("kinds");
        report.kinds().forEach(kinds::put);
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        try {
            return TabularFeaturizer.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write featurizer JSON", e);
        }
    }
}
