package automl4j.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation predictions of the best finished trials, kept for ensemble selection: the {@code overall} best by
 * loss, plus the {@code perLearner} best of each learner so that a learner the leaders crowd out can still add
 * diversity. Older entries only ever fall out, so what remains after the search is the same whatever order the trials
 * finished in. Thread-safe.
 */
public final class ValidationPool {
    /**
     * One kept trial.
     *
     * @param trialId     the trial
     * @param learner     its learner
     * @param loss        its validation loss
     * @param predictions its flattened validation predictions (see {@link automl4j.execute.TrialEvaluator})
     */
    public record Entry(int trialId, String learner, double loss, float[] predictions) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingDouble(Entry::loss).thenComparingInt(Entry::trialId);

    private final int overall;
    private final int perLearner;
    private final List<Entry> entries = new ArrayList<>();

    public ValidationPool(int overall, int perLearner) {
        this.overall = overall;
        this.perLearner = perLearner;
    }

    public synchronized void offer(int trialId, String learner, double loss, float[] predictions) {
        if (Double.isNaN(loss)) {
            return;
        }
        entries.add(new Entry(trialId, learner, loss, predictions));
        entries.sort(BEST_FIRST);
        Map<String, Integer> seen = new HashMap<>();
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int rankInLearner = seen.merge(e.learner(), 1, Integer::sum);
            if (i < overall || rankInLearner <= perLearner) {
                kept.add(e);
            }
        }
        entries.clear();
        entries.addAll(kept);
    }

    /** The kept entries, best first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
