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
    /**
     * Share of the budget {@code run} and {@code demo} keep for after the search: held-out importance refits the model
     * on each validation split, and the report computes SHAP values and partial dependence (issue 17).
     */
    static final double REPORT_RESERVE_SHARE = 0.15;
    /** Most time {@code run} and {@code demo} keep for after the search, in seconds. */
    static final double MAX_REPORT_RESERVE_SECONDS = 60;

    // The command's start: the JVM's when the tool runs as its own process (Main.main), else when Main.run was called
    // (tests and embedders run commands inside a JVM that started long before).
    private static volatile boolean fromJvmStart;
    private static volatile long commandStartEpochMillis = System.currentTimeMillis();

    private final double budgetSeconds;
    private final long startEpochMillis;
    private final long startNanos;
    private final double reserveShare;
    private final double maxReserveSeconds;
    private final boolean reserveGrace;

    private CommandClock(double budgetSeconds, long startEpochMillis, double reserveShare, double maxReserveSeconds, boolean reserveGrace) {
        this.reserveGrace = reserveGrace;
        this.budgetSeconds = budgetSeconds;
        this.reserveShare = reserveShare;
        this.maxReserveSeconds = maxReserveSeconds;
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
        return new CommandClock(budgetSeconds, start(), RESERVE_SHARE, MAX_RESERVE_SECONDS, false);
    }

    /** {@link #ofCommand} for a command that also writes the report: it keeps {@link #REPORT_RESERVE_SHARE} of the budget. */
    static CommandClock ofReportingCommand(double budgetSeconds) {
        return new CommandClock(budgetSeconds, start(), REPORT_RESERVE_SHARE, MAX_REPORT_RESERVE_SECONDS, true);
    }

    private static long start() {
        return fromJvmStart ? ManagementFactory.getRuntimeMXBean().getStartTime() : commandStartEpochMillis;
    }

    /** Seconds since the JVM started. */
    double elapsedSeconds() {
        return (System.currentTimeMillis() - startEpochMillis) / 1000.0;
    }

    /**
     * Seconds kept for the work after the search: 8 % of the budget, between 1 s and 20 s (15 %, at most 60 s, plus the
     * fit's grace, for a command that writes the report).
     */
    double reserveSeconds() {
        double reserve = Math.max(MIN_RESERVE_SECONDS, Math.min(maxReserveSeconds, reserveShare * budgetSeconds));
        if (reserveGrace) {
            // The fit may run into its grace (max(2 s, 5 %) past its budget); the report's share must not pay for that.
            reserve += Math.max(2, 0.05 * budgetSeconds);
        }
        return reserve;
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

    /**
     * A deadline for one step of the work after the search: {@code share} of the time left until the command's
     * deadline (less the time the outputs take to write), but at least {@code minSeconds} from now.
     */
    long stepDeadlineNanos(double share, double minSeconds) {
        long now = System.nanoTime();
        long end = startNanos + (long) ((budgetSeconds - WRITE_SECONDS) * 1e9);
        long left = Math.max(0, end - now);
        return now + Math.max((long) (share * left), (long) (minSeconds * 1e9));
    }
}
