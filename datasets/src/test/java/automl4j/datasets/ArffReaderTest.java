package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ArffReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsDenseArffWithQuotesAndMissing() throws IOException {
        Path p = dir.resolve("w.arff");
        Files.writeString(p, """
                % weather
                @relation weather
                @attribute outlook {sunny, 'over cast', rainy}
                @attribute temperature numeric
                @attribute play {yes,no}
                @data
                sunny,85,no
                'over cast',?,yes
                """);
        Table t = new ArffReader().read(p);
        assertThat(t.columnNames()).containsExactly("outlook", "temperature", "play");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("outlook").get(1)).isEqualTo("over cast");
        assertThat(t.stringColumn("temperature").isMissing(1)).isTrue();
    }

    @Test
    void undeclaredNominalValueIsNamed() throws IOException {
        Path p = dir.resolve("bad.arff");
        Files.writeString(p, "@relation r\n@attribute c {a,b}\n@data\na\nz\n");
        assertThatThrownBy(() -> new ArffReader().read(p)).hasMessageContaining("bad.arff, line 5")
                .hasMessageContaining("attribute 'c'").hasMessageContaining("'z'");
    }

    @Test
    void wrongValueCountAndSparseRowsAreErrors() throws IOException {
        Path p = dir.resolve("count.arff");
        Files.writeString(p, "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n1\n");
        assertThatThrownBy(() -> new ArffReader().read(p)).hasMessageContaining("line 5").hasMessageContaining("expected 2 values");
        Path s = dir.resolve("sparse.arff");
        Files.writeString(s, "@relation r\n@attribute a numeric\n@data\n{0 1}\n");
        assertThatThrownBy(() -> new ArffReader().read(s)).hasMessageContaining("sparse ARFF");
    }
}
