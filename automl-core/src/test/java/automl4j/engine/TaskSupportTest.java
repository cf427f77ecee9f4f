package automl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.ConfigException;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.BaselineLearner;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSupportTest {
    /** A learner that declares only the given kinds of task. */
    private record Declaring(String id, Set<Class<? extends Task>> tasks) implements Learner {
        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of();
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            throw new UnsupportedOperationException("not fitted in this test");
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("not loaded in this test");
        }
    }

    @Test
    void keepsOnlyLearnersThatDeclareTheTaskKind() {
        Learner classifier = new Declaring("classifier", Set.of(Classification.class));
        Learner both = new BaselineLearner();
        assertThat(TaskSupport.learnersFor(new Regression(), List.of(classifier, both)).keySet()).containsExactly("baseline");
        assertThat(TaskSupport.learnersFor(new Classification(List.of("a", "b")), List.of(classifier, both)).keySet())
                .containsExactly("classifier", "baseline");
    }

    @Test
    void aTaskKindNoLearnerDeclaresNamesTheLearnersAndWhatTheySupport() {
        Learner a = new Declaring("only-classes", Set.of(Classification.class));
        Learner none = new Declaring("nothing-yet", Set.of());
        assertThatThrownBy(() -> TaskSupport.learnersFor(new Regression(), List.of(a, none)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("search.learners"))
                .hasMessage("no learner supports task regression (Regression): only-classes supports [Classification], "
                        + "nothing-yet supports []; add a learner whose tasks() includes Regression.class");
    }
}
