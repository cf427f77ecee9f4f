package automl4j.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * A model registry and run tracking in one SQLite file ({@code PRAGMA journal_mode = WAL}, {@code synchronous = FULL}):
 * runs with their scores, config and data fingerprint; named models whose versions are copies of model files in the
 * artifact folder {@code <db>.artifacts} beside the database, checked by SHA-256 when copied and when read; the stages
 * of each version and their history.
 *
 * <p>Every change is one transaction, taken with {@code BEGIN IMMEDIATE}: it happens whole or not at all, also when the
 * process is killed. A version number is never given twice, even after its version was deleted. One instance is safe
 * for many threads (its methods take turns on one connection); several processes may open the same file, each change
 * waiting up to the busy timeout for another process's. Close it when done.
 */
public final class ModelRegistry implements AutoCloseable {
    /** How long a change waits for another process's change by default. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Model names: a letter or digit, then letters, digits, '.', '_' or '-'; they name folders in the artifact folder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,99}");

    private final Path database;
    private final Duration busyTimeout;
    private final Connection connection;
    private final Artifacts artifacts;
    private final RunTable runs;
    private final VersionTable versions;

    private ModelRegistry(Path database, Duration busyTimeout, Connection connection, Artifacts artifacts) {
        this.database = database;
        this.busyTimeout = busyTimeout;
        this.connection = connection;
        this.artifacts = artifacts;
        this.runs = new RunTable(connection);
        this.versions = new VersionTable(connection, artifacts);
    }

    /**
     * Opens the registry in {@code db}, creating the file, its folder and the artifact folder {@code <db>.artifacts} if
     * needed, and bringing the schema up to date; waits {@link #DEFAULT_BUSY_TIMEOUT} for other processes' changes.
     *
     * @param db the database file
     * @return the open registry
     * @throws RegistryException if the file is not a registry database, is newer than this code, or cannot be opened
     */
    public static ModelRegistry open(Path db) {
        return open(db, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the registry in {@code db} as {@link #open(Path)} does, waiting up to {@code busyTimeout} for a change of
     * another process before a change fails.
     *
     * @param db          the database file
     * @param busyTimeout how long a change waits for the database's write lock
     * @return the open registry
     * @throws RegistryException if the file is not a registry database, is newer than this code, or cannot be opened
     */
    public static ModelRegistry open(Path db, Duration busyTimeout) {
        Path database = db.toAbsolutePath().normalize();
        Artifacts artifacts = new Artifacts(database.resolveSibling(database.getFileName() + ".artifacts"));
        try {
            if (database.getParent() != null) {
                Files.createDirectories(database.getParent());
            }
            artifacts.prepare();
        } catch (IOException e) {
            throw new RegistryException("registry " + database + ": cannot create its folder or artifact folder: " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
            Schema.migrate(connection);
            return new ModelRegistry(database, busyTimeout, connection, artifacts);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof RegistryException r) {
                throw r;
            }
            throw new RegistryException("registry " + database + " cannot be opened (is it a registry database?): " + e.getMessage(), e);
        }
    }

    /**
     * The database file.
     *
     * @return its absolute path
     */
    public Path database() {
        return database;
    }

    /**
     * The folder holding the versions' model files.
     *
     * @return {@code <db>.artifacts}, absolute
     */
    public Path artifactFolder() {
        return artifacts.root();
    }

    /**
     * Records a run.
     *
     * @param run what to record
     * @return the run's id, never given before
     */
    public synchronized long recordRun(RunRecord run) {
        return write("record a run", now -> runs.insert(run));
    }

    /**
     * The run numbered {@code id}.
     *
     * @param id the run's id
     * @return the run
     * @throws RegistryNotFoundException if there is no such run
     */
    public synchronized Run run(long id) {
        return read("read run " + id, () -> requireRun(id));
    }

    /**
     * Runs sorted by {@code sortBy}: {@code id}, {@code started}, {@code finished}, {@code validation} (the validation
     * score under each run's metric), {@code test}, or the name of a metric some run recorded ({@code test_logloss}).
     * Runs without a value come last; ties go by id.
     *
     * @param sortBy the sort key
     * @param order  the order; {@link SortOrder#BEST_FIRST} only for {@code validation} and {@code test}
     * @param limit  the most runs to return; 0 or less for all
     * @return the runs in that order
     * @throws RegistryNotFoundException if no run has the metric {@code sortBy} (the message lists the sort keys)
     * @throws IllegalArgumentException  for {@link SortOrder#BEST_FIRST} by a key other than validation or test
     */
    public synchronized List<Run> runs(String sortBy, SortOrder order, int limit) {
        return read("list runs", () -> runs.sorted(sortBy, order, limit));
    }

    /**
     * Every metric name that some run recorded, sorted: the sort keys besides {@code id}, {@code started},
     * {@code finished}, {@code validation} and {@code test}.
     *
     * @return the names
     */
    public synchronized List<String> runMetricNames() {
        return read("list metric names", runs::metricNames);
    }

    /**
     * The runs {@code ids}, in that order, for a side-by-side comparison.
     *
     * @param ids the runs' ids
     * @return the runs
     * @throws RegistryNotFoundException naming the first id that is not a run
     */
    public synchronized List<Run> compare(long... ids) {
        return read("compare runs", () -> {
            List<Run> out = new ArrayList<>();
            for (long id : ids) {
                out.add(requireRun(id));
            }
            return out;
        });
    }

    /**
     * Registers {@code modelFile} as the next version of {@code name} (1 for a new model), with the scores of run
     * {@code runId}: {@code validation}, {@code test} and every metric the run recorded.
     *
     * @param name      the model's name (letters, digits, '.', '_', '-'; up to 100)
     * @param modelFile the model file, copied into the artifact folder
     * @param runId     the run that produced it, or null
     * @return the new version, in stage {@link Stage#NONE}
     * @throws RegistryNotFoundException if {@code runId} is not a run
     * @throws RegistryException         if the name is not allowed or the file cannot be copied
     */
    public ModelVersion register(String name, Path modelFile, Long runId) {
        return register(name, modelFile, runId, null);
    }

    /**
     * Registers {@code modelFile} as the next version of {@code name}, with {@code metrics} as its scores (null: the
     * run's, as {@link #register(String, Path, Long)} takes them).
     *
     * <p>The file is copied and checked outside the database's write lock; only the numbering, the rename into place
     * and the rows are inside the transaction, so other processes wait no longer than that.
     *
     * @param name      the model's name (letters, digits, '.', '_', '-'; up to 100)
     * @param modelFile the model file, copied into the artifact folder
     * @param runId     the run that produced it, or null
     * @param metrics   the version's scores, or null for the run's
     * @return the new version, in stage {@link Stage#NONE}
     * @throws RegistryNotFoundException if {@code runId} is not a run
     * @throws RegistryException         if the name is not allowed or the file cannot be copied
     */
    public ModelVersion register(String name, Path modelFile, Long runId, Map<String, Double> metrics) {
        checkName(name);
        if (!Files.isRegularFile(modelFile)) {
            throw new RegistryException("model file " + modelFile + " does not exist or is not a file");
        }
        Artifacts.Incoming incoming;
        try {
            incoming = artifacts.copyIn(modelFile);
        } catch (IOException e) {
            throw new RegistryException("model file " + modelFile + " cannot be copied into " + artifacts.root() + ": " + e, e);
        }
        synchronized (this) {
            Path[] placed = new Path[1];
            try {
                return write("register a version of model '" + name + "'", now -> {
                    Map<String, Double> scores = metrics;
                    if (runId != null) {
                        Run run = requireRun(runId);
                        if (scores == null) {
                            scores = runScores(run.record());
                        }
                    }
                    int version = versions.allocate(name, now);
                    Path relative;
                    try {
                        relative = artifacts.place(incoming, name, version);
                    } catch (IOException e) {
                        throw new RegistryException("model file " + modelFile + " cannot be put into " + artifacts.root() + ": " + e, e);
                    }
                    placed[0] = artifacts.resolve(relative.toString());
                    versions.insert(name, version, runId, relative.toString().replace('\\', '/'), incoming.checksum(),
                            incoming.size(), scores == null ? Map.of() : scores, now);
                    return versions.find(name, version);
                });
            } catch (RuntimeException e) {
                if (placed[0] != null) {
                    artifacts.remove(placed[0]);   // rolled back: the number is free again, and so is its place
                }
                throw e;
            } finally {
                Artifacts.discard(incoming);
            }
        }
    }

    private static Map<String, Double> runScores(RunRecord r) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (r.validationScore() != null) {
            out.put("validation", r.validationScore());
        }
        if (r.testScore() != null) {
            out.put("test", r.testScore());
        }
        out.putAll(r.metrics());
        return out;
    }

    /**
     * Moves a version to {@code stage}. Promoting to {@link Stage#PRODUCTION} archives the model's production version
     * in the same transaction; a version already in {@code stage} is left as it is.
     *
     * @param name    the model
     * @param version the version
     * @param stage   the stage
     * @return the version as it is now
     * @throws RegistryNotFoundException naming the model or version if unknown
     */
    public synchronized ModelVersion promote(String name, int version, Stage stage) {
        return write("promote " + name + ":" + version + " to " + stage.label(), now -> {
            ModelVersion v = requireVersion(name, version);
            if (v.stage() == stage) {
                return v;
            }
            if (stage == Stage.PRODUCTION) {
                ModelVersion current = versions.production(name);
                if (current != null) {
                    versions.setStage(current, Stage.ARCHIVED, now, "archived by promotion of version " + version);
                }
            }
            versions.setStage(v, stage, now, "promoted");
            return versions.find(name, version);
        });
    }

    /**
     * Puts back the version that was in production before the current one (the newest earlier production version that
     * still exists) and archives the current one, in one transaction. Two rollbacks in a row return to where they
     * started.
     *
     * @param name the model
     * @return the version now in production
     * @throws RegistryNotFoundException if the model is unknown
     * @throws RegistryException         if it has no production version, or none was in production before it
     */
    public synchronized ModelVersion rollback(String name) {
        return write("roll back model '" + name + "'", now -> {
            requireModel(name);
            ModelVersion current = versions.production(name);
            if (current == null) {
                throw new RegistryException("model '" + name + "' has no production version to roll back from");
            }
            ModelVersion previous = versions.previousProduction(name, current.version());
            if (previous == null) {
                throw new RegistryException("model '" + name + "' has no earlier production version to roll back to: version "
                        + current.version() + " is the only one that has been in production");
            }
            versions.setStage(current, Stage.ARCHIVED, now, "rollback to version " + previous.version());
            versions.setStage(previous, Stage.PRODUCTION, now, "rollback from version " + current.version());
            return versions.find(name, previous.version());
        });
    }

    /**
     * Deletes a version and its file; refuses the production version.
     *
     * @param name    the model
     * @param version the version
     * @throws RegistryNotFoundException naming the model or version if unknown
     * @throws RegistryException         if the version is in production
     */
    public void delete(String name, int version) {
        delete(name, version, false);
    }

    /**
     * Deletes a version: its row in one transaction, then its file. Its number is not given again.
     *
     * @param name    the model
     * @param version the version
     * @param force   whether to delete the production version too (the model then has none)
     * @throws RegistryNotFoundException naming the model or version if unknown
     * @throws RegistryException         if the version is in production and {@code force} is false
     */
    public synchronized void delete(String name, int version, boolean force) {
        ModelVersion deleted = write("delete " + name + ":" + version, now -> {
            ModelVersion v = requireVersion(name, version);
            if (v.stage() == Stage.PRODUCTION && !force) {
                throw new RegistryException("model version " + v.label() + " is in production: promote another version first, "
                        + "or force the delete (the model then has no production version)");
            }
            versions.delete(v, now, force && v.stage() == Stage.PRODUCTION ? "deleted (forced)" : "deleted");
            return v;
        });
        artifacts.remove(deleted.file());
    }

    /**
     * Every model, by name.
     *
     * @return the models
     */
    public synchronized List<ModelSummary> models() {
        return read("list models", versions::summaries);
    }

    /**
     * The versions of {@code name}, by number.
     *
     * @param name the model
     * @return its versions (empty if all were deleted)
     * @throws RegistryNotFoundException if the model is unknown
     */
    public synchronized List<ModelVersion> versions(String name) {
        return read("list versions of '" + name + "'", () -> {
            requireModel(name);
            return versions.versions(name);
        });
    }

    /**
     * One version of {@code name}.
     *
     * @param name    the model
     * @param version the version
     * @return the version
     * @throws RegistryNotFoundException naming the model or version if unknown
     */
    public synchronized ModelVersion version(String name, int version) {
        return read("read " + name + ":" + version, () -> requireVersion(name, version));
    }

    /**
     * The production version of {@code name}: its number, file and checksum (check the file with
     * {@link #checkedFile}). With {@link #lastChange()} this is what a server needs to follow promotions.
     *
     * @param name the model
     * @return the version, or empty if none is in production
     * @throws RegistryNotFoundException if the model is unknown
     */
    public synchronized Optional<ModelVersion> production(String name) {
        return read("read the production version of '" + name + "'", () -> {
            requireModel(name);
            return Optional.ofNullable(versions.production(name));
        });
    }

    /**
     * The history of {@code name}'s versions: each registration, stage change and delete, oldest first.
     *
     * @param name the model
     * @return the entries
     * @throws RegistryNotFoundException if the model is unknown
     */
    public synchronized List<StageChange> history(String name) {
        return read("read the history of '" + name + "'", () -> {
            requireModel(name);
            return versions.history(name);
        });
    }

    /**
     * The id of the newest entry of any model's history, 0 if none: it grows with every registration, stage change and
     * delete, in this process or another, so a server polls it (a cheap indexed read) and re-reads
     * {@link #production(String)} only when it changed.
     *
     * @return the id
     */
    public synchronized long lastChange() {
        return read("read the last change", versions::lastChange);
    }

    /**
     * {@code version}'s file after checking it against the checksum recorded when it was registered.
     *
     * @param version the version
     * @return the file, unaltered
     * @throws ArtifactMismatchException if the file is missing or was altered
     */
    public Path checkedFile(ModelVersion version) {
        artifacts.verify(version.label(), version.file(), version.checksum());
        return version.file();
    }

    /**
     * SHA-256 of a file, as the registry records it (64 lower-case hex digits).
     *
     * @param file the file
     * @return its checksum
     * @throws IOException if it cannot be read
     */
    public static String checksum(Path file) throws IOException {
        return Sha256.of(file);
    }

    /**
     * The versions registered from run {@code runId}, of any model.
     *
     * @param runId the run
     * @return its versions, in order of registration
     */
    public synchronized List<ModelVersion> versionsOfRun(long runId) {
        return read("list the versions of run " + runId, () -> versions.ofRun(runId));
    }

    /**
     * SQLite's {@code PRAGMA integrity_check}.
     *
     * @return its lines; {@code [ok]} for a sound database
     */
    public synchronized List<String> integrityCheck() {
        return read("check the database", () -> {
            List<String> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /** Closes the database connection. */
    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private Run requireRun(long id) throws SQLException {
        Run r = runs.find(id);
        if (r == null) {
            throw new RegistryNotFoundException("unknown run " + id + " in registry " + database);
        }
        return r;
    }

    private void requireModel(String name) throws SQLException {
        if (!versions.modelExists(name)) {
            throw new RegistryNotFoundException("unknown model '" + name + "' in registry " + database + "; models are "
                    + versions.modelNames());
        }
    }

    private ModelVersion requireVersion(String name, int version) throws SQLException {
        requireModel(name);
        ModelVersion v = versions.find(name, version);
        if (v == null) {
            throw new RegistryNotFoundException("model '" + name + "' has no version " + version + "; its versions are "
                    + versions.versions(name).stream().map(ModelVersion::version).toList());
        }
        return v;
    }

    /**
     * Checks a model name before anything is done with it.
     *
     * @param name the name
     * @throws RegistryException if it is not a letter or digit followed by up to 99 letters, digits, '.', '_' or '-'
     */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryException("model name '" + name + "' is not allowed: use a letter or digit, then letters, digits, "
                    + "'.', '_' or '-', up to 100 characters");
        }
    }

    /** A read or a change that may throw SQL errors. */
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A change, given the time it is made at. */
    private interface SqlChange<T> {
        T run(Instant now) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code change} in one {@code BEGIN IMMEDIATE} transaction: committed whole, or rolled back. */
    private <T> T write(String what, SqlChange<T> change) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = change.run(Instant.now());
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private RegistryException failure(String what, SQLException e) {
        if (e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code || e.getErrorCode() == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new RegistryException("registry " + database + ": cannot " + what + ": the database stayed locked by another "
                    + "process for more than " + busyTimeout.toMillis() + " ms", e);
        }
        return new RegistryException("registry " + database + ": cannot " + what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to do with it
            }
        }
    }
}
