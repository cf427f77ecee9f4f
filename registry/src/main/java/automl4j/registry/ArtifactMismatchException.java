package automl4j.registry;

/**
 * A version's model file in the registry's artifact folder is missing or no longer has the SHA-256 recorded when it
 * was registered: it was altered or damaged after the copy, and the registry refuses to hand it out.
 */
public class ArtifactMismatchException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message names the model, version, file and both checksums
     */
    public ArtifactMismatchException(String message) {
        super(message);
    }
}
