package automl4j.learners.tribuo;

/** Like {@link InitializationFlag}, with a name as long as {@code org.tribuo.ImmutableFeatureMap}. */
public final class Baits {
    static {
        System.setProperty("automl4j.test.initialized", "true");
    }

    private Baits() {
    }
}
