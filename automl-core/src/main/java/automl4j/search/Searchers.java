package automl4j.search;

import automl4j.ConfigException;
import automl4j.settings.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the searchers on the class path. */
public final class Searchers {
    private Searchers() {
    }

    /** Every searcher listed in a {@code META-INF/services/automl4j.search.Searcher} file, sorted by id. */
    public static List<Searcher> discovered() {
        List<Searcher> found = new ArrayList<>();
        ServiceLoader.load(Searcher.class).forEach(found::add);
        found.sort(Comparator.comparing(Searcher::id));
        return List.copyOf(found);
    }

    /**
     * The discovered searcher with id {@code id}.
     *
     * @throws ConfigException (key {@code search.searcher}) listing the known ids
     */
    public static Searcher forId(String id) {
        List<Searcher> all = discovered();
        return all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new ConfigException(Setting.SEARCHER.key(),
                "searcher '" + id + "' is unknown; known searchers are " + all.stream().map(Searcher::id).toList()));
    }
}
