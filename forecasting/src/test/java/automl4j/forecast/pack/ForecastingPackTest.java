package automl4j.forecast.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.forecast.RBaselines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastingPackTest {
    private static final String MANIFEST = "{\"collections\": [{\"collection\": \"tiny\", \"file\": \"tiny.csv\","
            + " \"frequency\": \"quarterly\", \"seasonal_period\": 4, \"horizon\": 2}]}";
    private static final String HEADER = "series_id,t,date,value,split\n";

    @TempDir
    Path dir;

    private ForecastingPack write(String manifest, String file, String csv) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), manifest);
        Files.writeString(dir.resolve(file), csv);
        return ForecastingPack.open(dir);
    }

    private SeriesCollection load(String csv) throws IOException {
        ForecastingPack p = write(MANIFEST, "tiny.csv", csv);
        return p.load(p.collection("tiny"));
    }

    @Test
    void readsTheWholePackAsTheManifestDescribesIt() {
        ForecastingPack pack = RBaselines.pack();
        assertThat(pack.collections()).extracting(CollectionInfo::name).containsExactly("m3-yearly", "m3-quarterly",
                "m3-monthly", "m3-other", "tourism-yearly", "tourism-quarterly", "tourism-monthly");
        CollectionInfo monthly = pack.collection("m3-monthly");
        assertThat(monthly.period()).isEqualTo(12);
        assertThat(monthly.horizon()).isEqualTo(18);
        SeriesCollection c = RBaselines.collection("tourism-yearly");
        assertThat(c.series()).hasSize(518);
        assertThat(c.series()).allSatisfy(s -> assertThat(s.test()).hasSize(4));
        assertThat(c.series().stream().mapToInt(s -> s.train().length).min().getAsInt()).isEqualTo(7);
    }

    @Test
    void readsSeriesInAnyRowOrderAndGzippedFiles() throws IOException {
        String csv = HEADER + "b,2,2001-Q2,5,train\nb,1,2001-Q1,4,train\nb,3,2001-Q3,6,test\nb,4,2001-Q4,7,test\n"
                + "\"a\",1,,1.5,train\na,2,,2.5,test\na,3,,3.5,test\n";
        SeriesCollection c = load(csv);
        assertThat(c.series()).extracting(Series::id).containsExactly("b", "a");
        assertThat(c.series().get(0).train()).containsExactly(4, 5);
        assertThat(c.series().get(0).test()).containsExactly(6, 7);
        assertThat(c.series().get(0).dates()).containsExactly("2001-Q1", "2001-Q2", "2001-Q3", "2001-Q4");
        assertThat(c.series().get(1).dates()).containsExactly("", "", "");

        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("tiny.csv.gz")))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        ForecastingPack gz = write(MANIFEST.replace("tiny.csv", "tiny.csv.gz"), "unused.csv", "");
        assertThat(gz.load(gz.collection("tiny")).series()).hasSize(2);
    }

    @Test
    void badRowsAreNamedByFileRowAndColumn() {
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,2,,x,test\na,3,,3,test\n"))
                .isInstanceOf(PackFormatException.class)
                .hasMessage("tiny.csv: row 3, column 'value' must be a finite number, but was 'x'");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,one,,2,test\n"))
                .hasMessage("tiny.csv: row 3, column 't' must be an integer, but was 'one'");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,2,,2,hold\n"))
                .hasMessage("tiny.csv: row 3, column 'split' must be train or test, but was 'hold'");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1\n"))
                .hasMessage("tiny.csv: row 2 must have 5 fields, but had 4");
        assertThatThrownBy(() -> load("series_id,t,value,split\n"))
                .hasMessageStartingWith("tiny.csv: column 'date' not found; columns are [series_id, t, value, split]");
        assertThatThrownBy(() -> load(""))
                .hasMessageStartingWith("tiny.csv: the file is empty");
    }

    @Test
    void badSeriesAreNamed() {
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,1,,2,test\na,3,,3,test\n"))
                .hasMessage("tiny.csv: row 3: series 'a' has t = 1 twice (first at row 2)");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,2,,2,test\na,4,,3,test\n"))
                .hasMessage("tiny.csv: row 4, column 't' must be in [1, 3] (series 'a' has 3 rows), but was 4");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,2,,2,test\na,3,,3,train\na,4,,3,test\n"))
                .hasMessage("tiny.csv: row 4: series 'a' has a train row at t = 3 after its first test row (t = 2)");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,train\na,2,,2,test\n"))
                .hasMessage("tiny.csv: series 'a' (row 2) must have 2 test rows (the collection's horizon), but had 1");
        assertThatThrownBy(() -> load(HEADER + "a,1,,1,test\na,2,,2,test\n"))
                .hasMessage("tiny.csv: series 'a' (row 2) has no train rows");
    }

    @Test
    void badManifestsAreNamedByEntryAndField() throws IOException {
        assertThatThrownBy(() -> write(MANIFEST.replace("\"horizon\": 2", "\"horizon\": 0"), "tiny.csv", HEADER))
                .isInstanceOf(PackFormatException.class)
                .hasMessage("manifest.json: collections[0].horizon must be an integer >= 1, but was 0");
        assertThatThrownBy(() -> write(MANIFEST.replace("\"file\": \"tiny.csv\",", ""), "tiny.csv", HEADER))
                .hasMessage("manifest.json: collections[0].file must be a non-empty string, but was null");
        assertThatThrownBy(() -> write("{\"collections\": [", "tiny.csv", HEADER))
                .hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> write("{}", "tiny.csv", HEADER))
                .hasMessage("manifest.json: must have a 'collections' array");
        ForecastingPack p = write(MANIFEST.replace("tiny.csv", "missing.csv"), "other.csv", HEADER);
        assertThatThrownBy(() -> p.collection("huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collection 'huge' not found in manifest.json; it has [tiny]");
        assertThatThrownBy(() -> p.load(p.collection("tiny"))).isInstanceOf(PackFormatException.class)
                .hasMessageStartingWith("missing.csv: cannot be read");
        assertThatThrownBy(() -> ForecastingPack.open(dir.resolve("nowhere")))
                .hasMessageStartingWith("manifest.json not found or unreadable in");
    }
}
