package automl4j.learners;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.data.Classification;
import automl4j.data.Task;
import automl4j.learn.FeatureMatrix;
import automl4j.learn.FitContext;
import automl4j.learn.Learner;
import automl4j.learn.Predictions;
import automl4j.learn.TrainingSet;
import automl4j.learners.smile.SmileLogisticLearner;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmileLogisticLearnerTest implements LearnerContract {
    @Override
    public Learner learner() {
        return new SmileLogisticLearner();
    }

    @Test
    void idTasksAndSparseInput() {
        assertThat(learner().id()).isEqualTo("smile-logistic");
        assertThat(learner().tasks()).isEqualTo(Set.of(Classification.class));
        assertThat(learner().traits().acceptsSparse()).isTrue();
    }

    @Test
    void sparseAndDenseFormsOfTheSameDataGiveTheSameModel() {
        for (Task task : LearnerContract.examples(learner())) {
            TrainingSet dense = LearnerContract.data(task, 150, 8);
            FeatureMatrix x = dense.features();
            int[] start = new int[x.rows() + 1];
            java.util.List<Integer> idx = new java.util.ArrayList<>();
            java.util.List<Float> val = new java.util.ArrayList<>();
            for (int i = 0; i < x.rows(); i++) {
                for (int c = 0; c < x.columns(); c++) {
                    if (x.get(i, c) != 0f && (i + c) % 3 != 0) {   // also blank out a third of the cells
                        idx.add(c);
                        val.add(x.get(i, c));
                    }
                }
                start[i + 1] = idx.size();
            }
            float[] v = new float[val.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = val.get(k);
            }
            FeatureMatrix sparse = FeatureMatrix.sparse(start, idx.stream().mapToInt(Integer::intValue).toArray(), v, x.names());
            FeatureMatrix densified = FeatureMatrix.of(sparse.toArray(), sparse.rows(), sparse.names());
            Predictions a = learner().fit(new TrainingSet(sparse, dense.labels(), dense.target()), learner().defaultConfig(task),
                    FitContext.of(1, 1)).predict(sparse);
            Predictions b = learner().fit(new TrainingSet(densified, dense.labels(), dense.target()), learner().defaultConfig(task),
                    FitContext.of(1, 1)).predict(densified);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.probabilities(i)).containsExactly(b.probabilities(i));
            }
        }
    }
}
