package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.tribuo.TribuoExtraTreesLearner;
import automl4j.learners.tribuo.TribuoLibLinearLearner;
import automl4j.learners.tribuo.TribuoLinearSgdLearner;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Tribuo members load and predict, bit for bit as the engine, with only what a user of automl4j-scoring gets at
 * run time ({@code target/runtime-dependencies.txt}, written by the dependency plugin): the Tribuo modules this module
 * leaves out (tribuo-data, OLCUT's shell) are on the test class path for the engine, so the members
 * run in a class loader that sees the module's classes and its run-time jars only.
 */
class TribuoRuntimeClasspathTest {
    private static final Path TARGET = Path.of("target");
    // group:artifact:type[:classifier]:version:scope:path[ -- module name]
    private static final Pattern LINE = Pattern.compile(
            "^\\s*([^:\\s]+):([^:]+):([^:]+):(?:([^:]+):)?([^:]+):(compile|runtime):(.+?)(?: -- module .*)?$");
    private static final List<String> LEFT_OUT = List.of("tribuo-data", "jline", "jansi", "opencsv",
            "commons-beanutils");

    @Test
    void membersLoadAndPredictWithTheRuntimeClassPathOnly() throws Exception {
        List<URL> urls = new ArrayList<>(List.of(TARGET.resolve("classes").toUri().toURL(),
                TARGET.resolve("test-classes").toUri().toURL()));
        long tribuoBytes = 0;
        StringBuilder tribuo = new StringBuilder();
        for (String line : Files.readAllLines(TARGET.resolve("runtime-dependencies.txt"))) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                assertThat(LEFT_OUT).as("left out of the run time: %s", m.group(2)).noneMatch(m.group(2)::startsWith);
                Path jar = Path.of(m.group(7).trim());
                urls.add(jar.toUri().toURL());
                if (!m.group(1).startsWith("com.fasterxml")) {
                    tribuoBytes += Files.size(jar);
                    tribuo.append(' ').append(m.group(2));
                }
            }
        }
        System.out.printf(Locale.ROOT, "Tribuo run time (%s): %d bytes%n", tribuo.toString().trim(), tribuoBytes);
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Method predict = Class.forName(TribuoIsolated.class.getName(), true, loader).getDeclaredMethod("predict",
                    String.class, String.class, Map.class, byte[].class, int.class, boolean.class, float[][].class);
            predict.setAccessible(true);
            int compared = 0;
            for (Learner learner : List.of(new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner(), new TribuoLibLinearLearner())) {
                for (Task task : List.of(TribuoMemberModelTest.BINARY, TribuoMemberModelTest.MULTICLASS, TribuoMemberModelTest.REGRESSION)) {
                    for (boolean sparse : new boolean[] {false, true}) {
                        FeatureMatrix x = TribuoMemberModelTest.matrix(200, 3, sparse, false);
                        TrainingSet train = new TrainingSet(x, TribuoMemberModelTest.labels(task, x, 3), new Target("y", task));
                        ModelArtifact a = learner.fit(train, learner.defaultConfig(task), FitContext.of(4, 1)).export();
                        FeatureMatrix rows = TribuoMemberModelTest.matrix(50, 4, sparse, false);
                        double[] engine = learner.load(a).predict(rows).toFlat();
                        float[][] cells = new float[rows.rows()][];
                        for (int r = 0; r < cells.length; r++) {
                            cells[r] = rows.row(r);
                        }
                        double[][] got = (double[][]) predict.invoke(null, a.learnerId(), a.format(), a.properties(), a.payload(),
                                rows.columns(), sparse, cells);
                        int width = task instanceof Classification ? task.classes().size() : 1;
                        for (int r = 0; r < got.length; r++) {
                            for (int k = 0; k < width; k++) {
                                assertThat(Double.doubleToRawLongBits(got[r][k])).as("%s %s row %d", learner.id(), task.label(), r)
                                        .isEqualTo(Double.doubleToRawLongBits(engine[r * width + k]));
                                compared++;
                            }
                        }
                    }
                }
            }
            assertThat(compared).isEqualTo(3 * 2 * 50 * (2 + 4 + 1));
        }
    }
}
