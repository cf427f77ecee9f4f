package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link LayoutProblems} finds each kind of fault it names, and none in a tidy chart. Skipped without Chromium. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LayoutProblemsTest {
    @TempDir
    Path dir;

    @Test
    void findsCutTextOverlapsWideFiguresAndAWidePage() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "browser test of the layout checks skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        Path faulty = dir.resolve("faulty.html");
        Files.writeString(faulty, """
                <!DOCTYPE html><html><body><section style="width:600px">
                <figure><svg aria-label="a" width="200" height="100">
                  <text x="10" y="20" font-size="14">a</text><text x="190" y="60" font-size="12">cut at the right</text>
                  <text x="10" y="80" font-size="12">first</text><text x="14" y="82" font-size="12">second</text>
                  <text x="60" y="40" transform="rotate(-30 60 40)">C000001</text><text x="66" y="40" transform="rotate(-30 66 40)">C000002</text></svg></figure>
                <figure style="margin-top:-60px"><svg aria-label="b" width="200" height="100"><text x="10" y="20">b</text></svg></figure>
                <figure><svg aria-label="c" width="2000" height="50"><text x="10" y="20">c</text></svg></figure>
                </section></body></html>
                """);
        Path tidy = dir.resolve("tidy.html");
        Files.writeString(tidy, """
                <!DOCTYPE html><html><body><section><figure><svg aria-label="t" width="300" height="100">
                <text x="10" y="20" font-size="14">title</text><text x="150" y="90" text-anchor="middle">x label</text>
                <text x="14" y="55" transform="rotate(-90 14 55)" text-anchor="middle">y label</text>
                <text x="100" y="60" font-size="11" text-anchor="end" transform="rotate(-30 100 60)">C000001</text>
                <text x="140" y="60" font-size="11" text-anchor="end" transform="rotate(-30 140 60)">C000002</text></svg></figure></section></body></html>
                """);
        try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
            chromium.open(faulty);
            assertThat(LayoutProblems.of(chromium)).anyMatch(p -> p.startsWith("chart 'a': text 'cut at the right' is cut off at the right by"))
                    .contains("chart 'a': texts 'first' and 'second' overlap")
                    .contains("chart 'a': texts 'C000001' and 'C000002' overlap")
                    .contains("chart 'a' and chart 'b' overlap")
                    .anyMatch(p -> p.startsWith("chart 'c' sticks out of its section by"))
                    .anyMatch(p -> p.startsWith("the page is ") && p.endsWith(" px wider than the 1366 px window"));
            chromium.open(tidy);
            assertThat(LayoutProblems.of(chromium)).isEmpty();
        }
    }

    @Test
    void findsHeadingsUnderTheStickyHeaderAndPiledStickyCells() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "browser test of the layout checks skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        String rows = "<tr><th>row</th><td>1</td></tr>".repeat(40);
        String page = """
                <!DOCTYPE html><html><head><style>
                header{position:sticky;top:0;height:70px;background:#036} section{height:1200px%s}
                .scroll{max-height:200px;overflow:auto} th{position:sticky;top:0;background:#eee}%s
                </style></head><body><header><nav><a href="#one">One</a><a href="#two">Two</a></nav></header>
                <section id="one"><h2>One</h2><div class="scroll"><table><thead><tr><th>h</th><th>v</th></tr></thead><tbody>%s</tbody></table></div></section>
                <section id="two"><h2>Two</h2></section></body></html>
                """;
        Path faulty = dir.resolve("faulty.html");
        Files.writeString(faulty, page.formatted("", "", rows));
        Path tidy = dir.resolve("tidy.html");
        Files.writeString(tidy, page.formatted(";scroll-margin-top:72px", " tbody th{position:static}", rows));
        try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
            chromium.open(faulty);
            assertThat(LayoutProblems.ofReading(chromium)).anyMatch(p -> p.startsWith("after the link 'One' its heading is under the sticky header"))
                    .anyMatch(p -> p.startsWith("after the link 'Two' its heading is under the sticky header"))
                    .anyMatch(p -> p.startsWith("scrolled to its end, a box in #one draws ") && p.contains("sticky cells over each other ('h', "));
            assertThat(chromium.evaluate("window.scrollY").asInt()).as("scrolled back").isZero();
            chromium.open(tidy);
            assertThat(LayoutProblems.ofReading(chromium)).isEmpty();
        }
    }

    @Test
    void aFrozenPaneIsTidyAndHeadingsLostOrSeeThroughAreFound() throws Exception {
        Optional<Path> binary = HeadlessChromium.find();
        Assumptions.assumeTrue(binary.isPresent(),
                "browser test of the layout checks skipped: Chromium not found; install Debian's chromium package (.ci/run does)");
        String cells = "<td>12345678</td>".repeat(30);
        String rows = ("<tr><th>row heading</th>" + cells + "</tr>").repeat(40);
        String page = """
                <!DOCTYPE html><html><head><style>
                .scroll{max-height:200px;max-width:400px;overflow:auto} table{border-collapse:separate;border-spacing:0}
                th{background:%s} thead th{position:sticky;top:0;z-index:2} tbody th{position:%s;left:0;z-index:1}
                thead th:first-child{left:0;z-index:3}
                </style></head><body><section id="m"><div class="scroll"><table><thead><tr><th>corner</th>%s</tr></thead>
                <tbody>%s</tbody></table></div></section></body></html>
                """;
        String headings = "<th>column</th>".repeat(30);
        Path frozen = dir.resolve("frozen.html");
        Files.writeString(frozen, page.formatted("#eee", "sticky", headings, rows));
        Path lost = dir.resolve("lost.html");
        Files.writeString(lost, page.formatted("#eee", "static", headings, rows));
        Path seeThrough = dir.resolve("see-through.html");
        Files.writeString(seeThrough, page.formatted("transparent", "sticky", headings, rows));
        try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
            chromium.open(frozen);
            assertThat(LayoutProblems.ofReading(chromium)).isEmpty();
            chromium.open(lost);
            assertThat(LayoutProblems.ofReading(chromium)).containsExactly("scrolled sideways, a table in #m loses its row headings from view");
            chromium.open(seeThrough);
            assertThat(LayoutProblems.ofReading(chromium)).anyMatch(p -> p.startsWith("scrolled to its end, a box in #m draws "));
        }
    }
}
