package automl4j.execute;

/** A tiny main class that {@link WorkerClassArchiveTest} runs from a jar of its own, as a worker runs from the tool's jar. */
public final class ArchiveProbe {
    private ArchiveProbe() {
    }

    /**
     * Prints {@code probe ok} and exits.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("probe ok");
    }
}
