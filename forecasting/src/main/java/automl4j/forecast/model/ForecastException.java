package automl4j.forecast.model;

/** A model that cannot be fitted or used on a history; the message says why. */
public class ForecastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public ForecastException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause   the cause
     */
    public ForecastException(String message, Throwable cause) {
        super(message, cause);
    }
}
