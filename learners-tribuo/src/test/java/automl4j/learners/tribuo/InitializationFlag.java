package automl4j.learners.tribuo;

/** A class whose initialization sets a system property: proof that a crafted payload made something load it. */
public final class InitializationFlag {
    static final String PROPERTY = "automl4j.test.initialized";

    static {
        System.setProperty("automl4j.test.initialized", "true");
    }

    private InitializationFlag() {
    }
}
