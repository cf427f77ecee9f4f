package automl4j.cli;

import automl4j.run.RunListener;
import automl4j.run.TrialOutcome;
import automl4j.run.TrialResult;
import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per finished trial and the run's information messages. */
final class ProgressPrinter implements RunListener {
    private final PrintStream out;
    private final String metric;

    ProgressPrinter(PrintStream out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void trialFinished(TrialResult result, TrialResult best, double elapsedSeconds) {
        TrialOutcome.Completed c = result.completed();
        String what = c != null ? String.format(Locale.ROOT, "%s=%.5f", metric, c.score()) : result.outcome().status();
        String bestText = best == null ? "none yet"
                : String.format(Locale.ROOT, "%.5f (trial %d, %s)", best.completed().score(), best.trial().id(), best.trial().config().learner());
        out.printf(Locale.ROOT, "[%6.1f s] trial %3d %-20s %-18s best %s%n", elapsedSeconds, result.trial().id(),
                result.trial().config().learner(), what, bestText);
        if (result.outcome() instanceof TrialOutcome.Failed f) {
            out.println("           " + f.message());
        }
        out.flush();
    }

    @Override
    public void info(String message) {
        out.println(message);
        out.flush();
    }
}
