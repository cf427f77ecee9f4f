package automl4j.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMlModel;
import automl4j.datasets.CsvReader;
import automl4j.learn.Predictions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version-1 pipeline files written once (see golden/export-v1/README.md) must load and predict the same forever. */
class GoldenExportTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/export-v1");

    @TempDir
    Path dir;

    @Test
    void versionOneFileLoadsAndPredictsWhatItPredictedWhenWritten() throws IOException {
        AutoMlModel model = AutoMlModel.load(GOLDEN.resolve("model.automl"));
        Predictions p = model.predict(CsvReader.comma().read(GOLDEN.resolve("input.csv")));
        List<String> expected = Files.readAllLines(GOLDEN.resolve("expected.csv"));
        assertThat(p.size()).isEqualTo(expected.size() - 1);
        for (int i = 0; i < p.size(); i++) {
            String[] e = expected.get(i + 1).split(",");
            assertThat(p.label(i)).isEqualTo(e[0]);
            assertThat(p.probability(i, 0)).isEqualTo(Double.parseDouble(e[1]));
            assertThat(p.probability(i, 1)).isEqualTo(Double.parseDouble(e[2]));
        }
    }

    @Test
    void aDamagedEntryIsRefusedWithItsName() throws IOException {
        Path damaged = dir.resolve("damaged.automl");
        try (InputStream in = Files.newInputStream(GOLDEN.resolve("model.automl")); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(damaged); ZipOutputStream zout = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] data = zin.readAllBytes();
                if (e.getName().equals("model.bin")) {
                    data[data.length / 2] ^= 1;
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(data);
                zout.closeEntry();
            }
        }
        assertThatThrownBy(() -> AutoMlModel.load(damaged)).isInstanceOf(IOException.class)
                .hasMessageContaining("entry model.bin is missing or does not match its SHA-256");
    }

    @Test
    void exportIsReproducibleByteForByte() throws IOException {
        AutoMlModel model = AutoMlModel.load(GOLDEN.resolve("model.automl"));
        model.exportTo(dir.resolve("a.automl"));
        model.exportTo(dir.resolve("b.automl"));
        assertThat(Files.readAllBytes(dir.resolve("a.automl"))).isEqualTo(Files.readAllBytes(dir.resolve("b.automl")));
    }
}
