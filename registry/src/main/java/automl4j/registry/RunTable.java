package automl4j.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The SQL of the {@code runs} table. The caller holds the connection's lock and any transaction. */
final class RunTable {
    /** Sort keys that are columns; any other key is a name in a run's metrics. */
    static final List<String> COLUMN_KEYS = List.of("id", "started", "finished", "validation", "test");
    private static final Pattern METRIC_KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private final Connection c;

    RunTable(Connection c) {
        this.c = c;
    }

    long insert(RunRecord r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO runs (started, finished, status, task, target, metric, higher_is_better, validation_score,
                  test_score, metrics, config, data_fingerprint, output_folder, journal_path, model_checksum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, r.started().toString());
            p.setString(2, r.finished() == null ? null : r.finished().toString());
            p.setString(3, r.status());
            p.setString(4, r.task());
            p.setString(5, r.target());
            p.setString(6, r.metric());
            if (r.higherIsBetter() == null) {
                p.setNull(7, Types.INTEGER);
            } else {
                p.setInt(7, r.higherIsBetter() ? 1 : 0);
            }
            setDouble(p, 8, r.validationScore());
            setDouble(p, 9, r.testScore());
            p.setString(10, MetricsJson.write(r.metrics()));
            p.setString(11, r.config());
            p.setString(12, r.dataFingerprint());
            p.setString(13, r.outputFolder());
            p.setString(14, r.journalPath());
            p.setString(15, r.modelChecksum());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The run numbered {@code id}, or null. */
    Run find(long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? read(r) : null;
            }
        }
    }

    /** Every metric name some run has, sorted. */
    List<String> metricNames() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT j.key FROM runs, json_each(runs.metrics) AS j ORDER BY j.key")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    List<Run> sorted(String key, SortOrder order, int limit) throws SQLException {
        String expression = switch (key) {
            case "id" -> "id";
            case "started" -> "started";
            case "finished" -> "finished";
            case "validation" -> "validation_score";
            case "test" -> "test_score";
            default -> {
                List<String> names = metricNames();
                if (!METRIC_KEY.matcher(key).matches() || !names.contains(key)) {
                    throw new RegistryNotFoundException("no run has the metric '" + key + "' to sort by; sort keys are "
                            + COLUMN_KEYS + " and the metrics " + names);
                }
                yield "json_extract(metrics, '$.\"" + key + "\"')";   // the pattern above keeps quotes out
            }
        };
        String orderBy;
        if (order == SortOrder.BEST_FIRST) {
            if (!Set.of("validation", "test").contains(key)) {
                throw new IllegalArgumentException("best-first order needs the sort key validation or test (whose direction "
                        + "each run's metric gives), not '" + key + "'; sort it ascending or descending");
            }
            orderBy = "CASE WHEN higher_is_better = 0 THEN " + expression + " ELSE -" + expression + " END ASC NULLS LAST";
        } else {
            orderBy = expression + (order == SortOrder.ASCENDING ? " ASC" : " DESC") + " NULLS LAST";
        }
        List<Run> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs ORDER BY " + orderBy + ", id ASC LIMIT ?")) {
            p.setInt(1, limit <= 0 ? -1 : limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
        }
        return out;
    }

    private static Run read(ResultSet r) throws SQLException {
        int h = r.getInt("higher_is_better");
        Boolean higher = r.wasNull() ? null : h != 0;
        RunRecord record = new RunRecord(Instant.parse(r.getString("started")), instant(r.getString("finished")),
                r.getString("status"), r.getString("task"), r.getString("target"), r.getString("metric"),
                higher, doubleOrNull(r, "validation_score"), doubleOrNull(r, "test_score"),
                MetricsJson.read(r.getString("metrics")), r.getString("config"), r.getString("data_fingerprint"),
                r.getString("output_folder"), r.getString("journal_path"), r.getString("model_checksum"));
        return new Run(r.getLong("id"), record);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static Double doubleOrNull(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.REAL);
        } else {
            p.setDouble(i, v);
        }
    }
}
