package automl4j.spark.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;

/**
 * Turns a Spark cell into a cell {@code automl4j-scoring} reads, as the engine read the same column after
 * {@code automl4j.spark.data} turned it into a Tablesaw column: numbers, text and booleans as they are, a decimal as a
 * double, a {@code DATE} as a {@code LocalDate}, a {@code TIMESTAMP} as an {@code Instant} (whatever
 * {@code spark.sql.datetime.java8API.enabled} says), null as missing.
 */
final class SparkCells {
    private SparkCells() {
    }

    /** The cell {@code value} of a Spark row as the scoring library takes it. */
    static Object toScoring(Object value) {
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value;   // null, String, Boolean, the boxed numbers, LocalDate, Instant, LocalDateTime (TIMESTAMP_NTZ)
    }
}
