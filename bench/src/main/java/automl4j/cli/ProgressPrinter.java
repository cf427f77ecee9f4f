package automl4j.cli;

import automl4j.execute.TrialOutcome;
import automl4j.leaderboard.Leaderboard;
import automl4j.leaderboard.Trial;
import automl4j.leaderboard.TrialResult;
import automl4j.searchloop.RunListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a run's progress. On a terminal: one status line redrawn in place (a bar of the budget, trials done, best
 * score so far, elapsed and remaining time). Otherwise (a log file, CI): a status line every
 * {@value #PLAIN_INTERVAL_SECONDS} s. In both, a line for each new best trial, the first
 * {@value #MAX_FAILURE_LINES} failures with their messages, and the run's information messages.
 */
final class ProgressPrinter implements RunListener {
    static final double PLAIN_INTERVAL_SECONDS = 5;
    static final int MAX_FAILURE_LINES = 20;
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String metric;
    private final double budgetSeconds;
    private final boolean terminal;
    private int done;
    private int pruned;
    private int failed;
    private int running;
    private TrialResult best;
    private double lastPlain;
    private long lastDraw;
    private boolean barShown;

    /**
     * @param budgetSeconds the run's time budget, for the bar and the remaining time
     * @param terminal      whether {@code out} is a terminal that can redraw a line in place
     */
    ProgressPrinter(PrintStream out, String metric, double budgetSeconds, boolean terminal) {
        this.out = out;
        this.metric = metric;
        this.budgetSeconds = budgetSeconds;
        this.terminal = terminal;
    }

    /** A printer for standard output, redrawing in place when it is a terminal. */
    static ProgressPrinter forConsole(PrintStream out, String metric, double budgetSeconds) {
        return new ProgressPrinter(out, metric, budgetSeconds, out == System.out && System.console() != null);
    }

    @Override
    public void trialStarted(Trial trial, double elapsedSeconds) {
        running++;
        status(elapsedSeconds, false);
    }

    @Override
    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        running = Math.max(0, running - 1);
        done++;
        this.best = best;
        TrialOutcome o = result.outcome();
        if (o instanceof TrialOutcome.Pruned) {
            pruned++;
        } else if (result.completed() == null) {
            failed++;
            if (failed <= MAX_FAILURE_LINES && !(o instanceof TrialOutcome.Cancelled)) {
                line(String.format(Locale.ROOT, "[%6.1f s] trial %3d %-20s %s: %s", elapsedSeconds, result.trial().id(),
                        result.trial().config().learner(), o.status(), Leaderboard.detail(o)));
                if (failed == MAX_FAILURE_LINES) {
                    line("           (further failures are listed on the leaderboard only)");
                }
            }
        }
        status(elapsedSeconds, false);
    }

    @Override
    public void newBest(TrialResult best, double elapsedSeconds) {
        line(String.format(Locale.ROOT, "[%6.1f s] trial %3d %-20s %s=%.5f  new best", elapsedSeconds, best.trial().id(),
                best.trial().config().learner(), metric, best.completed().score()));
        status(elapsedSeconds, true);
    }

    @Override
    public void info(String message) {
        line(message);
    }

    /** Ends the status line so that what follows starts on a line of its own. */
    void finish(double elapsedSeconds) {
        if (terminal && barShown) {
            status(elapsedSeconds, true);
            out.println();
            barShown = false;
            out.flush();
        }
    }

    private void line(String text) {
        if (terminal && barShown) {
            out.print("\r\033[2K");
            barShown = false;
        }
        out.println(text);
        out.flush();
    }

    private void status(double elapsed, boolean force) {
        if (terminal) {
            long now = System.nanoTime();
            if (!force && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(BAR_WIDTH * Math.min(1, elapsed / budgetSeconds));
            out.print("\r\033[2K[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + summary(elapsed));
            barShown = true;
            out.flush();
        } else if (elapsed - lastPlain >= PLAIN_INTERVAL_SECONDS) {
            lastPlain = elapsed;
            line(String.format(Locale.ROOT, "[%6.1f s] %s", elapsed, summary(elapsed)));
        }
    }

    String summary(double elapsed) {
        String bestText = best == null ? "none yet"
                : String.format(Locale.ROOT, "%.5f (trial %d, %s)", best.completed().score(), best.trial().id(),
                best.trial().config().learner());
        return String.format(Locale.ROOT, "%.0f/%.0f s, %.0f s left | %d trials done (%d pruned, %d failed), %d running | best %s %s",
                elapsed, budgetSeconds, Math.max(0, budgetSeconds - elapsed), done, pruned, failed, running, metric, bestText);
    }
}
