package automl4j.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database's tables, versioned by {@code PRAGMA user_version}: migration {@code i} takes a database from version
 * {@code i} to {@code i + 1}, in one transaction. A database newer than this code is refused rather than misread.
 */
final class Schema {
    /** The steps in order; append a step to change the schema, never edit one that was released. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              started TEXT NOT NULL,
              finished TEXT,
              status TEXT NOT NULL,
              task TEXT,
              target TEXT,
              metric TEXT,
              higher_is_better INTEGER,
              validation_score REAL,
              test_score REAL,
              metrics TEXT NOT NULL DEFAULT '{}',
              config TEXT,
              data_fingerprint TEXT,
              output_folder TEXT,
              journal_path TEXT,
              model_checksum TEXT)""",
            // last_version only grows: it is what keeps a deleted version's number from being given again
            """
            CREATE TABLE models (
              name TEXT PRIMARY KEY,
              created TEXT NOT NULL,
              last_version INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE model_versions (
              name TEXT NOT NULL REFERENCES models(name),
              version INTEGER NOT NULL CHECK (version >= 1),
              run_id INTEGER REFERENCES runs(id),
              file TEXT NOT NULL,
              checksum TEXT NOT NULL,
              size INTEGER NOT NULL,
              metrics TEXT NOT NULL DEFAULT '{}',
              stage TEXT NOT NULL CHECK (stage IN ('none', 'staging', 'production', 'archived')),
              created TEXT NOT NULL,
              PRIMARY KEY (name, version))""",
            // the database itself refuses a second production version of a model
            "CREATE UNIQUE INDEX one_production ON model_versions(name) WHERE stage = 'production'",
            // kept when a version is deleted: the history is an audit log, and its highest id is what a server polls
            """
            CREATE TABLE stage_changes (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name TEXT NOT NULL,
              version INTEGER NOT NULL,
              from_stage TEXT,
              to_stage TEXT NOT NULL,
              at TEXT NOT NULL,
              reason TEXT NOT NULL)""",
            "CREATE INDEX stage_changes_by_model ON stage_changes(name, version)"));

    private Schema() {
    }

    /** The schema version this code writes. */
    static int latest() {
        return MIGRATIONS.size();
    }

    /** Brings the database up to {@link #latest()}; each step re-reads the version under the write lock. */
    static void migrate(Connection c) throws SQLException {
        int current = version(c);
        if (current > latest()) {
            throw new RegistryException("the registry database has schema version " + current + ", newer than the "
                    + latest() + " this AutoML4J knows: open it with a newer AutoML4J");
        }
        while (current < latest()) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    current = version(c);   // another process may have migrated while this one waited for the lock
                    if (current < latest()) {
                        for (String sql : MIGRATIONS.get(current)) {
                            s.execute(sql);
                        }
                        s.execute("PRAGMA user_version = " + (current + 1));
                        current++;
                    }
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
