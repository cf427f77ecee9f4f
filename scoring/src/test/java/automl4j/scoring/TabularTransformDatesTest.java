package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.learn.FeatureMatrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Date columns: the scoring transform reads, accepts and refuses date cells exactly as the engine's fitted transform
 * does, in every pattern the engine detects, for typed date columns, and for typed cells in a column that was text.
 */
class TabularTransformDatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Outcome counts of {@link #assertSameCell}, to check that both accepting and refusing were exercised. */
    private record Outcomes(int accepted, int refused) {
        Outcomes plus(boolean accepted) {
            return accepted ? new Outcomes(this.accepted + 1, refused) : new Outcomes(this.accepted, refused + 1);
        }
    }

    private static JsonNode encoder(FittedTransform engine, String column) {
        try {
            for (JsonNode n : JSON.readTree(engine.export()).path("encoders")) {
                if (n.path("column").asText().equals(column)) {
                    return n;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no encoder of column " + column);
    }

    /**
     * Row 0 of {@code like} with {@code column} set to {@code cell}: the engine transforms it as a one-row table (whose
     * column has the cell's type, so a LocalDate makes a date column) and the scoring transform as a map; both give the
     * same bits, or both refuse it with the same message (the engine's names the row). True if accepted.
     */
    private static boolean assertSameCell(FittedTransform engine, TabularTransform scoring, Table like, String column, Object cell) {
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(like, 0));
        row.put(column, cell);
        Table table = oneRow(like, row);
        FeatureMatrix expected;
        try {
            expected = engine.transform(table, null);
        } catch (IllegalArgumentException | automl4j.DataException e) {   // the engine's data errors are DataException since issue 18
            assertThatThrownBy(() -> scoring.transform(row)).as("cell %s", cell).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage().replace(" row 1 ", " "));
            return false;
        }
        assertThat(TabularTransformTest.bits(scoring.transform(row))).as("cell '%s', features %s", cell, engine.featureNames())
                .isEqualTo(TabularTransformTest.bits(expected.row(0)));
        return true;
    }

    private static Table oneRow(Table like, Map<String, Object> row) {
        Table out = Table.create("row");
        for (Column<?> c : like.columns()) {
            Object v = row.get(c.name());
            Column<?> col = v instanceof LocalDate ? DateColumn.create(c.name()) : v instanceof LocalDateTime ? DateTimeColumn.create(c.name())
                    : v instanceof Instant ? InstantColumn.create(c.name())
                    : v instanceof String && !(c instanceof StringColumn) ? StringColumn.create(c.name()) : c.emptyCopy();
            if (v == null) {
                col.appendMissing();
            } else {
                appendObject(col, v);
            }
            out.addColumns(col);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void appendObject(Column<?> c, Object v) {
        ((Column<Object>) c).appendObj(v);
    }

    private static List<Map<String, Object>> trainingRowsAndMissing(Table training, int rows, String... columns) {
        List<Map<String, Object>> out = new ArrayList<>(EngineTables.rowsOf(training, IntStream.range(0, rows).toArray()));
        Map<String, Object> missing = new LinkedHashMap<>(EngineTables.row(training, 0));
        for (String c : columns) {
            missing.put(c, null);
        }
        out.add(missing);
        return out;
    }

    @Test
    void textDatesOfEveryPatternAreReadAcceptedAndRefusedAsByTheEngine() {
        int compared = 0;
        for (String p : TextAndDateTables.DATE_PATTERNS) {
            Table training = TextAndDateTables.dates(p, 300, p.hashCode());
            FittedTransform engine = EngineTables.fit(training, TextAndDateTables.Y, FeaturizerOptions.defaults());
            JsonNode date = encoder(engine, "when");
            assertThat(date.path("encoder").asText()).as(p).isEqualTo("date");
            assertThat(date.path("pattern").asText()).as(p).isEqualTo(p.equals("iso-time") ? "iso" : p);
            assertThat(date.path("with_time").asBoolean()).as(p).isEqualTo(p.contains("HH") || p.equals("iso-time"));
            assertThat(date.path("indicator").asBoolean()).as(p).isTrue();
            TabularTransform scoring = TabularTransform.of(engine.export());

            List<Map<String, Object>> rows = trainingRowsAndMissing(training, 40, "when");
            assertSameRows(engine, scoring, training, rows);
            Outcomes outcomes = new Outcomes(0, 0);
            for (String cell : TextAndDateTables.dateCandidates()) {
                outcomes = outcomes.plus(assertSameCell(engine, scoring, training, "when", cell));
            }
            // Typed cells in a column that was text: read whatever the pattern, as the engine reads a Tablesaw date column.
            for (Object cell : TextAndDateTables.typedCandidates()) {
                assertThat(assertSameCell(engine, scoring, training, "when", cell)).isTrue();
            }
            assertThat(outcomes.accepted()).as(p + " accepted").isGreaterThanOrEqualTo(5);
            assertThat(outcomes.refused()).as(p + " refused").isGreaterThanOrEqualTo(50);
            compared += rows.size() + outcomes.accepted() + TextAndDateTables.typedCandidates().size();
        }
        assertThat(compared).isGreaterThan(200 * 4);
    }

    private static void assertSameRows(FittedTransform engine, TabularTransform scoring, Table like, List<Map<String, Object>> rows) {
        TabularTransformTest.assertSameRows(engine, scoring, like, rows);
    }

    @Test
    void aMissingOrBlankDateTakesTheMedianAndTheIndicator() {
        Table training = TextAndDateTables.dates("iso", 300, 5);
        FittedTransform engine = EngineTables.fit(training, TextAndDateTables.Y, FeaturizerOptions.defaults());
        TabularTransform scoring = TabularTransform.of(engine.export());
        int indicator = scoring.featureNames().indexOf("when=missing");
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(training, 0));
        for (Object missing : new Object[]{null, "", Double.NaN, Float.NaN}) {
            row.put("when", missing);
            assertThat(scoring.transform(row)[indicator]).isEqualTo(1f);
        }
        row.remove("when");
        assertThat(scoring.transform(row)[indicator]).isEqualTo(1f);
        // Blank is not missing: the engine refuses it as a date that does not fit.
        row.put("when", "  ");
        assertThatThrownBy(() -> scoring.transform(row)).hasMessage("column 'when' must be a date like the others (pattern iso), but was '  '");
    }

    @Test
    void typedDateColumnsMatchTheEngine() {
        Table training = TextAndDateTables.typedDates(300, 3);
        FittedTransform engine = EngineTables.fit(training, TextAndDateTables.Y, FeaturizerOptions.defaults());
        assertThat(engine.featureNames()).contains("day:year", "stamp:hour", "at:hour_cos", "day=missing", "stamp=missing", "at=missing")
                .doesNotContain("day:hour");
        for (String c : List.of("day", "stamp", "at")) {
            assertThat(encoder(engine, c).has("pattern")).as(c).isFalse();
        }
        TabularTransform scoring = TabularTransform.of(engine.export());
        assertSameRows(engine, scoring, training, trainingRowsAndMissing(training, 200, "day", "stamp", "at"));
        for (String c : List.of("day", "stamp", "at")) {
            // Any typed cell in any typed column (the engine reads a LocalDate in what was a date-time column alike).
            for (Object cell : TextAndDateTables.typedCandidates()) {
                assertThat(assertSameCell(engine, scoring, training, c, cell)).isTrue();
            }
            assertThat(assertSameCell(engine, scoring, training, c, "")).isTrue();
            // Text has no pattern to be read with: the engine fails (a NullPointerException today), scoring says why.
            Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(training, 0));
            row.put(c, "2020-01-05");
            assertThatThrownBy(() -> engine.transform(oneRow(training, row), null));
            assertThatThrownBy(() -> scoring.transform(row)).isInstanceOf(IllegalArgumentException.class).hasMessage("column '" + c
                    + "' was a typed date column in training and must be a LocalDate, LocalDateTime or Instant (or missing), but was "
                    + "'2020-01-05'");
        }
    }

    @Test
    void refusesTimeTypesATableCannotHoldAndDatesInOtherColumns() {
        Table training = TextAndDateTables.dates("iso", 300, 5);
        TabularTransform scoring = TabularTransform.of(EngineTables.fit(training, TextAndDateTables.Y, FeaturizerOptions.defaults()).export());
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(training, 0));
        for (Object cell : new Object[]{ZonedDateTime.of(2020, 1, 5, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(2020, 1, 5, 0, 0, 0, 0,
                ZoneOffset.UTC), new java.util.Date(0), java.time.LocalTime.NOON}) {
            row.put("when", cell);
            assertThatThrownBy(() -> scoring.transform(row)).hasMessage("column 'when' must be a String, a number (Double, Float, "
                    + "Integer, Long, Short, Byte), a Boolean, a LocalDate, a LocalDateTime, an Instant or null, but was a "
                    + cell.getClass().getName());
        }
        row.put("when", "2020-01-05");
        row.put("x", LocalDate.of(2020, 1, 5));
        assertThatThrownBy(() -> scoring.transform(row)).hasMessage("column 'x' must be a String, a number (Double, Float, "
                + "Integer, Long, Short, Byte), a Boolean or null, but was a java.time.LocalDate");
    }

    @Test
    void fractionalFillsAndReferencesAreCutAsByTheEngine() {
        // A median between two seconds is cut toward zero: 59.5 s is 00:00:59 (minute 0), -60.5 s is 23:59:00 (minute 1439).
        String encoders = Stream.of("{\"encoder\":\"date\",\"column\":\"a\",\"pattern\":\"iso\",\"fill\":59.5,\"reference\":1234.75,"
                + "\"with_time\":true,\"indicator\":true}", "{\"encoder\":\"date\",\"column\":\"b\",\"pattern\":\"d MMM yyyy\","
                + "\"fill\":-60.5,\"reference\":-1e9,\"with_time\":true,\"indicator\":false}", "{\"encoder\":\"date\",\"column\":\"c\","
                + "\"fill\":1.6e9,\"reference\":0.5,\"with_time\":false,\"indicator\":true}").collect(Collectors.joining(","));
        byte[] bytes = ("{\"featurizer\":\"tabular\",\"version\":2,\"inputs\":[\"a\",\"b\",\"c\"],\"encoders\":[" + encoders + "]}")
                .getBytes(StandardCharsets.UTF_8);
        FittedTransform engine = new TabularFeaturizer().load(bytes);
        TabularTransform scoring = TabularTransform.of(bytes);
        Table like = Table.create("like").addColumns(StringColumn.create("a"), StringColumn.create("b"), DateColumn.create("c"));
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[][] cells = {{null, null, null}, {"1970-01-01T00:00:59", "31 Dec 1969", LocalDate.of(1970, 1, 1)},
            {"1969-12-31T23:59", "1 jan 1970", LocalDate.of(2000, 2, 29)}, {"2020-02-29 12:34:56.789+01:30", null, null}};
        for (Object[] r : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", r[0]);
            row.put("b", r[1]);
            row.put("c", r[2]);
            rows.add(row);
        }
        assertSameRows(engine, scoring, like, rows);
        float[] missing = scoring.transform(rows.get(0));
        assertThat(missing[scoring.featureNames().indexOf("a:hour")]).isEqualTo(0f);
        assertThat(missing[scoring.featureNames().indexOf("a:hour_sin")]).isEqualTo(0f);
        assertThat(missing[scoring.featureNames().indexOf("b:hour")]).isEqualTo(23f);
    }

    @Test
    void refusesDamagedDateEncoders() {
        String head = "{\"featurizer\":\"tabular\",\"version\":2,\"inputs\":[\"d\"],\"encoders\":[{\"encoder\":\"date\",\"column\":\"d\"";
        String tail = ",\"fill\":0,\"reference\":0,\"with_time\":false,\"indicator\":true}]}";
        assertThatThrownBy(() -> TabularTransform.of((head + ",\"pattern\":\"yyyy\"" + tail).getBytes(StandardCharsets.UTF_8)))
                .hasMessage("date encoder of 'd' has pattern 'yyyy', which is none of " + DateCells.PATTERNS);
        assertThatThrownBy(() -> TabularTransform.of((head + ",\"pattern\":7" + tail).getBytes(StandardCharsets.UTF_8)))
                .hasMessage("encoder field 'pattern' must be text in the encoder of column 'd'");
        assertThatThrownBy(() -> TabularTransform.of((head + ",\"pattern\":\"iso\",\"reference\":0,\"with_time\":false,"
                + "\"indicator\":true}]}").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("encoder field 'fill' is missing in the encoder of column 'd'");
        // A typed column's encoder has no pattern, or a null one.
        assertThat(TabularTransform.of((head + ",\"pattern\":null" + tail).getBytes(StandardCharsets.UTF_8)).featureNames()).hasSize(11);
        assertThat(TabularTransform.of((head + tail).getBytes(StandardCharsets.UTF_8)).featureNames()).hasSize(11);
    }
}
