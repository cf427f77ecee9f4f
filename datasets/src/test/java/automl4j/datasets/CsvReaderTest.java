package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
