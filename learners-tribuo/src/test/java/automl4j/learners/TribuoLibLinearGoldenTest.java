package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.tribuo.TribuoLibLinearLearner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Model files of {@code tribuo-liblinear} written when it was added (issue 15), one per task, in
 * {@code src/test/resources/golden/tribuo-liblinear/}: each still loads and predicts exactly what it predicted then.
 * The command that wrote them is in that folder's README.md.
 */
class TribuoLibLinearGoldenTest {
    private static final String FOLDER = "/golden/tribuo-liblinear/";

    /** The rows the golden predictions are made on. */
    private static TrainingSet rows(Task task) {
        return LearnerContract.data(task, 40, 21);
    }

    @Test
    void eachGoldenFileLoadsAndPredictsAsWhenItWasWritten() throws IOException {
        for (Task task : LearnerContract.ALL) {
            String name = task.label();
            Map<String, String> properties = new TreeMap<>();
            for (String line : text(name + ".properties").split("\n")) {
                int eq = line.indexOf('=');
                properties.put(line.substring(0, eq), line.substring(eq + 1));
            }
            ModelArtifact artifact = new ModelArtifact("tribuo-liblinear", properties.remove("format"), properties, bytes(name + ".payload"));
            FittedModel model = new TribuoLibLinearLearner().load(artifact);
            List<String> predicted = LearnerContract.flatten(model.predict(rows(task).features())).stream().map(String::valueOf).toList();
            assertThat(predicted).as(name).isEqualTo(List.of(text(name + ".expected").split("\n")));
        }
    }

    /** Writes the golden files into the folder named by {@code -Dgolden.out}; skipped otherwise. */
    @Test
    @EnabledIfSystemProperty(named = "golden.out", matches = ".+")
    void writesTheGoldenFiles() throws IOException {
        Path out = Files.createDirectories(Path.of(System.getProperty("golden.out")));
        TribuoLibLinearLearner learner = new TribuoLibLinearLearner();
        for (Task task : LearnerContract.ALL) {
            TrainingSet train = LearnerContract.data(task, 200, 20);
            ModelArtifact a = learner.fit(train, learner.defaultConfig(task), FitContext.of(20, 1)).export();
            Map<String, String> properties = new TreeMap<>(a.properties());
            properties.put("format", a.format());
            Files.writeString(out.resolve(task.label() + ".properties"), properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
            Files.write(out.resolve(task.label() + ".payload"), a.payload());
            List<Double> predicted = LearnerContract.flatten(learner.load(a).predict(rows(task).features()));
            Files.writeString(out.resolve(task.label() + ".expected"),
                    predicted.stream().map(String::valueOf).collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String file) throws IOException {
        try (InputStream in = TribuoLibLinearGoldenTest.class.getResourceAsStream(FOLDER + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String text(String file) throws IOException {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }
}
