package automl4j.featurizers;


import automl4j.data.Target;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The default featurizer ({@code tabular}): infers each column's kind from the training rows ({@link KindDetector}),
 * then encodes numeric columns with {@link NumericEncoder}, low-cardinality ones with {@link OneHotEncoder},
 * high-cardinality ones with {@link FrequencyEncoder} and free text with {@link HashedTextEncoder}; drops constant,
 * all-missing and ID-like columns, and reports each drop and each column with missing values. Immutable.
 */
public final class TabularFeaturizer implements Featurizer {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The featurizer. */
    public TabularFeaturizer() {
    }

    @Override
    public String id() {
        return "tabular";
    }

    @Override
    public FittedTransform fit(Table table, int[] rows, Target target, double[] labels) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a featurizer on zero rows");
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column.name().equals(target.name())) {
                continue;
            }
            inputs.add(column.name());
            ColumnKind kind = KindDetector.detect(column, rows);
            kinds.put(column.name(), kind.name().toLowerCase(Locale.ROOT));
            int missing = Levels.missing(column, rows);
            switch (kind) {
                case NUMERIC -> encoders.add(NumericEncoder.fit(column, rows));
                case CATEGORICAL -> encoders.add(OneHotEncoder.fit(column, rows));
                case HIGH_CARDINALITY -> encoders.add(FrequencyEncoder.fit(column, rows));
                case TEXT -> {
                    encoders.add(new HashedTextEncoder(column.name(), HashedTextEncoder.DEFAULT_BUCKETS));
                    problems.add("column '" + column.name() + "' is free text; encoded as a hashed bag of "
                            + HashedTextEncoder.DEFAULT_BUCKETS + " word buckets");
                }
                case ID_LIKE -> problems.add("column '" + column.name() + "' looks like an ID (unique values or row numbers); dropped");
                case CONSTANT -> problems.add("column '" + column.name() + "' has a single value; dropped");
                case ALL_MISSING -> problems.add("column '" + column.name() + "' has only missing values; dropped");
                default -> throw new IllegalStateException("unhandled kind " + kind);
            }
            if (kind.isKept() && missing > 0) {
                problems.add(String.format(Locale.ROOT, "column '%s' has %d missing values (%.1f%%); %s", column.name(), missing,
                        100.0 * missing / rows.length, switch (kind) {
                            case NUMERIC -> "imputed with the median, missing indicator added";
                            case TEXT -> "missing text encodes as no words";
                            default -> "missing kept as its own category";
                        }));
            }
        }
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("no usable feature column: every input column was dropped (" + kinds + ")");
        }
        return new FittedTabularTransform(inputs, encoders, new FeaturizationReport(kinds, problems));
    }

    @Override
    public FittedTransform load(byte[] exported) {
        try {
            JsonNode root = JSON.readTree(exported);
            if (!"tabular".equals(root.path("featurizer").asText()) || root.path("version").asInt() != 1) {
                throw new IllegalArgumentException("featurizer entry is not a version-1 'tabular' featurizer");
            }
            List<String> inputs = new ArrayList<>();
            root.path("inputs").forEach(n -> inputs.add(n.asText()));
            List<ColumnEncoder> encoders = new ArrayList<>();
            for (JsonNode n : root.path("encoders")) {
                String type = n.path("encoder").asText();
                encoders.add(switch (type) {
                    case "numeric" -> NumericEncoder.fromJson(n);
                    case "one-hot" -> OneHotEncoder.fromJson(n);
                    case "frequency" -> FrequencyEncoder.fromJson(n);
                    case "hashed-text" -> HashedTextEncoder.fromJson(n);
                    default -> throw new IllegalArgumentException("unknown encoder '" + type + "' in featurizer entry");
                });
            }
            Map<String, String> kinds = new LinkedHashMap<>();
            root.path("kinds").properties().forEach(e -> kinds.put(e.getKey(), e.getValue().asText()));
            List<String> problems = new ArrayList<>();
            root.path("problems").forEach(n -> problems.add(n.asText()));
            return new FittedTabularTransform(inputs, encoders, new FeaturizationReport(kinds, problems));
        } catch (IOException e) {
            throw new UncheckedIOException("featurizer entry is not valid JSON", e);
        }
    }

}
