package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.learn.BaselineLearner;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Labels;
import automl4j.learn.TrainingSet;
import automl4j.pipeline.DecisionThreshold;
import automl4j.pipeline.Pipeline;
import automl4j.pipeline.Stack;
import automl4j.space.Config;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Model files written by the engine (format versions 3, 4 and 5, and the golden files of 1 and 2) read without it. */
class ModelFileTest {
    private static final Table TRAINING = EngineTables.training(200);
    private static final Path GOLDEN = Path.of("..", "bench", "src", "test", "resources", "golden");

    @TempDir
    Path dir;

    private static Pipeline pipeline(Stack stack, DecisionThreshold decision) {
        FittedTransform transform = EngineTables.fit(TRAINING, EngineTables.CHURN, FeaturizerOptions.defaults());
        double[] y = EngineTables.labels(TRAINING, EngineTables.CHURN);
        Config config = Config.of(BaselineLearner.ID, Map.of());
        FittedModel model = new BaselineLearner().fit(new TrainingSet(FeatureMatrix.of(new float[0], y.length, List.of()),
                Labels.of(y), EngineTables.CHURN), config, FitContext.of(1, 1));
        return new Pipeline(EngineTables.CHURN, List.of(new Pipeline.Member(transform, model, config, 0.25),
                new Pipeline.Member(transform, model, config, 0.75)), config, Map.of("kind", "test"), stack, decision);
    }

    private Path write(Pipeline p) throws IOException {
        Path file = dir.resolve("model.automl");
        PipelineBundle.write(p, file);
        return file;
    }

    @Test
    void readsVersion3() throws IOException {
        Path file = write(pipeline(null, null));
        ModelFile m = ModelFile.read(file);
        assertThat(m.manifest().formatVersion()).isEqualTo(3);
        assertThat(m.manifest().target()).isEqualTo(new Manifest.Target("churned", "binary", List.of("no", "yes")));
        assertThat(m.manifest().featurizers()).containsExactly(new Manifest.Featurizer("tabular", "featurizers/0.json"));
        assertThat(m.manifest().members()).extracting(Manifest.Member::weight).containsExactly(0.25, 0.75);
        assertThat(m.manifest().members()).extracting(Manifest.Member::learner).containsOnly(BaselineLearner.ID);
        assertThat(m.manifest().stack()).isEmpty();
        assertThat(m.manifest().decision()).isEmpty();
        assertThat(m.manifest().info()).containsEntry("kind", "test");
        FittedTransform engine = PipelineBundle.read(file).members().get(0).transform();
        FeatureMatrix want = engine.transform(TRAINING, new int[] {5});
        assertThat(m.transform(0).transform(EngineTables.row(TRAINING, 5))).containsExactly(want.row(0));
    }

    @Test
    void readsTheStackOfVersion4AndTheDecisionOfVersion5() throws IOException {
        ModelFile v4 = ModelFile.read(write(pipeline(new Stack(1.5, List.of(0.25, -0.25)), null)));
        assertThat(v4.manifest().formatVersion()).isEqualTo(4);
        assertThat(v4.manifest().stack()).contains(new Manifest.Stack(1.5, List.of(0.25, -0.25)));
        Path file = write(pipeline(null, new DecisionThreshold(0.3, "f1")));
        ModelFile v5 = ModelFile.read(new ByteArrayInputStream(Files.readAllBytes(file)), "v5.automl");
        assertThat(v5.manifest().formatVersion()).isEqualTo(5);
        assertThat(v5.manifest().decision()).contains(new Manifest.Decision(0.3, "f1"));
    }

    @Test
    void readsTheGoldenFilesOfVersions1And2() throws IOException {
        ModelFile v1 = ModelFile.read(GOLDEN.resolve("export-v1").resolve("model.automl"));
        assertThat(v1.manifest().formatVersion()).isEqualTo(1);
        assertThat(v1.manifest().members()).hasSize(1);
        for (String name : List.of("xgboost", "ensemble", "smile-logistic", "tribuo-extra-trees")) {
            Path file = GOLDEN.resolve("export-v2").resolve(name + ".automl");
            ModelFile v2 = ModelFile.read(file);
            assertThat(v2.manifest().formatVersion()).as(name).isEqualTo(2);
            // The featurizer, read by both, transforms alike.
            FittedTransform engine = new automl4j.featurizers.TabularFeaturizer().load(v2.featurizer(0));
            Table rows = automl4j.datasets.DefaultDataset.generate(30, 11);
            FeatureMatrix want = engine.transform(rows, null);
            TabularTransform scoring = v2.transform(0);
            for (int r = 0; r < rows.rowCount(); r++) {
                assertThat(scoring.transform(EngineTables.row(rows, r))).as("%s row %d", name, r).containsExactly(want.row(r));
            }
        }
    }

    @Test
    void damageIsReportedInTheEnginesWords() throws IOException {
        Path file = write(pipeline(null, null));
        for (String how : List.of("longer", "changed", "extra")) {
            Path bad = dir.resolve(how + ".automl");
            rewrite(file, bad, how);
            String engine = assertThrowsModelFile(() -> PipelineBundle.read(bad));
            assertThatThrownBy(() -> ModelFile.read(bad)).as(how).isInstanceOf(ModelFileException.class).hasMessage(engine);
        }
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("none.automl"))).hasMessage(dir.resolve("none.automl") + ": does not exist");
    }

    // Copies the zip, damaging featurizers/0.json: one byte longer, one byte changed, or an entry the manifest does not name.
    private static void rewrite(Path from, Path to, String how) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("featurizers/0.json")) {
                    if (how.equals("longer")) {
                        data = java.util.Arrays.copyOf(data, data.length + 1);
                    } else if (how.equals("changed")) {
                        data[data.length / 2] ^= 1;
                    } else {
                        out.putNextEntry(new java.util.zip.ZipEntry("extra.bin"));
                        out.write(1);
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
    }

    private static String assertThrowsModelFile(org.junit.jupiter.api.function.Executable read) {
        return org.junit.jupiter.api.Assertions.assertThrows(automl4j.export.ModelFileException.class, read).getMessage();
    }
}
