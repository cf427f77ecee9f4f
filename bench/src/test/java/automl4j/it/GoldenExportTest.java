package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMlModel;
import automl4j.datasets.CsvReader;
import automl4j.export.ModelFileException;
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

/**
 * Pipeline files of earlier versions, written once (see golden/export-v1/README.md and export-v2/README.md), must load
 * and predict the same forever.
 */
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
        assertThatThrownBy(() -> AutoMlModel.load(damaged)).isInstanceOf(ModelFileException.class)
                .hasMessage(damaged + ": entry model.bin: does not match its SHA-256; the file is damaged");
    }

    @Test
    void versionTwoFilesOfEveryLearnerLoadAndPredictWhatTheyPredictedWhenWritten() throws IOException {
        for (String name : GoldenFiles.V2_NAMES) {
            AutoMlModel model = AutoMlModel.load(GoldenFiles.V2.resolve(name + ".automl"));
            assertThat(GoldenFiles.predictionLines(model)).as(name)
                    .isEqualTo(Files.readAllLines(GoldenFiles.V2.resolve(name + ".expected")));
        }
    }

    @Test
    void versionTwoFilesReexportedAsVersionThreePredictTheSame() throws IOException {
        for (String name : GoldenFiles.V2_NAMES) {
            Path v3 = dir.resolve(name + ".automl");
            AutoMlModel.load(GoldenFiles.V2.resolve(name + ".automl")).exportTo(v3);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(v3))) {
                assertThat(zip.getNextEntry().getName()).isEqualTo("manifest.json");
                assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"format_version\" : 3");
                assertThat(zip.getNextEntry().getName()).isEqualTo("manifest.sha256");
            }
            assertThat(GoldenFiles.predictionLines(AutoMlModel.load(v3))).as(name)
                    .isEqualTo(Files.readAllLines(GoldenFiles.V2.resolve(name + ".expected")));
        }
    }

    @Test
    void exportIsReproducibleByteForByte() throws IOException {
        AutoMlModel model = AutoMlModel.load(GOLDEN.resolve("model.automl"));
        model.exportTo(dir.resolve("a.automl"));
        model.exportTo(dir.resolve("b.automl"));
        assertThat(Files.readAllBytes(dir.resolve("a.automl"))).isEqualTo(Files.readAllBytes(dir.resolve("b.automl")));
    }
}
