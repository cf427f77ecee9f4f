package automl4j.spark.data;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DriverSampler} took and why: how many rows the data has, how many the driver can hold and how many the
 * sample has, with the figures the size was computed from. {@link #summary()} is the line it logs.
 *
 * @param source        where the rows came from (a path or "dataset")
 * @param totalRows     rows of the data
 * @param labelledRows  rows whose target is present: the ones sampled (a row without a target teaches nothing)
 * @param capacityRows  rows that fit the driver: the sample's planned size when the labelled rows are more
 * @param sampledRows   rows in the sample; all labelled rows when they fit
 * @param bytesPerRow   estimated bytes of one row in the driver's table
 * @param freeHeapBytes the driver's free heap when the size was chosen
 * @param heapFraction  the share of the free heap given to the data
 * @param multiplier    bytes the search holds per byte of the table
 * @param stratified    true if sampled per class (classification), false for a uniform sample or no sampling
 * @param classRows     labelled rows per class of the data (classification; empty for regression), by the class's text
 * @param sampledClassRows rows per class in the sample (classification; empty for regression)
 */
public record SamplePlan(String source, long totalRows, long labelledRows, long capacityRows, long sampledRows,
                         long bytesPerRow, long freeHeapBytes, double heapFraction, double multiplier, boolean stratified,
                         Map<String, Long> classRows, Map<String, Long> sampledClassRows) {
    /** Checks the fields and copies the maps. */
    public SamplePlan {
        Objects.requireNonNull(source, "source");
        classRows = Map.copyOf(classRows);
        sampledClassRows = Map.copyOf(sampledClassRows);
    }

    /** True if the sample holds fewer rows than the labelled data. */
    public boolean isSampled() {
        return sampledRows < labelledRows;
    }

    /** One line: rows of the data and of the sample, the driver's capacity and what it was computed from. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d rows (%d with a target); the driver holds %d rows of ~%d bytes "
                        + "(%.0f%% of %d MiB free heap / %.1fx for the search): %s %d rows%s",
                source, totalRows, labelledRows, capacityRows, bytesPerRow, heapFraction * 100, freeHeapBytes >> 20,
                multiplier, isSampled() ? (stratified ? "stratified sample of" : "uniform sample of") : "all",
                sampledRows, sampledClassRows.isEmpty() ? "" : " " + new java.util.TreeMap<>(sampledClassRows));
    }
}
