package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void keepsEveryCellAsWrittenAndOnlyEmptyIsMissing() throws IOException {
        Table t = CsvReader.comma().read(write("a.csv", "id,amount,note\n007,\"1,5\",NA\n008,,?\n009,\"\",\"say \"\"hi\"\"\nthere\"\n"));
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.stringColumn("id").get(0)).isEqualTo("007");
        assertThat(t.stringColumn("amount").get(0)).isEqualTo("1,5");
        assertThat(t.stringColumn("note").get(0)).isEqualTo("NA");
        assertThat(t.stringColumn("note").get(1)).isEqualTo("?");
        assertThat(t.stringColumn("amount").isMissing(1)).isTrue();
        assertThat(t.stringColumn("amount").isMissing(2)).isTrue();
        assertThat(t.stringColumn("note").get(2)).isEqualTo("say \"hi\"\nthere");
    }

    @Test
    void readsCrLfLineEnds() throws IOException {
        Table t = CsvReader.comma().read(write("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n"));
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("b").get(1)).isEqualTo("4");
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path p = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> CsvReader.comma().read(p)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("ragged.csv, line 3").hasMessageContaining("expected 3 fields").hasMessageContaining("found 2");
    }

    @Test
    void emptyFileAndHeaderOnlyAreErrors() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> CsvReader.comma().read(empty)).hasMessageContaining("empty.csv is empty");
        Path header = write("header.csv", "a,b\n");
        assertThatThrownBy(() -> CsvReader.comma().read(header)).hasMessageContaining("header.csv has a header but no data rows");
    }

    @Test
    void duplicateColumnNameIsNamed() throws IOException {
        Path p = write("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> CsvReader.comma().read(p)).hasMessageContaining("line 1, column 3").hasMessageContaining("duplicate column name 'a'");
    }

    @Test
    void missingFileAndUnclosedQuote() throws IOException {
        assertThatThrownBy(() -> CsvReader.comma().read(dir.resolve("nope.csv"))).hasMessageContaining("nope.csv does not exist");
        Path p = write("quote.csv", "a,b\n1,\"open\n");
        assertThatThrownBy(() -> CsvReader.comma().read(p)).hasMessageContaining("line 2").hasMessageContaining("not closed");
    }

    @Test
    void otherSeparators() throws IOException {
        Table t = CsvReader.withSeparator(';').read(write("semi.csv", "a;b\n1,5;2\n"));
        assertThat(t.stringColumn("a").get(0)).isEqualTo("1,5");
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        Table t = CsvReader.comma().read(write("bom.csv", "\uFEFFy,a\nx,1\n"));
        assertThat(t.columnNames()).containsExactly("y", "a");
    }

    @Test
    void aHeaderSeparatedOtherwiseIsRefusedWithTheKeyToSet() throws IOException {
        Path p = write("semi.csv", "a;b\n1;2\n");
        assertThatThrownBy(() -> CsvReader.comma().read(p)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("semi.csv, line 1: the header has no ',' but has ';'").hasMessageContaining("data.separator");
        assertThat(CsvReader.of(new ReadOptions(',', List.of(), false, '.')).read(p).columnNames()).containsExactly("a;b");
    }

    @Test
    void missingValueTokensAndDecimalCommasAreReadAsAsked() throws IOException {
        Path p = write("na.csv", "a;b\nNA;0,5\n?;-1,25e2\nx;7\n");
        Table t = CsvReader.of(new ReadOptions(';', List.of("NA", "?"), false, ',')).read(p);
        assertThat(t.stringColumn("a").isMissing(0)).isTrue();
        assertThat(t.stringColumn("a").isMissing(1)).isTrue();
        assertThat(t.stringColumn("a").get(2)).isEqualTo("x");
        assertThat(t.stringColumn("b").asList()).containsExactly("0.5", "-1.25e2", "7");
        assertThat(CsvReader.withSeparator(';').read(p).stringColumn("a").get(0)).isEqualTo("NA");
    }

    @Test
    void infinitiesInNumericColumnsAreAnErrorOrMissing() throws IOException {
        Path p = write("inf.csv", "a,word\n1,inf\n2,fine\n-INF,ok\n4,x\n");
        assertThatThrownBy(() -> CsvReader.comma().read(p)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("inf.csv, row 3 (line 4), column 'a': '-INF' is an infinite number");
        Table t = CsvReader.of(new ReadOptions(null, List.of(), true, '.')).read(p);
        assertThat(t.stringColumn("a").isMissing(2)).isTrue();
        assertThat(t.stringColumn("word").get(0)).isEqualTo("inf");   // a column of words keeps its words
        assertThat(CellRules.isInfinite("1e400")).isTrue();
        assertThat(CellRules.isInfinite("1e300")).isFalse();
        assertThat(CellRules.isInfinite("Infinity")).isTrue();
        assertThat(CellRules.isInfinite("information")).isFalse();
    }
}
