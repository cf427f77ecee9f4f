package automl4j.learn;

import automl4j.data.Task;
import automl4j.space.Config;
import automl4j.space.SearchSpace;
import java.util.Set;

/** Learner providers for {@link LearnersTest}, listed in services files under the test resources' {@code providers/}. */
public final class BrokenLearners {
    private BrokenLearners() {
    }

    /** Loads and builds. */
    public static class Fine implements Learner {
        @Override
        public String id() {
            return "fine";
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(automl4j.data.Classification.class);
        }

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

    /** Its constructor throws, as one that checks for a licence or a device might. */
    public static class ThrowsInConstructor extends Fine {
        public ThrowsInConstructor() {
            throw new IllegalStateException("no licence key in LICENCE_KEY");
        }
    }

    /** Its static initializer fails, as a class that loads a missing native library there does. */
    public static class NeedsANativeLibrary extends Fine {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new UnsatisfiedLinkError("no toyboost in java.library.path");
            }
        }
    }
}
