package automl4j.execute;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One daemon timer thread per JVM that runners use to act at trials' hard deadlines. */
final class Deadlines {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "automl4j-deadlines");
        t.setDaemon(true);
        return t;
    });

    private Deadlines() {
    }

    /** Runs {@code action} at {@code nanos} ({@link System#nanoTime()}); it must be quick and must not block. */
    static void at(long nanos, Runnable action) {
        TIMER.schedule(action, Math.max(0, nanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
