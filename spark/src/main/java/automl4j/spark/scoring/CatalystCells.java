package automl4j.spark.scoring;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
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
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Reads one column of Spark's internal rows as the Java value a {@code Row} would hold: boxed numbers, a decimal as a
 * {@code BigDecimal}, text as a {@code String}, a {@code DATE} as a {@code LocalDate}, a {@code TIMESTAMP} as an
 * {@code Instant}, a {@code TIMESTAMP_NTZ} as a {@code LocalDateTime}, null as null: what {@link SparkCells} and the
 * engine's column readers take. Reading only the model's columns with typed getters is what saves the transformer
 * from deserializing every cell of every row into a {@code Row}.
 */
@FunctionalInterface
interface CatalystCells {
    /** The value at {@code ordinal} of {@code row}; null where the cell is null. */
    Object read(InternalRow row, int ordinal);

    /**
     * The reader of columns of type {@code type}, for one partition (a text column's reader keeps its values).
     *
     * @throws IllegalArgumentException for a type no model reads (already refused by {@link InputTypes})
     */
    static CatalystCells of(DataType type) {
        if (type instanceof StringType) {   // char and varchar columns are strings once read
            return new TextCells();
        }
        CatalystCells typed = typed(type);
        return (row, ordinal) -> row.isNullAt(ordinal) ? null : typed.read(row, ordinal);
    }

    private static CatalystCells typed(DataType type) {
        if (type instanceof DoubleType) {
            return InternalRow::getDouble;
        }
        if (type instanceof IntegerType) {
            return InternalRow::getInt;
        }
        if (type instanceof LongType) {
            return InternalRow::getLong;
        }
        if (type instanceof FloatType) {
            return InternalRow::getFloat;
        }
        if (type instanceof ShortType) {
            return InternalRow::getShort;
        }
        if (type instanceof ByteType) {
            return InternalRow::getByte;
        }
        if (type instanceof BooleanType) {
            return InternalRow::getBoolean;
        }
        if (type instanceof DecimalType d) {
            return (row, i) -> row.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal();
        }
        if (type instanceof DateType) {
            return (row, i) -> DateTimeUtils.daysToLocalDate(row.getInt(i));
        }
        if (type instanceof TimestampType) {
            return (row, i) -> DateTimeUtils.microsToInstant(row.getLong(i));
        }
        if (type instanceof TimestampNTZType) {
            return (row, i) -> DateTimeUtils.microsToLocalDateTime(row.getLong(i));
        }
        if (type instanceof NullType) {
            return (row, i) -> null;
        }
        throw new IllegalArgumentException("no model reads a column of type " + type.simpleString());
    }
}
