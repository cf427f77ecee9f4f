package automl4j.forecast.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The KPSS and seasonal-strength decisions agree with R's ndiffs and nsdiffs on the fixture series. */
class DifferencingOrderTest {
    @Test
    void decisionsAgreeWithR() {
        Path pack = PackData.folder();
        assumeTrue(pack != null, "forecasting pack absent");
        Map<String, Map<String, PackData.Series>> data = new HashMap<>();
        List<RFixture> fixtures = RFixture.all();
        int nd = 0;
        int nsd = 0;
        int seasonal = 0;
        int ndsd = 0;
        double worstKpss = 0;
        double worstStrength = 0;
        for (RFixture f : fixtures) {
            double[] x = data.computeIfAbsent(f.collection, c -> PackData.read(pack, c)).get(f.id).train;
            worstKpss = Math.max(worstKpss, Math.abs(DifferencingOrder.kpss(x) - f.kpss) / f.kpss);
            nd += DifferencingOrder.ndiffs(x, 2) == f.ndiffs ? 1 : 0;
            if (f.m > 1) {
                seasonal++;
                double s = DifferencingOrder.seasonalStrength(x, f.m);
                worstStrength = Math.max(worstStrength, Math.abs(s - f.strength));
                int d = DifferencingOrder.nsdiffs(x, f.m);
                nsd += d == f.nsdiffs ? 1 : 0;
                double[] xs = d == 0 ? x : Polynomials.apply(x, Polynomials.differencing(0, 1, f.m));
                ndsd += DifferencingOrder.ndiffs(xs, 2) == f.ndiffsAfterSeasonal ? 1 : 0;
            } else {
                ndsd += DifferencingOrder.ndiffs(x, 2) == f.ndiffsAfterSeasonal ? 1 : 0;
            }
        }
        System.out.printf("ndiffs agree %d/%d, nsdiffs %d/%d, d after D %d/%d; worst KPSS relative error %.1e, "
            + "worst strength error %.1e%n", nd, fixtures.size(), nsd, seasonal, ndsd, fixtures.size(), worstKpss,
            worstStrength);
        assertTrue(worstKpss < 1e-8, "KPSS statistic as urca computes it");
        assertEquals(fixtures.size(), nd, "ndiffs");
        assertTrue(worstStrength < 1e-6, "STL seasonal strength as R's mstl gives it");
        assertEquals(seasonal, nsd, "nsdiffs");
        assertEquals(fixtures.size(), ndsd, "ndiffs after seasonal differencing");
    }

    @Test
    void constantAndShortSeriesAreNotDifferenced() {
        double[] c = new double[30];
        java.util.Arrays.fill(c, 5);
        assertEquals(0, DifferencingOrder.ndiffs(c, 2));
        assertEquals(0, DifferencingOrder.nsdiffs(c, 12));
        assertEquals(0, DifferencingOrder.nsdiffs(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4));
    }
}
