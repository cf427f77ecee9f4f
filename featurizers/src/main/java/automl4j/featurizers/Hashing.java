package automl4j.featurizers;

/** Spreads {@link String#hashCode()} values over buckets. */
final class Hashing {
    private Hashing() {
    }

    // String.hashCode clusters similar strings in its low bits; the murmur3 finalizer spreads them.
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
