package automl4j.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The budget arithmetic of a command whose {@code budget.seconds} bounds the whole process, from the JVM's start to
 * its exit (issue 14): what the run has already spent before the search (JVM start, reading the data), what it keeps
 * for after it (permutation importance, writing the outputs), and the deadlines that follow. The JVM's start time comes
 * from its runtime bean (milliseconds; the time before the JVM exists is not seen). Inside a JVM that runs several
 * commands ({@link Main#run}, as tests do) each counts from its own start.
 */
final class CommandClock {
    /** Least time kept for the work after the search, in seconds. */
    static final double MIN_RESERVE_SECONDS = 1.0;
    /** Share of the budget kept for the work after the search. */
    static final double RESERVE_SHARE = 0.08;
    /** Most time kept for the work after the search, in seconds. */
    static final double MAX_RESERVE_SECONDS = 20;
    /** Time the outputs themselves take to write, kept out of permutation importance's share, in seconds. */
    static final double WRITE_SECONDS = 0.3;

    // The command's start: the JVM's when the tool runs as its own process (Main.main), else when Main.run was called
    // (tests and embedders run commands inside a JVM that started long before).
    private static volatile boolean fromJvmStart;
    private static volatile long commandStartEpochMillis = System.currentTimeMillis();

    private final double budgetSeconds;
    private final long startEpochMillis;
    private final long startNanos;

    private CommandClock(double budgetSeconds, long startEpochMillis) {
        this.budgetSeconds = budgetSeconds;
        this.startEpochMillis = startEpochMillis;
        // The nanoTime the JVM started at, as seen now: deadlines below are on the monotonic clock.
        this.startNanos = System.nanoTime() - (System.currentTimeMillis() - startEpochMillis) * 1_000_000L;
    }

    /** Counts every command of this process from the JVM's start: the tool runs as its own process. */
    static void countFromJvmStart() {
        fromJvmStart = true;
    }

    /** Notes that a command starts now; it counts from here unless {@link #countFromJvmStart()} was called. */
    static void commandStarted() {
        commandStartEpochMillis = System.currentTimeMillis();
    }

    /** The clock of the running command: from the JVM's start, or from {@link #commandStarted()} inside a longer JVM. */
    static CommandClock ofCommand(double budgetSeconds) {
        return new CommandClock(budgetSeconds, fromJvmStart ? ManagementFactory.getRuntimeMXBean().getStartTime() : commandStartEpochMillis);
    }

    /** Seconds since the JVM started. */
    double elapsedSeconds() {
        return (System.currentTimeMillis() - startEpochMillis) / 1000.0;
    }

    /** Seconds kept for the work after the search: 8 % of the budget, between 1 s and 20 s. */
    double reserveSeconds() {
        return Math.max(MIN_RESERVE_SECONDS, Math.min(MAX_RESERVE_SECONDS, RESERVE_SHARE * budgetSeconds));
    }

    /**
     * The time outside the fit that the budget must also cover ({@code AutoMl.Builder.timeOutside}): the time spent so
     * far plus the reserve for after the fit.
     */
    Duration timeOutsideFit() {
        return Duration.ofMillis(Math.round((elapsedSeconds() + reserveSeconds()) * 1000));
    }

    /**
     * The {@link System#nanoTime()} by which permutation importance must end: the command's deadline less the time the
     * outputs take to write, but at least {@code minSeconds} from now (a fit that overran into its grace still gets a
     * cut-down explanation).
     */
    long importanceDeadlineNanos(double minSeconds) {
        long deadline = startNanos + (long) ((budgetSeconds - WRITE_SECONDS) * 1e9);
        return Math.max(deadline, System.nanoTime() + (long) (minSeconds * 1e9));
    }
}
