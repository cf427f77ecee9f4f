package automl4j.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the learners on the class path and checks a set of learners for clashing ids. */
public final class Learners {
    private Learners() {
    }

    /** Every learner listed in a {@code META-INF/services/automl4j.learn.Learner} file, sorted by id. */
    public static List<Learner> discovered() {
        List<Learner> found = new ArrayList<>();
        ServiceLoader.load(Learner.class).forEach(found::add);
        found.sort(Comparator.comparing(Learner::id));
        byId(found);
        return List.copyOf(found);
    }

    /**
     * The learners keyed by id, in the given order.
     *
     * @throws IllegalArgumentException if two learners share an id
     */
    public static Map<String, Learner> byId(List<Learner> learners) {
        Map<String, Learner> map = new LinkedHashMap<>();
        for (Learner l : learners) {
            Learner previous = map.putIfAbsent(l.id(), l);
            if (previous != null) {
                throw new IllegalArgumentException("learner id '" + l.id() + "' is provided by both "
                        + previous.getClass().getName() + " and " + l.getClass().getName());
            }
        }
        return map;
    }
}
