package automl4j.it.browser;

import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Chromium for a test class, started by its first test and closed after its last; a test skips itself,
 * saying why, where Chromium is not installed.
 */
final class SharedChromium {
    private HeadlessChromium chromium;

    /** The browser, started now if it is not yet. */
    HeadlessChromium get(String what) throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                what + " skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        if (chromium == null) {
            chromium = HeadlessChromium.start(binary.get());
        }
        return chromium;
    }

    /** Closes the browser, if one was started. */
    void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
