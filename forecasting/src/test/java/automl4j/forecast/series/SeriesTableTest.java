package automl4j.forecast.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.ConfigException;
import automl4j.DataException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class SeriesTableTest {
    private static Table csv(String text) {
        return Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text)).tableName("t.csv"));
    }

    private static SeriesTable read(String text, List<String> ids, Frequency f, GapFill fill) {
        return SeriesTable.of(csv(text), "t.csv", "time", ids, "y", f, fill);
    }

    @Test
    void monthsOfTwoSeriesWithAGapFilledAndTheNextMonthsLabelled() {
        SeriesTable t = read("store,time,y\nA,1990-11,10\nB,1990-11,1\nA,1990-12,20\nA,1991-02,40\nB,1990-12,2\n",
                List.of("store"), null, GapFill.INTERPOLATE);
        assertThat(t.axis().frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(t.histories()).extracting(SeriesHistory::id).containsExactly("A", "B");
        assertThat(t.histories().get(0).values()).containsExactly(10, 20, 30, 40);
        assertThat(t.histories().get(1).values()).containsExactly(1, 2);
        SeriesInfo a = t.infos().get(0);
        assertThat(a.filled()).isEqualTo(1);
        assertThat(t.axis().label(a.lastPeriod() + 1)).isEqualTo("1991-03");
        assertThat(t.axis().label(t.infos().get(1).lastPeriod() + 1)).isEqualTo("1991-01");
        assertThat(t.report()).containsExactly("1 missing period(s) in 1 series filled (interpolate)");
    }

    @Test
    void quartersYearsAndIntegerPeriods() {
        SeriesTable q = read("time,y\n1990-Q3,1\n1990-Q4,2\n1991-Q1,3\n", List.of(), null, GapFill.INTERPOLATE);
        assertThat(q.axis().frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(q.axis().label(q.infos().get(0).lastPeriod() + 1)).isEqualTo("1991-Q2");
        assertThat(q.histories().get(0).id()).isEqualTo("y");
        SeriesTable p = read("time,y\n3,1\n1,5\n2,4\n", List.of(), null, GapFill.INTERPOLATE);
        assertThat(p.axis().frequency()).isEqualTo(Frequency.PERIODS);
        assertThat(p.histories().get(0).values()).containsExactly(5, 4, 1);
        assertThat(p.axis().label(4)).isEqualTo("4");
    }

    @Test
    void datesGiveTheirFrequencyAndMonthEndsStayMonthEnds() {
        SeriesTable daily = read("time,y\n2020-02-27,1\n2020-02-28,2\n2020-02-29,3\n", List.of(), null, GapFill.INTERPOLATE);
        assertThat(daily.axis().frequency()).isEqualTo(Frequency.DAILY);
        assertThat(daily.axis().label(daily.infos().get(0).lastPeriod() + 1)).isEqualTo("2020-03-01");
        SeriesTable monthEnds = read("time,y\n2019-12-31,1\n2020-01-31,2\n2020-02-29,3\n2020-03-31,4\n", List.of(), null,
                GapFill.INTERPOLATE);
        assertThat(monthEnds.axis().frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(monthEnds.axis().label(monthEnds.infos().get(0).lastPeriod() + 1)).isEqualTo("2020-04-30");
        SeriesTable weekly = read("time,y\n2024-01-07,1\n2024-01-14,2\n2024-01-28,4\n", List.of(), null, GapFill.INTERPOLATE);
        assertThat(weekly.axis().frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(weekly.histories().get(0).values()).containsExactly(1, 2, 3, 4);
        assertThat(weekly.axis().label(weekly.infos().get(0).lastPeriod() + 1)).isEqualTo("2024-02-04");
        SeriesTable hourly = read("time,y\n2024-01-01T22:00,1\n2024-01-01T23:00,2\n2024-01-02T00:00,3\n", List.of(), null,
                GapFill.INTERPOLATE);
        assertThat(hourly.axis().frequency()).isEqualTo(Frequency.HOURLY);
        assertThat(hourly.axis().label(hourly.infos().get(0).lastPeriod() + 1)).isEqualTo("2024-01-02T01:00");
    }

    @Test
    void gapFillPolicies() {
        String text = "time,y\n1,1\n2,\n3,\n4,7\n";
        assertThat(read(text, List.of(), null, GapFill.PREVIOUS).histories().get(0).values()).containsExactly(1, 1, 1, 7);
        assertThat(read(text, List.of(), null, GapFill.ZERO).histories().get(0).values()).containsExactly(1, 0, 0, 7);
        assertThat(read(text, List.of(), null, GapFill.INTERPOLATE).histories().get(0).values()).containsExactly(1, 3, 5, 7);
        assertThatThrownBy(() -> read(text, List.of(), null, GapFill.ERROR)).isInstanceOf(DataException.class)
                .hasMessage("t.csv: series 'y' has no value for time 2 (gap fill: error; use interpolate, previous or zero "
                        + "to fill gaps)");
        SeriesTable ends = read("time,y\n1,\n2,5\n3,6\n4,\n", List.of(), null, GapFill.INTERPOLATE);
        assertThat(ends.histories().get(0).values()).containsExactly(5, 6);
        assertThat(ends.report()).containsExactly("series 'y': 2 row(s) at its start or end have no y value and were left out");
    }

    @Test
    void badInputIsNamedByRowAndColumn() {
        assertThatThrownBy(() -> read("s,time,y\nA,1990-01,1\nA,1990-02,2\nA,1990-02,3\n", List.of("s"), null, GapFill.INTERPOLATE))
                .isInstanceOf(DataException.class)
                .hasMessage("t.csv: series 'A' has two rows for time 1990-02 (rows 2 and 3 of column 'time')");
        assertThatThrownBy(() -> read("time,y\n1990-01,1\n1990-13,2\n", List.of(), null, GapFill.INTERPOLATE))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("t.csv, row 2, column 'time': '1990-13' is not a time of the column's form (months like 1990-01");
        assertThatThrownBy(() -> read("time,y\nyesterday,1\ntoday,2\n", List.of(), null, GapFill.INTERPOLATE))
                .isInstanceOf(DataException.class).hasMessageContaining("cannot read 'yesterday' as a time; expected whole numbers");
        assertThatThrownBy(() -> read("when,y\n1,1\n", List.of(), null, GapFill.INTERPOLATE))
                .isInstanceOf(ConfigException.class).hasFieldOrPropertyWithValue("key", "forecast.time_column")
                .hasMessageContaining("the time column 'time' is not in t.csv; its columns are [when, y]");
        assertThatThrownBy(() -> read("time,y\n1,1\n", List.of("store"), null, GapFill.INTERPOLATE))
                .isInstanceOf(ConfigException.class).hasFieldOrPropertyWithValue("key", "forecast.series_id");
        assertThatThrownBy(() -> read("time,y\n1,1\n2,lots\n", List.of(), null, GapFill.INTERPOLATE))
                .isInstanceOf(DataException.class).hasMessage("t.csv, row 2, column 'y': 'lots' is not a number (series 'y')");
        assertThatThrownBy(() -> read("time,y\n2024-01-01T00:00,1\n2024-01-01T01:00,2\n2024-01-01T02:00,3\n2024-01-01T03:30,3\n",
                List.of(), null, GapFill.INTERPOLATE)).isInstanceOf(DataException.class)
                .hasMessageContaining("row 4, column 'time'").hasMessageContaining("not on the hourly grid");
        assertThatThrownBy(() -> read("time,y\n1990-01,1\n1990-02,2\n", List.of(), Frequency.DAILY, GapFill.INTERPOLATE))
                .isInstanceOf(DataException.class).hasMessageContaining("holds monthly times, but the frequency given is daily");
    }
}
