package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of a report page in a real browser, shared by the tests of the renderer alone and of a run's
 * {@code report.html}: the page loads with no failure, every chart is drawn with a size, a title and axis labels and
 * some marks, the leaderboard sorts when a heading is clicked, and a full-page screenshot is kept.
 *
 * <p>Screenshots go to {@code target/report-screenshots/NAME.png} of the module, and also to the folder named by the
 * system property {@code automl.report.screenshots} when it is set (the measured ones under
 * {@code bench/results/report/}).
 */
final class ReportPageChecks {
    /** Per chart: its label, size, texts (the first is the title) and marks drawn. */
    private static final String CHARTS = """
            Array.from(document.querySelectorAll('svg')).map(function (svg) {
              var box = svg.getBoundingClientRect();
              var texts = Array.from(svg.querySelectorAll('text')).filter(function (t) { return t.textContent.trim() !== ''; });
              return {
                label: svg.getAttribute('aria-label') || '',
                inFigure: svg.closest('figure') !== null,
                width: box.width,
                height: box.height,
                texts: texts.map(function (t) { return t.textContent.trim(); }),
                hiddenTexts: texts.filter(function (t) {
                  var b = t.getBoundingClientRect();
                  return !(b.width > 0 && b.height > 0) || getComputedStyle(t).visibility === 'hidden';
                }).map(function (t) { return t.textContent.trim(); }),
                boldTitle: texts.length > 0 && texts[0].getAttribute('font-weight') === 'bold',
                marks: svg.querySelectorAll('circle, rect, polyline, path').length
              };
            })
            """;

    /** The leaderboard's column headings. */
    private static final String HEADINGS = "Array.from(document.querySelectorAll('#leaderboard table.sortable thead th')).map(function (th) { return th.textContent; })";

    private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?[0-9.,]+(e[-+]?[0-9]+)?%?");

    private ReportPageChecks() {
    }

    /**
     * Opens {@code report} in {@code chromium}, runs every check and keeps a screenshot named {@code name}; returns the
     * layout problems found ({@link LayoutProblems}), which the caller decides about.
     */
    static List<String> check(HeadlessChromium chromium, Path report, String name) throws IOException {
        HeadlessChromium.Page page = chromium.open(report);
        // the screenshot shows the page as it opens (the leaderboard in rank order), and is kept when a check fails
        Path shots = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("report-screenshots");
        chromium.screenshot(shots.resolve(name + ".png"));
        String kept = System.getProperty("automl.report.screenshots");
        if (kept != null && !kept.isBlank()) {
            Files.createDirectories(Path.of(kept));
            Files.copy(shots.resolve(name + ".png"), Path.of(kept).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(page.failures()).as("failures while loading %s", page.url()).isEmpty();

        List<JsonNode> charts = new ArrayList<>();
        chromium.evaluate(CHARTS).forEach(charts::add);
        assertThat(charts).as("charts in %s", name).isNotEmpty();
        for (JsonNode c : charts) {
            String what = "chart '" + c.path("label").asText() + "' in " + name;
            assertThat(c.path("inFigure").asBoolean()).as("%s is in a figure", what).isTrue();
            assertThat(c.path("width").asDouble()).as("%s: width", what).isPositive();
            assertThat(c.path("height").asDouble()).as("%s: height", what).isPositive();
            List<String> texts = new ArrayList<>();
            c.path("texts").forEach(t -> texts.add(t.asText()));
            // a title, tick labels, and at least one axis label: a text that is not a number (bar charts and swarms
            // have one axis, xy charts two)
            assertThat(texts).as("%s: texts", what).hasSizeGreaterThanOrEqualTo(3);
            assertThat(texts.subList(1, texts.size())).as("%s: an axis label", what).anyMatch(t -> !NUMBER.matcher(t).matches());
            assertThat(c.path("boldTitle").asBoolean()).as("%s: the first text is its bold title", what).isTrue();
            assertThat(texts.get(0)).as("%s: title", what).isEqualTo(c.path("label").asText());
            assertThat(c.path("hiddenTexts")).as("%s: texts drawn with no size", what).isEmpty();
            assertThat(texts).as("%s: has data", what).doesNotContain("no data");
            assertThat(c.path("marks").asInt()).as("%s: marks drawn", what).isPositive();
        }

        List<String> layout = LayoutProblems.of(chromium);
        sortsTheLeaderboard(chromium, name);
        assertThat(chromium.failures()).as("failures after sorting the leaderboard of %s", name).isEmpty();
        return layout;
    }

    /**
     * Clicks (a dispatched click event) the heading {@code trial} twice, checking the rows come back sorted up and then
     * down with the same cells, then the validation score's heading once: scores up, blanks last.
     */
    private static void sortsTheLeaderboard(HeadlessChromium chromium, String name) {
        List<String> headings = new ArrayList<>();
        chromium.evaluate(HEADINGS).forEach(h -> headings.add(h.asText()));
        assertThat(headings).as("leaderboard headings of %s", name).contains("rank", "trial", "learner", "config");
        int trial = headings.indexOf("trial");
        int metric = headings.indexOf("learner") + 1;   // the validation score follows the learner

        List<String> before = column(chromium, trial);
        click(chromium, trial);
        List<String> up = column(chromium, trial);
        assertThat(up).as("trial ids after one click on 'trial' in %s", name).isSortedAccordingTo(Comparator.comparingDouble(Double::parseDouble))
                .containsExactlyInAnyOrderElementsOf(before);
        click(chromium, trial);
        List<String> down = column(chromium, trial);
        assertThat(down).as("trial ids after a second click in %s", name)
                .isSortedAccordingTo(Comparator.comparingDouble(Double::parseDouble).reversed());
        if (before.size() > 1) {   // whatever order the rows started in, the two clicks moved them
            assertThat(down).as("the second click re-sorts the rows of %s", name).isNotEqualTo(up);
        }

        click(chromium, metric);
        List<String> scores = column(chromium, metric);
        List<String> numbers = scores.stream().filter(s -> !s.isEmpty()).toList();
        assertThat(numbers).as("scores after a click on '%s' in %s", headings.get(metric), name)
                .isSortedAccordingTo(Comparator.comparingDouble(Double::parseDouble));
        assertThat(scores.subList(numbers.size(), scores.size())).as("blank scores sort last in %s", name).allMatch(String::isEmpty);
    }

    private static void click(HeadlessChromium chromium, int column) {
        chromium.evaluate("document.querySelectorAll('#leaderboard table.sortable thead th')[" + column
                + "].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))");
    }

    private static List<String> column(HeadlessChromium chromium, int column) {
        List<String> out = new ArrayList<>();
        chromium.evaluate("Array.from(document.querySelector('#leaderboard table.sortable').tBodies[0].rows).map(function (r) { return r.cells["
                + column + "].textContent; })").forEach(v -> out.add(v.asText()));
        return out;
    }
}
