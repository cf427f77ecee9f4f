package automl4j.export;

/** Versions recorded in exported files. */
public final class Versions {
    private Versions() {
    }

    /** The AutoML4J version from the jar manifest, or {@code dev} when running from classes. */
    public static String automl4j() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
