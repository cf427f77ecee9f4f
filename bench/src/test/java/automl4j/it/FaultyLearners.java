package automl4j.it;

import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.space.Config;
import automl4j.space.IntParam;
import automl4j.space.SearchSpace;
import java.util.Set;

/**
 * Learners that fail in the ways real ones do, for the executor's fault tests. Each has one integer parameter. The
 * failing ones are public classes with no-arg constructors, so that worker processes can rebuild them.
 */
public final class FaultyLearners {
    private FaultyLearners() {
    }

    /** How a fit goes wrong. */
    enum Fault {
        /** Throws an exception. */
        THROWS,
        /** Never returns (and ignores interrupts), like a fit stuck in native code. */
        HANGS,
        /** Asks for an array larger than the whole heap. */
        EXHAUSTS_MEMORY,
        /** Ends its JVM at once, like a crash in native code (only ever run it in a worker). */
        KILLS_JVM
    }

    /** The learner whose every fit fails with {@code fault}; its id is the fault's name in kebab case. */
    static Learner failing(Fault fault) {
        return switch (fault) {
            case THROWS -> new Throws();
            case HANGS -> new Hangs();
            case EXHAUSTS_MEMORY -> new ExhaustsMemory();
            case KILLS_JVM -> new KillsJvm();
        };
    }

    /** Fails with {@link Fault#THROWS}. */
    public static final class Throws extends Failing {
        public Throws() {
            super("throws", Fault.THROWS);
        }
    }

    /** Fails with {@link Fault#HANGS}. */
    public static final class Hangs extends Failing {
        public Hangs() {
            super("hangs", Fault.HANGS);
        }
    }

    /** Fails with {@link Fault#EXHAUSTS_MEMORY}. */
    public static final class ExhaustsMemory extends Failing {
        public ExhaustsMemory() {
            super("exhausts-memory", Fault.EXHAUSTS_MEMORY);
        }
    }

    /** Fails with {@link Fault#KILLS_JVM}. */
    public static final class KillsJvm extends Failing {
        public KillsJvm() {
            super("kills-jvm", Fault.KILLS_JVM);
        }
    }

    /**
     * Too slow for a tight budget on the whole data: a fit on more than {@value #SLOW_ABOVE_ROWS} rows sleeps for a
     * minute (it stops when interrupted), a fit on fewer returns the {@link automl4j.learn.BaselineLearner}'s model at
     * once, so a fallback fit on a sample finishes.
     */
    public static final class SlowOnLargeData extends Base {
        /** Rows above which a fit takes a minute. */
        static final int SLOW_ABOVE_ROWS = 2000;

        public SlowOnLargeData() {
            super("slow-on-large-data");
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            if (data.size() > SLOW_ABOVE_ROWS) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while slow");
                }
            }
            return new automl4j.learn.BaselineLearner().fit(data, config, context);
        }
    }

    private abstract static class Failing extends Base {
        private final Fault fault;

        Failing(String id, Fault fault) {
            super(id);
            this.fault = fault;
        }

        @Override
        public FittedModel fit(TrainingSet data, Config config, FitContext context) {
            switch (fault) {
                case THROWS -> throw new IllegalStateException("deliberate failure k=" + config.intValue("k"));
                case HANGS -> {
                    while (true) {
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException e) {
                            // A fit stuck in native code does not see interrupts either.
                        }
                    }
                }
                case KILLS_JVM -> {
                    Runtime.getRuntime().halt(7);
                    throw new AssertionError("unreachable");
                }
                default -> {
                    long words = Math.min(Integer.MAX_VALUE - 8, 2 * (Runtime.getRuntime().maxMemory() / Long.BYTES));
                    long[] hog = new long[(int) words];
                    throw new IllegalStateException("the heap held " + hog.length + " longs");
                }
            }
        }
    }

    /** A learner with {@code id} and the same space as the failing ones, whose fits succeed with a constant model. */
    static Learner wellBehaved(String id, Learner constant) {
        return new Base(id) {
            @Override
            public FittedModel fit(TrainingSet data, Config config, FitContext context) {
                return constant.fit(data, constant.defaultConfig(data.target().task()), context);
            }
        };
    }

    abstract static class Base implements Learner {
        private final String id;

        Base(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<Class<? extends Task>> tasks() {
            return Set.of(Classification.class, Regression.class);
        }

        @Override
        public SearchSpace space(Task task) {
            return SearchSpace.of(new IntParam("k", 1, 3, false));
        }

        @Override
        public FittedModel load(ModelArtifact artifact) {
            throw new UnsupportedOperationException("test learner " + id + " is not exported");
        }
    }
}
