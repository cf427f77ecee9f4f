package automl4j.report.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"q\"\u0001";

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyChartIsWellFormedSvgAndEscapesNamesFromTheData() throws Exception {
        List<XyChart.Point> pts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            pts.add(new XyChart.Point(i * 0.37, Math.sin(i), HOSTILE + i));
        }
        List<String> charts = List.of(
                new XyChart(HOSTILE).labels(HOSTILE, HOSTILE).points(HOSTILE, pts).line("b", pts).steps("c", pts).diagonal().svg(),
                new XyChart("log").log(true, false).points("a", pts).svg(),
                new BarChart(HOSTILE, HOSTILE).bar(HOSTILE, 0.3, 0.1, 0.5, HOSTILE, HOSTILE).bar("neg", -0.2, Double.NaN, Double.NaN, null).svg(),
                new XyChart(HOSTILE).categories(List.of(HOSTILE, "b", HOSTILE + HOSTILE)).level(0).points(HOSTILE,
                        List.of(new XyChart.Point(0, 1, null), new XyChart.Point(1, -1, null), new XyChart.Point(2, 0.5, HOSTILE))).svg(),
                new Histogram(HOSTILE, HOSTILE, new double[] {1, 2, 2, 3, Double.NaN, 7}, 5).svg(),
                new Beeswarm(HOSTILE, HOSTILE).lane(HOSTILE, new double[] {0.1, -0.2, 0.1, 0.1}, new double[] {1, 2, Double.NaN, 4}).svg());
        for (String svg : charts) {
            Document d = parse(svg);
            assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg).doesNotContain("<script>").doesNotContain("\u0001");
            assertThat(d.getElementsByTagNameNS("*", "script").getLength()).isZero();
        }
        assertThat(charts.get(0)).contains("&lt;script&gt;");
    }

    @Test
    void longLabelsAreCutInTheMiddleAndWholeOnHover() throws Exception {
        assertThat(Svg.shorten("column_with_a_long_descriptive_name_12", 16)).isEqualTo("column_w…name_12");
        assertThat(Svg.shorten("short", 16)).isEqualTo("short");
        String svg = new BarChart("t", "x").bar("column_with_a_long_descriptive_name_12", 1, Double.NaN, Double.NaN, null).svg();
        parse(svg);
        assertThat(svg).contains(">column_with_…ive_name_12<title>column_with_a_long_descriptive_name_12</title></text>");
        // categories too long for their slots are slanted
        List<String> six = List.of("long category 0", "long category 1", "long category 2", "long category 3", "long category 4",
                "long category 5");
        String slanted = new XyChart("c").categories(six).points("m", List.of(new XyChart.Point(0, 1, null), new XyChart.Point(5, 2, null))).svg();
        assertThat(slanted).contains("rotate(-35").contains(">long category 5</text>");
        String upright = new XyChart("c").categories(List.of("yes", "no")).points("m", List.of(new XyChart.Point(0, 1, null))).svg();
        assertThat(upright).doesNotContain("rotate(-35").contains(">yes</text>").contains(">no</text>");
    }

    @Test
    void manyDotsShareOneGroup() throws Exception {
        List<XyChart.Point> pts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            pts.add(new XyChart.Point(i, Math.sin(i), null));
        }
        String svg = new XyChart("many").points("rows", pts).svg();
        parse(svg);
        assertThat(svg).contains("<g fill-opacity=\"0.25\" fill=\"#0072B2\">").contains("<circle cx=\"72\" cy=\"");   // the range starts 8 px inside the frame
        assertThat(svg.length()).isLessThan(3000 * 40);
    }

    @Test
    void aChartWithoutDataSaysSo() throws Exception {
        String svg = new XyChart("empty").points("a", List.of(new XyChart.Point(Double.NaN, 1, null))).svg();
        parse(svg);
        assertThat(svg).contains("no data");
        assertThat(new Histogram("h", "x", new double[0], 10).svg()).contains("no data");
    }

    @Test
    void ticksAreRoundAndInsideTheRange() {
        qt().withExamples(500).forAll(doubles().between(-1e6, 1e6), doubles().between(1e-6, 1e6)).checkAssert((min, span) -> {
            double max = min + span;
            double[] t = Ticks.inside(min, max, 6);
            assertThat(t.length).isBetween(2, 14);
            double step = t[1] - t[0];
            assertThat(t[0]).isGreaterThanOrEqualTo(min - step * 1e-6);
            assertThat(t[t.length - 1]).isLessThanOrEqualTo(max + step * 1e-6);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(Math.min(Math.min(Math.abs(mantissa - 1), Math.abs(mantissa - 2)), Math.min(Math.abs(mantissa - 5), Math.abs(mantissa - 10))))
                    .isLessThan(1e-3);   // spacing of values near 1e6 by steps near 1e-7 carries float error
        });
        assertThat(Ticks.inside(0.712, 0.897, 5)).containsExactly(0.75, 0.8, 0.85);
        assertThat(Ticks.log(0.012, 87)).containsExactly(0.1, 1, 10);
        assertThat(Ticks.log(0.3, 5)).containsExactly(0.5, 1, 2, 5);
    }

    @Test
    void anAxisLabelsItsTicksInOneFormat() {
        assertThat(Ticks.labels(new double[] {0, 0.25, 0.5}, false)).containsExactly("0", "0.25", "0.50");
        assertThat(Ticks.labels(new double[] {0, 500, 1000}, false)).containsExactly("0", "500", "1000");
        // a million or more: every label in e-notation, with the digits that tell them apart
        assertThat(Ticks.labels(new double[] {500_000, 1_000_000, 1_500_000}, false)).containsExactly("5.0e5", "1.0e6", "1.5e6");
        assertThat(Ticks.labels(new double[] {-500_000, 0, 500_000, 1_000_000}, false)).containsExactly("-5e5", "0", "5e5", "1e6");
        assertThat(Ticks.labels(new double[] {2e-5, 4e-5, 6e-5}, false)).containsExactly("2e-5", "4e-5", "6e-5");
        assertThat(Ticks.labels(new double[] {1e-5, 1e-3, 0.1}, true)).containsExactly("1e-5", "1e-3", "1e-1");
        assertThat(Ticks.labels(new double[] {0.01, 1, 100}, true)).containsExactly("0.01", "1", "100");
    }

    @Test
    void aLongTickLabelWidensTheLeftMarginSoThatItClearsTheAxisTitle() {
        List<XyChart.Point> pts = List.of(new XyChart.Point(0, -500_000, null), new XyChart.Point(1, 400_000, null));
        String wide = new XyChart("w").labels("x", "actual - predicted").points("a", pts).svg();
        // the frame's left line starts right of the widest label ("-500000" needs about 40 px) and the 30 px of the title
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<line x1=\"(\\d+)\" y1=\"30\" x2=\"\\1\" y2=\"294\" stroke=\"#444444\"")
                .matcher(wide);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(70);
        String narrow = new XyChart("n").labels("x", "y").points("a", List.of(new XyChart.Point(0, 0, null), new XyChart.Point(1, 1, null))).svg();
        assertThat(narrow).contains("<line x1=\"64\" y1=\"30\" x2=\"64\" y2=\"294\" stroke=\"#444444\"");
    }

    @Test
    void marksAtTheEndsOfTheRangeStayInsideTheFrame() {
        String roc = new XyChart("roc").range(0.0, 1.0, 0.0, 1.0)
                .line("c", List.of(new XyChart.Point(0, 0, null), new XyChart.Point(0, 1, null), new XyChart.Point(1, 1, null))).svg();
        // x from 64 to 540 and y from 294 up to 30, the range 8 px inside each end
        assertThat(roc).contains("points=\"72,286 72,38 532,38\"");
        assertThat(roc).contains(">0</text>").contains(">1.0</text>");
    }

    @Test
    void categoriesAreMarkedByStrokesThatNoLineJoins() throws Exception {
        List<XyChart.Point> mean = List.of(new XyChart.Point(0, 0.2, "a: 0.2"), new XyChart.Point(1, 0.5, "b: 0.5"));
        String svg = new XyChart("pd").categories(List.of("a", "b")).faintTicks(List.of(new XyChart.Point(0, 0.1, null),
                new XyChart.Point(1, 0.6, null))).ticks("mean", mean).svg();
        parse(svg);
        assertThat(svg).doesNotContain("<polyline").contains("<path fill=\"none\" stroke=\"#bbbbbb\"").contains("<path fill=\"none\" stroke=\"#0072B2\"")
                .contains("<title>b: 0.5</title>");
    }
}
