package automl4j.execute;

import java.util.Locale;

/**
 * The heap that trials may hold at once. A trial reserves its learner's estimate while it runs; the search starts a
 * trial only when its estimate fits beside the running ones' (or when nothing else runs, so one trial always can: if
 * it then runs out of memory it is recorded as such). Not thread-safe: its owner, the {@link RoutingRunner}, guards it.
 */
public final class MemoryBudget {
    /** Share of the free heap that trials may reserve; the rest is headroom for estimates that fall short. */
    static final double SHARE = 0.8;

    private final long capacity;
    private long reserved;

    MemoryBudget(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, but was " + capacity);
        }
        this.capacity = capacity;
    }

    /** {@value #SHARE} of the heap not in use now (after the data is loaded and featurized). */
    public static MemoryBudget ofFreeHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return new MemoryBudget((long) (SHARE * Math.max(0, rt.maxMemory() - used)));
    }

    /** No limit. */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    boolean fits(long bytes) {
        return bytes <= capacity - reserved;
    }

    void reserve(long bytes) {
        reserved += bytes;
    }

    void release(long bytes) {
        reserved -= bytes;
    }

    long capacity() {
        return capacity;
    }

    String describe(long bytes) {
        return String.format(Locale.ROOT, "needs about %d MiB, %d MiB of %d MiB are held by running trials", bytes >> 20,
                reserved >> 20, capacity >> 20);
    }
}
