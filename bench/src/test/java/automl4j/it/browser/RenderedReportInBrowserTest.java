package automl4j.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.it.browser.SampleReports.Kind;
import automl4j.report.HtmlReport;
import automl4j.report.ReportData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer alone in a real headless Chromium: {@link HtmlReport#render} of {@link SampleReports} passes
 * {@link ReportPageChecks}; typical binary, multiclass and regression runs and the crowded ones also have no fault of
 * {@link LayoutProblems#of} or {@link LayoutProblems#ofReading}.
 * Skipped when no Chromium is installed ({@code .ci/run} installs Debian's package).
 *
 * <p>Run alone: {@code mvn -o -B -q test -pl bench -am -Dtest=RenderedReportInBrowserTest -Dsurefire.failIfNoSpecifiedTests=false};
 * the screenshots are {@code bench/target/report-screenshots/rendered-*.png}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RenderedReportInBrowserTest {
    private static final SharedChromium BROWSER = new SharedChromium();
    private HeadlessChromium chromium;

    @TempDir
    Path dir;

    /** One browser for the class, started by the first test; each test skips itself (with why) when there is none. */
    @BeforeEach
    void startChromium() throws Exception {
        chromium = BROWSER.get("browser test of the report");
    }

    @AfterAll
    static void closeChromium() {
        BROWSER.close();
    }

    @Test
    void binaryReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        assertThat(check("rendered-binary", SampleReports.typical(Kind.BINARY))).isEmpty();
    }

    @Test
    void multiclassReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        assertThat(check("rendered-multiclass", SampleReports.typical(Kind.MULTICLASS))).isEmpty();
    }

    @Test
    void regressionReportLoadsCleanlyDrawsEveryChartAndSorts() throws Exception {
        assertThat(check("rendered-regression", SampleReports.typical(Kind.REGRESSION))).isEmpty();
    }

    @Test
    void crowdedReportsLoadCleanlyDrawEveryChartAndSort() throws Exception {
        check("rendered-crowded-multiclass", SampleReports.crowded(Kind.MULTICLASS));
        check("rendered-crowded-regression", SampleReports.crowded(Kind.REGRESSION));
    }

    /**
     * The layout faults the browser check of issue 17 found in the renderer, fixed: every section's heading is below
     * the sticky header after its navigation link is followed ({@code scroll-margin-top} from the header's measured
     * height); a scrolled confusion matrix of many classes keeps its column headings at the top and its row headings at
     * the left, the corner over both, none piled; a y axis reserves room for its widest tick label (six digits, or
     * e-notation from a million), so no label runs into the axis title.
     */
    @Test
    void reportsHaveNoLayoutFaultsWhileRead() throws Exception {
        List<String> faults = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            faults.addAll(check("rendered-" + kind.name().toLowerCase(Locale.ROOT), SampleReports.typical(kind)));
            faults.addAll(LayoutProblems.ofReading(chromium));
        }
        for (Kind kind : List.of(Kind.MULTICLASS, Kind.REGRESSION)) {
            faults.addAll(check("rendered-crowded-" + kind.name().toLowerCase(Locale.ROOT), SampleReports.crowded(kind)));
            faults.addAll(LayoutProblems.ofReading(chromium));
        }
        assertThat(faults).isEmpty();
    }

    /** Writes the page, runs {@link ReportPageChecks} on it and returns its chart layout faults. */
    private List<String> check(String name, ReportData data) throws Exception {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, HtmlReport.render(data));
        return ReportPageChecks.check(chromium, page, name);
    }
}
