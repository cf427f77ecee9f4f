package automl4j.serving;

/** The one answer to a request with more rows than {@code --max-rows}, whatever its format. */
final class RowLimit {
    private RowLimit() {
    }

    static HttpProblem exceeded(int maxRows) {
        return new HttpProblem(413, "too_many_rows", "the request holds more than " + maxRows + " rows, the limit"
                + " (--max-rows); split it into requests of at most " + maxRows + " rows");
    }
}
