package automl4j.registry;

/** A model, version or run that the registry does not hold; the message names it and what there is instead. */
public class RegistryNotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message names what was asked for and what the registry holds
     */
    public RegistryNotFoundException(String message) {
        super(message);
    }
}
