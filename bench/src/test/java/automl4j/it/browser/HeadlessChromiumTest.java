package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself: a page with faults reports each of them, a clean page none, scripts return JSON values, and a
 * closed browser leaves no process or profile behind. Skipped when no Chromium is installed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    private static Path binary() {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "browser test of the harness skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        return binary.get();
    }

    @Test
    void reportsExceptionsConsoleErrorsFailedLoadsAndRequestsThatLeaveTheFile() throws Exception {
        Path page = dir.resolve("faulty.html");
        // port 9 (discard) on the loopback: refused at once, so no network is needed to see the request fail
        Files.writeString(page, """
                <!DOCTYPE html><html><head><title>faulty</title></head><body>
                <img src="http://127.0.0.1:9/pixel.png" alt="">
                <script src="missing.js"></script>
                <script>console.error('boom', 42); console.assert(1 === 2, 'one is not two'); console.log('fine');</script>
                <script>null.property;</script>
                </body></html>
                """);
        Path clean = dir.resolve("clean.html");
        Files.writeString(clean, "<!DOCTYPE html><html><body><p id=\"p\">hello</p><script>console.log('quiet')</script></body></html>");
        try (HeadlessChromium chromium = HeadlessChromium.start(binary())) {
            HeadlessChromium.Page faulty = chromium.open(page);
            assertThat(faulty.failures()).anyMatch(f -> f.startsWith("uncaught exception: TypeError") && f.contains("faulty.html"))
                    .anyMatch(f -> f.equals("console.error: boom 42"))
                    .anyMatch(f -> f.equals("console.assert: one is not two"))
                    .anyMatch(f -> f.startsWith("loading failed: ") && f.contains("missing.js") && f.contains("ERR_FILE_NOT_FOUND"))
                    .anyMatch(f -> f.equals("request leaves the file: http://127.0.0.1:9/pixel.png"))
                    .noneMatch(f -> f.contains("fine"));

            HeadlessChromium.Page ok = chromium.open(clean);
            assertThat(ok.failures()).isEmpty();
            assertThat(chromium.evaluate("document.getElementById('p').textContent").asText()).isEqualTo("hello");
            assertThat(chromium.evaluate("[1, 2.5, 'x']").toString()).isEqualTo("[1,2.5,\"x\"]");
            assertThat(chromium.evaluate("undefined").isMissingNode()).isTrue();
            assertThatThrownBy(() -> chromium.evaluate("nothing.here")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ReferenceError: nothing is not defined");
            Path png = dir.resolve("shot.png");
            chromium.screenshot(png);
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void closeKillsTheBrowserAndDeletesItsProfile() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.start(binary());
        Path profile = chromium.profile();
        ProcessHandle browser = chromium.process();
        List<ProcessHandle> children = browser.descendants().toList();
        assertThat(profile).isDirectory();
        assertThat(children).as("renderer and helper processes").isNotEmpty();
        chromium.close();
        assertThat(browser.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(profile).doesNotExist();
    }
}
