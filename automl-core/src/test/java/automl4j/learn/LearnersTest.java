package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class LearnersTest {
    /** A class loader that sees, besides the test class path, the services file under {@code providers/<folder>/}. */
    private static URLClassLoader withProviders(String folder) {
        URL root = LearnersTest.class.getResource("/providers/" + folder + "/");
        assertThat(root).as("test resource providers/%s/", folder).isNotNull();
        return new URLClassLoader(new URL[] {root}, LearnersTest.class.getClassLoader());
    }

    @Test
    void findsTheProvidersListedInServicesFiles() throws IOException {
        try (URLClassLoader loader = withProviders("good")) {
            assertThat(Learners.discovered(loader)).extracting(Learner::id).containsExactly("fine");
        }
    }

    @Test
    void aConstructorThatThrowsIsReportedWithTheProviderAndTheCause() throws IOException {
        try (URLClassLoader loader = withProviders("throws")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Learners.discovered(loader));
            assertThat(e).hasMessage("learner provider automl4j.learn.BrokenLearners$ThrowsInConstructor (listed in "
                    + "META-INF/services/automl4j.learn.Learner) failed to load: IllegalStateException: no licence key in "
                    + "LICENCE_KEY; leave its module off the class path or fix the cause");
        }
    }

    @Test
    void aMissingClassIsReportedWithItsName() throws IOException {
        try (URLClassLoader loader = withProviders("missing")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Learners.discovered(loader));
            assertThat(e.getMessage()).startsWith("learner provider automl4j.learn.NoSuchLearner (listed in "
                    + "META-INF/services/automl4j.learn.Learner) failed to load: ").contains("not found");
        }
    }

    @Test
    void aMissingNativeLibraryIsReportedWithTheProviderAndTheLibrary() throws IOException {
        try (URLClassLoader loader = withProviders("static-init")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Learners.discovered(loader));
            assertThat(e).hasMessage("learner provider automl4j.learn.BrokenLearners$NeedsANativeLibrary (listed in "
                    + "META-INF/services/automl4j.learn.Learner) failed to load: UnsatisfiedLinkError: no toyboost in "
                    + "java.library.path; leave its module off the class path or fix the cause");
        }
    }

    @Test
    void twoLearnersWithOneIdAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Learners.byId(java.util.List.of(new BrokenLearners.Fine(), new BrokenLearners.Fine() { })));
        assertThat(e.getMessage()).startsWith("learner id 'fine' is provided by both automl4j.learn.BrokenLearners$Fine and ");
    }
}
