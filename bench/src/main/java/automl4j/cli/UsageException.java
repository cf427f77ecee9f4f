package automl4j.cli;

/** A bad command line or config file (exit code 2). The message names the option or config key. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
