package automl4j.spark.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rows that fit: the heap's share over the row's bytes times the search's multiplier, capped. */
class SampleSizeTest {
    @Test
    void rowsAreTheHeapShareOverTheRowsBytesTimesTheMultiplier() {
        // 1 GiB free, half of it, rows of 100 bytes, 10x: 536,870 rows
        assertThat(SampleSize.rows(1L << 30, 0.5, 10, 100, Long.MAX_VALUE)).isEqualTo(536_870L);
    }

    @Test
    void widerRowsOrALargerMultiplierFitFewerRows() {
        long narrow = SampleSize.rows(1L << 30, 0.5, 10, 100, Long.MAX_VALUE);
        assertThat(SampleSize.rows(1L << 30, 0.5, 10, 200, Long.MAX_VALUE)).isEqualTo(narrow / 2);
        assertThat(SampleSize.rows(1L << 30, 0.5, 20, 100, Long.MAX_VALUE)).isEqualTo(narrow / 2);
    }

    @Test
    void capAndEmptyHeap() {
        assertThat(SampleSize.rows(1L << 30, 0.5, 10, 100, 1000)).isEqualTo(1000);
        assertThat(SampleSize.rows(-5, 0.5, 10, 100, 1000)).isZero();
    }

    @Test
    void freeHeapIsPositiveAndAtMostTheMaximum() {
        assertThat(SampleSize.freeHeapBytes()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }
}
