package automl4j.spark.data;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One Spark column read into one Tablesaw column, cell by cell. The mapping (also in the README) puts each Spark type on
 * the Tablesaw type whose cells the engine reads as the same kind, and that {@code automl4j-scoring} reads the same way
 * when the transformer scores the Spark column later:
 * <ul>
 * <li>{@code tinyint}, {@code smallint} → short; {@code int} → int; {@code bigint} → long; {@code float} → float;
 * {@code double} and {@code decimal} → double: numeric columns (a decimal as the nearest double);</li>
 * <li>{@code string}, {@code char}, {@code varchar} → text: categorical, text or high-cardinality, as the engine
 * detects; a text column of numbers or dates is detected as such, as in a CSV file;</li>
 * <li>{@code boolean} → boolean;</li>
 * <li>{@code date} → date; {@code timestamp} (an instant) → instant; {@code timestamp_ntz} → date-time: date
 * columns;</li>
 * <li>{@code void} (all null) → an all-missing text column, which the engine drops.</li>
 * </ul>
 * A null cell is a missing cell; so is NaN in a float or double column (Tablesaw's missing value). Other types (binary,
 * arrays, maps, structs, variants, intervals) are refused, naming the column.
 */
abstract class ColumnReader {
    static {
        // One instance of each Tablesaw column type before any reader creates a column: the types are lazy
        // singletons set without a lock, and the engine compares them by identity (see ModelCache).
        tech.tablesaw.api.ColumnType.values();
    }

    final int index;

    private ColumnReader(int index) {
        this.index = index;
    }

    /** The Tablesaw column being filled. */
    abstract Column<?> column();

    /** Appends the cell of {@code row}. */
    abstract void append(Row row);

    /**
     * The reader of {@code field}, the column at {@code index} of the rows.
     *
     * @throws IllegalArgumentException if the column's type has no Tablesaw counterpart, naming the column and type
     */
    static ColumnReader of(StructField field, int index) {
        String name = field.name();
        DataType t = field.dataType();
        if (t instanceof ByteType || t instanceof ShortType) {
            ShortColumn c = ShortColumn.create(name);
            return reader(index, c, v -> c.append(((Number) v).shortValue()), c::appendMissing);
        }
        if (t instanceof IntegerType) {
            IntColumn c = IntColumn.create(name);
            return reader(index, c, v -> c.append((Integer) v), c::appendMissing);
        }
        if (t instanceof LongType) {
            LongColumn c = LongColumn.create(name);
            return reader(index, c, v -> c.append((Long) v), c::appendMissing);
        }
        if (t instanceof FloatType) {
            FloatColumn c = FloatColumn.create(name);
            return reader(index, c, v -> c.append((Float) v), c::appendMissing);
        }
        if (t instanceof DoubleType) {
            DoubleColumn c = DoubleColumn.create(name);
            return reader(index, c, v -> c.append((Double) v), c::appendMissing);
        }
        if (t instanceof DecimalType) {
            DoubleColumn c = DoubleColumn.create(name);
            return reader(index, c, v -> c.append(((BigDecimal) v).doubleValue()), c::appendMissing);
        }
        if (t instanceof StringType || t instanceof CharType || t instanceof VarcharType) {
            StringColumn c = StringColumn.create(name);
            return reader(index, c, v -> c.append((String) v), c::appendMissing);
        }
        if (t instanceof NullType) {
            StringColumn c = StringColumn.create(name);
            return reader(index, c, v -> c.appendMissing(), c::appendMissing);
        }
        if (t instanceof BooleanType) {
            BooleanColumn c = BooleanColumn.create(name);
            return reader(index, c, v -> c.append((Boolean) v), c::appendMissing);
        }
        if (t instanceof DateType) {
            DateColumn c = DateColumn.create(name);
            return reader(index, c, v -> c.append(v instanceof Date d ? d.toLocalDate() : (LocalDate) v), c::appendMissing);
        }
        if (t instanceof TimestampType) {
            InstantColumn c = InstantColumn.create(name);
            return reader(index, c, v -> c.append(v instanceof Timestamp s ? s.toInstant() : (Instant) v), c::appendMissing);
        }
        if (t instanceof TimestampNTZType) {
            DateTimeColumn c = DateTimeColumn.create(name);
            return reader(index, c, v -> c.append((LocalDateTime) v), c::appendMissing);
        }
        throw new IllegalArgumentException("column '" + name + "' has type " + t.simpleString() + ", which the engine "
                + "cannot read; it reads numeric, string, boolean, date and timestamp columns (drop the column, or "
                + "select a converted one)");
    }

    /** Bytes a cell of {@code type} takes in its Tablesaw column; text: a dictionary code plus a distinct string. */
    static long cellBytes(DataType type, double meanTextLength) {
        if (type instanceof ByteType || type instanceof ShortType) {
            return 2;
        }
        if (type instanceof IntegerType || type instanceof FloatType || type instanceof DateType) {
            return 4;
        }
        if (type instanceof BooleanType) {
            return 1;
        }
        if (type instanceof StringType || type instanceof CharType || type instanceof VarcharType) {
            // An upper bound: Tablesaw codes repeated values, but a column of distinct values holds each string once,
            // about 56 bytes of objects plus its characters.
            return 4 + 56 + 2 * Math.round(Double.isNaN(meanTextLength) ? 0 : meanTextLength);
        }
        return 8;
    }

    private static ColumnReader reader(int index, Column<?> column, java.util.function.Consumer<Object> append,
                                       Runnable missing) {
        return new ColumnReader(index) {
            @Override
            Column<?> column() {
                return column;
            }

            @Override
            void append(Row row) {
                if (row.isNullAt(index)) {
                    missing.run();
                } else {
                    append.accept(row.get(index));
                }
            }
        };
    }
}
