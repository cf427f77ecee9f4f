package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.export.PipelineBundle;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.learn.BaselineLearner;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Labels;
import automl4j.learn.Learner;
import automl4j.learn.TrainingSet;
import automl4j.learners.smile.SmileKnnLearner;
import automl4j.learners.smile.SmileLogisticLearner;
import automl4j.learners.smile.SmileRandomForestLearner;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Baseline and Smile members written into a model file by the engine, read back by {@link ModelFile}: each evaluator,
 * built from the reader's member, payload and featurizer, predicts every row's flat prediction with the bits of the
 * engine's member loaded from the same file. This checks what the manifest carries (the learners' properties).
 */
class SmileMembersFileTest {
    @TempDir
    Path dir;

    @Test
    void membersReadFromAModelFilePredictTheEnginesBits() throws IOException {
        Table training = EngineTables.training(300);
        FittedTransform transform = EngineTables.fit(training, EngineTables.CHURN, FeaturizerOptions.defaults());
        int[] all = IntStream.range(0, training.rowCount()).toArray();
        TrainingSet data = new TrainingSet(transform.transform(training, null), Labels.of(EngineTables.labels(training, EngineTables.CHURN)),
                EngineTables.CHURN);
        List<Learner> learners = List.of(new SmileRandomForestLearner(), new SmileLogisticLearner(), new SmileKnnLearner(),
                new BaselineLearner());
        List<Pipeline.Member> members = new ArrayList<>();
        for (Learner learner : learners) {
            Config config = Config.of(learner.id(), learner.defaultConfig(EngineTables.CHURN.task()).values());
            members.add(new Pipeline.Member(transform, learner.fit(data, config, FitContext.of(3, 1)), config, 0.25));
        }
        Path file = dir.resolve("model.automl");
        PipelineBundle.write(new Pipeline(EngineTables.CHURN, members, members.get(0).config(), Map.of(), null, null), file);

        Pipeline engine = PipelineBundle.read(file);
        ModelFile scoring = ModelFile.read(file);
        TabularTransform features = scoring.transform(0);
        FeatureMatrix x = engine.members().get(0).transform().transform(training, all);
        List<Function<MemberPayload, MemberModel>> readers = List.of(SmileForestMember::load, SmileLinearMember::load,
                SmileKnnMember::load, BaselineMember::load);
        for (int k = 0; k < learners.size(); k++) {
            Manifest.Member member = scoring.manifest().members().get(k);
            assertThat(member.learner()).isEqualTo(learners.get(k).id());
            MemberModel model = readers.get(k).apply(new MemberPayload(member, scoring.payload(k), scoring.manifest().target(),
                    features.featureNames(), false));
            double[] want = engine.members().get(k).model().predict(x).toFlat();
            for (int r = 0; r < training.rowCount(); r++) {
                double[] got = model.predict(features.transform(EngineTables.row(training, r)));
                for (int c = 0; c < got.length; c++) {
                    assertThat(Double.doubleToRawLongBits(got[c])).as(member.learner() + " row " + r + " class " + c)
                            .isEqualTo(Double.doubleToRawLongBits(want[r * got.length + c]));
                }
            }
        }
    }
}
