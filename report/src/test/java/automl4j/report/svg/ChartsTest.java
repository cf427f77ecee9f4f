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
        assertThat(svg).contains("<g fill-opacity=\"0.25\" fill=\"#0072B2\">").contains("<circle cx=\"64\" cy=\"");
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
    void ticksAreRoundAndCoverTheRange() {
        qt().withExamples(500).forAll(doubles().between(-1e6, 1e6), doubles().between(1e-6, 1e6)).checkAssert((min, span) -> {
            double max = min + span;
            double[] t = Ticks.linear(min, max, 6);
            assertThat(t[0]).isLessThanOrEqualTo(min);
            assertThat(t[t.length - 1]).isGreaterThanOrEqualTo(max);
            assertThat(t.length).isBetween(2, 14);
            double step = t[1] - t[0];
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(Math.min(Math.min(Math.abs(mantissa - 1), Math.abs(mantissa - 2)), Math.min(Math.abs(mantissa - 5), Math.abs(mantissa - 10))))
                    .isLessThan(1e-3);   // spacing of values near 1e6 by steps near 1e-7 carries float error
        });
        assertThat(Ticks.label(0.25, 0.05)).isEqualTo("0.25");
        assertThat(Ticks.label(2000, 500)).isEqualTo("2000");
        assertThat(Ticks.label(3e-7, 1e-7)).isEqualTo("3.0e-7");
    }
}
