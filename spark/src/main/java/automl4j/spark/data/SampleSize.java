package automl4j.spark.data;

/**
 * How many rows of a given width the driver can hand to the search: the share of the free heap given to the data,
 * divided by a row's bytes in the table times what the search makes of each byte of the table (featurized copies of
 * every split set, the learners' own matrices), capped by a row limit. A rule of thumb, not a measurement: the
 * multiplier is a setting because the search's memory per row depends on the learners and the validation plan.
 */
final class SampleSize {
    private SampleSize() {
    }

    /**
     * The rows that fit.
     *
     * @param freeHeapBytes the driver's free heap: its maximum less what is in use
     * @param heapFraction  the share of it for the search's data, in (0, 1]
     * @param multiplier    bytes the search holds per byte of the table, at least 1
     * @param bytesPerRow   bytes of one row in the table, at least 1
     * @param maxRows       a cap, at least 1
     * @return at least 0
     */
    static long rows(long freeHeapBytes, double heapFraction, double multiplier, long bytesPerRow, long maxRows) {
        double budget = Math.max(0, freeHeapBytes) * heapFraction;
        double rows = Math.floor(budget / (bytesPerRow * multiplier));
        return (long) Math.min(maxRows, rows);
    }

    /** The driver's free heap now: the maximum heap less the heap in use. */
    static long freeHeapBytes() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
