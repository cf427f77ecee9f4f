package automl4j.featurize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the featurizers on the class path. */
public final class Featurizers {
    private Featurizers() {
    }

    /** Every featurizer listed in a {@code META-INF/services/automl4j.featurize.Featurizer} file, sorted by id. */
    public static List<Featurizer> discovered() {
        List<Featurizer> found = new ArrayList<>();
        ServiceLoader.load(Featurizer.class).forEach(found::add);
        found.sort(Comparator.comparing(Featurizer::id));
        return List.copyOf(found);
    }

    /**
     * The discovered featurizer with id {@code id}.
     *
     * @throws IllegalStateException if none is on the class path
     */
    public static Featurizer forId(String id) {
        return discovered().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new IllegalStateException(
                "featurizer '" + id + "' is not on the class path; add the module that provides it (automl-featurizers)"));
    }
}
