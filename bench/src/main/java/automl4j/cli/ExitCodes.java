package automl4j.cli;

/** Exit codes of the command-line tool (also listed in the README). */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** Internal error, or a run in which no trial completed. */
    static final int INTERNAL = 1;
    /**
     * Bad command line or config file ({@code ConfigException} too), a model file that cannot be loaded
     * ({@code ModelFileException}), a run that cannot be resumed ({@code JournalException}), a registry operation that
     * failed ({@code RegistryException}: an unknown model, version or run, a refused change, an altered model file, a
     * registry that cannot be opened).
     */
    static final int USAGE = 2;
    /** Bad data ({@code DataException}): unreadable or malformed file, unusable target or column. */
    static final int DATA = 3;

    private ExitCodes() {
    }
}
