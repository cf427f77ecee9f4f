package automl4j.searchloop;

import automl4j.search.Observation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What the searcher is shown of a long search: every observation while there are at most {@code best + recent} of
 * them; beyond that the {@code best} lowest losses of the whole search and the {@code recent} latest others, in trial
 * order. A proposal's cost grows with the observations the searcher models (a Parzen estimator's or a Gaussian
 * process's), and a driver that proposes for hundreds of slots must stay cheap per trial however long the search has
 * run; the best ones keep the search's knowledge of where it did well, the recent ones where it is now. Observations
 * arrive in trial order; adding one costs O(log best), showing them O(best + recent).
 */
final class ObservationWindow {
    private final int best;
    private final int recent;
    private final List<Observation> all = new ArrayList<>();
    /** The indices of the lowest losses, worst of them on top (a later index before an earlier one at equal loss). */
    private final PriorityQueue<Integer> lowest;

    ObservationWindow(int best, int recent) {
        if (best < 1 || recent < 1) {
            throw new IllegalArgumentException("best and recent must be >= 1, but were " + best + " and " + recent);
        }
        this.best = best;
        this.recent = recent;
        Comparator<Integer> byLoss = Comparator.comparingDouble(i -> all.get(i).loss());
        this.lowest = new PriorityQueue<>(byLoss.thenComparing(Comparator.naturalOrder()).reversed());
    }

    /** The observations added so far. */
    int size() {
        return all.size();
    }

    /** Adds the next trial's observation. */
    void add(Observation o) {
        int index = all.size();
        all.add(o);
        if (!o.succeeded()) {
            return;
        }
        lowest.add(index);
        if (lowest.size() > best) {
            lowest.poll();
        }
    }

    /** The observations shown to the searcher, in trial order. */
    List<Observation> view() {
        int n = all.size();
        if (n <= best + recent) {
            return List.copyOf(all);
        }
        boolean[] shown = new boolean[n];
        for (int i : lowest) {
            shown[i] = true;
        }
        for (int i = n - 1, kept = 0; i >= 0 && kept < recent; i--) {
            if (!shown[i]) {
                shown[i] = true;
                kept++;
            }
        }
        List<Observation> out = new ArrayList<>(best + recent);
        for (int i = 0; i < n; i++) {
            if (shown[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
