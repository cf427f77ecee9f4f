package automl4j.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the learners on the class path and checks a set of learners for clashing ids. */
public final class Learners {
    private static final String SERVICES = "META-INF/services/" + Learner.class.getName();
    /** How {@link ServiceLoader} names the provider in its errors: "...: Provider a.B not found". */
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    private Learners() {
    }

    /**
     * Every learner listed in a {@code META-INF/services/automl4j.learn.Learner} file, sorted by id.
     *
     * @throws IllegalStateException naming the provider class and the cause if one cannot be loaded or built
     * @throws IllegalArgumentException if two learners share an id
     */
    public static List<Learner> discovered() {
        return discovered(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Every learner that {@code loader}'s {@code META-INF/services/automl4j.learn.Learner} files list, sorted by id.
     *
     * @throws IllegalStateException naming the provider class and the cause if one cannot be loaded or built: a
     *                               missing class, a constructor or static initializer that throws, a missing native
     *                               library or dependency
     * @throws IllegalArgumentException if two learners share an id
     */
    public static List<Learner> discovered(ClassLoader loader) {
        List<Learner> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Learner>> providers = ServiceLoader.load(Learner.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Learner> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw failed(providerIn(e), e);
            }
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                throw failed(provider.type().getName(), e);
            }
        }
        found.sort(Comparator.comparing(Learner::id));
        byId(found);
        return List.copyOf(found);
    }

    private static String providerIn(Throwable e) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "(unnamed)";
    }

    private static IllegalStateException failed(String provider, Throwable e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        while ((cause instanceof java.lang.reflect.InvocationTargetException || cause instanceof ExceptionInInitializerError)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new IllegalStateException("learner provider " + provider + " (listed in " + SERVICES + ") failed to load: "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + "; leave its module off the class path or fix the cause", e);
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
