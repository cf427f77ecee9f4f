package automl4j.internal;

/** Derives independent seeds from a run seed, so every component gets its own stream without shared state. */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for stream {@code index} of {@code seed} (SplitMix64 finalizer over both). */
    public static long derive(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
