package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvChunkReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void chunksHoldTheCellsOfTheWholeFileReader() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFid;amount;note\n");
        for (int i = 0; i < 23; i++) {
            csv.append(i % 5 == 0 ? "" : "00" + i).append(';').append(i % 3 == 0 ? "NA" : i + ",5").append(';')
                    .append(i % 4 == 0 ? "\"two\nlines\"" : "w" + i).append('\n');
            if (i == 7) {
                csv.append('\n');   // a blank line: no row
            }
        }
        Path file = write("a.csv", csv.toString());
        ReadOptions options = new ReadOptions(';', List.of("NA"), false, ',');
        Table whole = CsvReader.of(options).read(file);
        List<Table> parts = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        try (CsvChunkReader r = CsvChunkReader.open(file, options, Set.of("amount"))) {
            assertThat(r.header()).containsExactly("id", "amount", "note");
            CsvChunkReader.Chunk c;
            while ((c = r.next(10)) != null) {
                assertThat(c.rejected()).isEmpty();
                parts.add(c.table());
                for (long row : c.rows()) {
                    rows.add(row);
                }
            }
            assertThat(r.rowsRead()).isEqualTo(23);
        }
        assertThat(parts).extracting(Table::rowCount).containsExactly(10, 10, 3);
        Table joined = parts.get(0).copy();
        parts.stream().skip(1).forEach(joined::append);
        assertThat(joined.toString()).isEqualTo(whole.toString());
        for (int c = 0; c < whole.columnCount(); c++) {
            assertThat(joined.column(c).asList()).isEqualTo(whole.column(c).asList());
        }
        assertThat(rows.get(0)).isEqualTo(1L);
        assertThat(rows.get(22)).isEqualTo(23L);
    }

    @Test
    void aRowWithTheWrongFieldCountOrAnInfiniteNumberIsRejectedWithItsRowAndLine() throws IOException {
        Path file = write("b.csv", "x,y\n1,a\n2\n1e400,b\ninf,inf\n5,c\n");
        try (CsvChunkReader r = CsvChunkReader.open(file, ReadOptions.defaults(), Set.of("x"))) {
            CsvChunkReader.Chunk c = r.next(100);
            assertThat(c.table().rowCount()).isEqualTo(2);
            assertThat(c.rows()).containsExactly(1, 5);
            assertThat(c.lines()).containsExactly(2, 6);
            assertThat(c.rejected()).extracting(CsvChunkReader.Rejected::row).containsExactly(2L, 3L, 4L);
            assertThat(c.rejected().get(0).reason()).isEqualTo("expected 2 fields as in the header, but found 1");
            assertThat(c.rejected().get(1).line()).isEqualTo(4);
            assertThat(c.rejected().get(1).reason()).startsWith("column 'x': '1e400' is an infinite number");
            assertThat(c.rejected().get(2).fields()).containsExactly("inf", "inf");   // y is not numeric: 'inf' is a word there
            assertThat(r.next(100)).isNull();
        }
        ReadOptions missing = new ReadOptions(null, List.of(), true, '.');
        try (CsvChunkReader r = CsvChunkReader.open(file, missing, Set.of("x"))) {
            CsvChunkReader.Chunk c = r.next(100);
            assertThat(c.table().rowCount()).isEqualTo(4);
            assertThat(c.table().column("x").isMissing(1)).isTrue();
            assertThat(c.table().stringColumn("y").get(2)).isEqualTo("inf");
        }
    }

    @Test
    void aFileWithoutRowsOrWithBrokenQuotingIsAnError() throws IOException {
        Path empty = write("e.csv", "a,b\n");
        try (CsvChunkReader r = CsvChunkReader.open(empty, ReadOptions.defaults(), Set.of())) {
            assertThatThrownBy(() -> r.next(10)).isInstanceOf(DataFormatException.class).hasMessageContaining("has a header but no data rows");
        }
        Path broken = write("q.csv", "a,b\n1,\"open\n2,3\n");
        try (CsvChunkReader r = CsvChunkReader.open(broken, ReadOptions.defaults(), Set.of())) {
            assertThatThrownBy(() -> r.next(10)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("line 2: quoted field is not closed");
        }
        assertThatThrownBy(() -> CsvChunkReader.open(write("s.csv", "a;b\n1;2\n"), ReadOptions.defaults(), Set.of()))
                .hasMessageContaining("the header has no ',' but has ';'");
    }
}
