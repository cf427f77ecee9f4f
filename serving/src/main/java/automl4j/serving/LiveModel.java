package automl4j.serving;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The model a server answers with, under one name, swappable while requests run. Each request takes the current
 * version once ({@link #acquire()}) and uses it to the end, so an answer comes from exactly one version; a swap
 * ({@link #swap}) switches atomically and then waits, bounded, until the requests that hold the old version are done.
 * Thread-safe.
 *
 * <p>A swap loads nothing: the caller loads the next version beside the current one (twice the memory for a moment)
 * and hands it over, so a slow or failing load never stalls a request.
 */
public final class LiveModel {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String name;
    private final AtomicReference<Slot> current = new AtomicReference<>();
    private final Object swapLock = new Object();

    /**
     * An empty holder for the model called {@code name}; requests are refused until the first {@link #swap}.
     *
     * @param name the name in {@code /models/{name}/predict}: letters, digits, {@code .}, {@code _} and {@code -}, up to
     *             128 characters, starting with a letter or digit
     * @throws IllegalArgumentException if the name has other characters
     */
    public LiveModel(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must be 1 to 128 letters, digits, '.', '_' or '-' starting with a"
                    + " letter or digit, but was '" + name + "'");
        }
        this.name = name;
    }

    /** The name the model is served under. */
    public String name() {
        return name;
    }

    /** The version served now, or empty before the first {@link #swap}. */
    public Optional<ServedModel> current() {
        Slot s = current.get();
        return s == null ? Optional.empty() : Optional.of(s.served);
    }

    /**
     * Takes the current version for one request; close the lease when the request no longer needs the model.
     *
     * @throws IllegalStateException if no version has been swapped in yet
     */
    public Lease acquire() {
        while (true) {
            Slot s = current.get();
            if (s == null) {
                throw new IllegalStateException("model '" + name + "' is not loaded yet");
            }
            s.inFlight.incrementAndGet();
            // Counted before the check, so a swap that has already switched either sees this request or this request
            // sees the switch and retries on the new version: the old one's count never misses a user.
            if (current.get() == s) {
                return new Lease(s);
            }
            s.release();
        }
    }

    /**
     * Serves {@code next} from now on and waits until no request holds the version it replaces, at most
     * {@code drainWait}. Swaps are serialized.
     *
     * @return true if the old version was drained (or there was none), false if requests still held it when the wait
     *         ended; they finish on the old version all the same
     * @throws InterruptedException if interrupted while waiting; the swap itself has happened
     */
    public boolean swap(ServedModel next, Duration drainWait) throws InterruptedException {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(drainWait, "drainWait");
        synchronized (swapLock) {
            Slot old = current.getAndSet(new Slot(next));
            return old == null || old.awaitDrained(drainWait.toNanos());
        }
    }

    /** The number of requests that hold the current version now; 0 before the first swap. */
    public int inFlight() {
        Slot s = current.get();
        return s == null ? 0 : s.inFlight.get();
    }

    /** One request's hold on a version. Close it once; closing twice counts the request out twice. */
    public static final class Lease implements AutoCloseable {
        private final Slot slot;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        /** The version this request uses to the end. */
        public ServedModel served() {
            return slot.served;
        }

        /** Counts this request out of its version. */
        @Override
        public void close() {
            slot.release();
        }
    }

    private static final class Slot {
        final ServedModel served;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean retired;

        Slot(ServedModel served) {
            this.served = served;
        }

        void release() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        synchronized boolean awaitDrained(long nanos) throws InterruptedException {
            retired = true;
            long deadline = System.nanoTime() + nanos;
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
