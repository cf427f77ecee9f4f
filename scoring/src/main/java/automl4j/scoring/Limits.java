package automl4j.scoring;

/**
 * The size limits a model file is read under, in uncompressed bytes, counted while inflating: the engine's
 * ({@code automl4j.export.BundleLimits}, README "Loading untrusted model files"), kept equal by hand.
 */
final class Limits {
    /** {@code manifest.json}. */
    static final int MANIFEST = 1 << 20;
    /** {@code manifest.sha256}: 64 hex digits. */
    static final int MANIFEST_DIGEST = 64;
    /** Any other entry; a version-3 entry must also have exactly the size its manifest declares. */
    static final long ENTRY = 512L << 20;
    /** All entries together. */
    static final long TOTAL = 1L << 30;
    /** Featurizers or members a manifest may list. */
    static final int MEMBERS = 1000;

    private Limits() {
    }
}
