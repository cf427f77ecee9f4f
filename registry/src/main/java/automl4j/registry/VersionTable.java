package automl4j.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the {@code models}, {@code model_versions} and {@code stage_changes} tables. The caller holds the
 * connection's lock and any transaction.
 */
final class VersionTable {
    private final Connection c;
    private final Artifacts artifacts;

    VersionTable(Connection c, Artifacts artifacts) {
        this.c = c;
        this.artifacts = artifacts;
    }

    /** The next version number of {@code name}, creating the model if new; the number is taken for good. */
    int allocate(String name, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO models (name, created, last_version) VALUES (?, ?, 0)")) {
            p.setString(1, name);
            p.setString(2, now.toString());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE models SET last_version = last_version + 1 WHERE name = ?")) {
            p.setString(1, name);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT last_version FROM models WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    void insert(String name, int version, Long runId, String file, String checksum, long size, Map<String, Double> metrics,
                Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO model_versions (name, version, run_id, file, checksum, size, metrics, stage, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'none', ?)""")) {
            p.setString(1, name);
            p.setInt(2, version);
            if (runId == null) {
                p.setNull(3, java.sql.Types.INTEGER);
            } else {
                p.setLong(3, runId);
            }
            p.setString(4, file);
            p.setString(5, checksum);
            p.setLong(6, size);
            p.setString(7, MetricsJson.write(metrics));
            p.setString(8, now.toString());
            p.executeUpdate();
        }
        logChange(name, version, null, Stage.NONE.label(), now, "registered");
    }

    void setStage(ModelVersion v, Stage to, Instant now, String reason) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE model_versions SET stage = ? WHERE name = ? AND version = ?")) {
            p.setString(1, to.label());
            p.setString(2, v.name());
            p.setInt(3, v.version());
            p.executeUpdate();
        }
        logChange(v.name(), v.version(), v.stage().label(), to.label(), now, reason);
    }

    void delete(ModelVersion v, Instant now, String reason) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM model_versions WHERE name = ? AND version = ?")) {
            p.setString(1, v.name());
            p.setInt(2, v.version());
            p.executeUpdate();
        }
        logChange(v.name(), v.version(), v.stage().label(), StageChange.DELETED, now, reason);
    }

    private void logChange(String name, int version, String from, String to, Instant now, String reason) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO stage_changes (name, version, from_stage, to_stage, at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, name);
            p.setInt(2, version);
            p.setString(3, from);
            p.setString(4, to);
            p.setString(5, now.toString());
            p.setString(6, reason);
            p.executeUpdate();
        }
    }

    boolean modelExists(String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM models WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    List<String> modelNames() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM models ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** The version, or null. */
    ModelVersion find(String name, int version) throws SQLException {
        List<ModelVersion> l = query("WHERE name = ? AND version = ?", name, version);
        return l.isEmpty() ? null : l.get(0);
    }

    List<ModelVersion> versions(String name) throws SQLException {
        return query("WHERE name = ? ORDER BY version", name);
    }

    List<ModelVersion> ofRun(long runId) throws SQLException {
        return query("WHERE run_id = ? ORDER BY created, name, version", runId);
    }

    /** The production version of {@code name}, or null. */
    ModelVersion production(String name) throws SQLException {
        List<ModelVersion> l = query("WHERE name = ? AND stage = 'production'", name);
        return l.isEmpty() ? null : l.get(0);
    }

    /**
     * The version that was last in production before {@code current} and still exists, or null: the newest
     * {@code to production} entry of the history that is not {@code current}'s.
     */
    ModelVersion previousProduction(String name, int current) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT s.version FROM stage_changes s JOIN model_versions v ON v.name = s.name AND v.version = s.version
                WHERE s.name = ? AND s.to_stage = 'production' AND s.version <> ? ORDER BY s.id DESC LIMIT 1""")) {
            p.setString(1, name);
            p.setInt(2, current);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? find(name, r.getInt(1)) : null;
            }
        }
    }

    List<ModelSummary> summaries() throws SQLException {
        List<ModelSummary> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT m.name, m.created, m.last_version,
                  (SELECT COUNT(*) FROM model_versions v WHERE v.name = m.name) AS versions,
                  (SELECT v.version FROM model_versions v WHERE v.name = m.name AND v.stage = 'production') AS production,
                  (SELECT MAX(at) FROM stage_changes s WHERE s.name = m.name) AS last_change
                FROM models m ORDER BY m.name""")) {
            while (r.next()) {
                int prod = r.getInt("production");
                Integer production = r.wasNull() ? null : prod;
                out.add(new ModelSummary(r.getString("name"), Instant.parse(r.getString("created")), r.getInt("versions"),
                        r.getInt("last_version"), production, RunTable.instant(r.getString("last_change"))));
            }
        }
        return out;
    }

    List<StageChange> history(String name) throws SQLException {
        List<StageChange> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM stage_changes WHERE name = ? ORDER BY id")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new StageChange(r.getLong("id"), r.getString("name"), r.getInt("version"), r.getString("from_stage"),
                            r.getString("to_stage"), Instant.parse(r.getString("at")), r.getString("reason")));
                }
            }
        }
        return out;
    }

    long lastChange() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM stage_changes")) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<ModelVersion> query(String where, Object... args) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM model_versions " + where)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long run = r.getLong("run_id");
                    Long runId = r.wasNull() ? null : run;
                    out.add(new ModelVersion(r.getString("name"), r.getInt("version"), runId,
                            artifacts.resolve(r.getString("file")), r.getString("checksum"), r.getLong("size"),
                            MetricsJson.read(r.getString("metrics")), Stage.parse(r.getString("stage")),
                            Instant.parse(r.getString("created"))));
                }
            }
        }
        return out;
    }
}
