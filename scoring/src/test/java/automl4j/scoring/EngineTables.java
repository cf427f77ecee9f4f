package automl4j.scoring;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tables and fitted engine transforms for the scoring tests: the default dataset with a few extra kinds of column. */
final class EngineTables {
    static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));

    private EngineTables() {
    }

    /**
     * {@code DefaultDataset.generate(rows, 5)} plus {@code paperless} (yes/no, some missing: a boolean), {@code fee_text}
     * (numbers as text, some not numbers: numeric read with text as missing) and {@code calls_level} (small integers as
     * text, declared categorical by the tests that want it; a typed numeric column declared categorical gets no
     * features from the engine at all, see scoring/NOTES.md).
     */
    static Table training(int rows) {
        Table t = DefaultDataset.generate(rows, 5);
        StringColumn paperless = StringColumn.create("paperless");
        StringColumn feeText = StringColumn.create("fee_text");
        StringColumn callsLevel = StringColumn.create("calls_level");
        for (int i = 0; i < rows; i++) {
            paperless.append(i % 11 == 0 ? "" : i % 3 == 0 ? "Yes" : "no");
            feeText.append(i % 97 == 5 ? "n/a" : i % 13 == 0 ? "" : Double.toString(10 + (i * 37 % 50) / 4.0));
            callsLevel.append(Integer.toString((int) Math.min(4, t.doubleColumn("support_calls").get(i))));
        }
        return t.addColumns(paperless, feeText, callsLevel);
    }

    /** The same table with every cell as text, as the engine's CSV loader reads a file. */
    static Table asText(Table table) {
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            StringColumn s = StringColumn.create(c.name());
            for (int r = 0; r < c.size(); r++) {
                s.append(c.isMissing(r) ? "" : c.getUnformattedString(r));
            }
            out.addColumns(s);
        }
        return out;
    }

    static double[] labels(Table table, Target target) {
        double[] y = new double[table.rowCount()];
        for (int r = 0; r < y.length; r++) {
            y[r] = target.classes().indexOf(table.column(target.name()).getUnformattedString(r));
        }
        return y;
    }

    static FittedTransform fit(Table table, Target target, FeaturizerOptions options) {
        int[] rows = IntStream.range(0, table.rowCount()).toArray();
        return new TabularFeaturizer(options).fit(table, rows, target, labels(table, target));
    }

    /** Row {@code r} of {@code table} as scoring takes it: typed columns give numbers, text columns strings, missing null. */
    static Map<String, Object> row(Table table, int r) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) {
            row.put(c.name(), c.isMissing(r) ? null : c.get(r));
        }
        return row;
    }

    /** A table of {@code rows} with the columns and column types of {@code like}; a null cell is missing. */
    static Table of(Table like, List<Map<String, Object>> rows) {
        Table out = like.emptyCopy();
        for (Map<String, Object> row : rows) {
            for (Column<?> c : out.columns()) {
                Object v = row.get(c.name());
                if (v == null) {
                    c.appendMissing();
                } else {
                    appendObject(c, v);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void appendObject(Column<?> c, Object v) {
        ((Column<Object>) c).appendObj(v);
    }

    static List<Map<String, Object>> rowsOf(Table table, int... indexes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r : indexes) {
            out.add(row(table, r));
        }
        return out;
    }
}
