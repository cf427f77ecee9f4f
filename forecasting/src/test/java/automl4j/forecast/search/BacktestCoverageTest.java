package automl4j.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import automl4j.forecast.model.NaiveForecaster;
import automl4j.forecast.series.SeriesHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestCoverageTest {
    private static List<SeriesHistory> noise(int count, int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SeriesHistory> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                y[t] = 100 + 10 * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            }
            out.add(new SeriesHistory("s" + s, y));
        }
        return out;
    }

    @Test
    void crossFittedCoverageOfExchangeableErrorsIsCloseToNominal() {
        ForecastOutcome o = ForecastSearch.builder(6, 1).candidates(List.of(new NaiveForecaster())).origins(3).threads(1)
                .build().run(noise(60, 40, 5));
        assertThat(o.backtestCoverage()).containsOnlyKeys(0.8, 0.95);
        assertThat(o.backtestCoverage().get(0.8)).isCloseTo(0.8, within(0.05));
        assertThat(o.backtestCoverage().get(0.95)).isCloseTo(0.95, within(0.03));
    }

    @Test
    void aFewSeriesAreFoldedByWindowAndOneWindowGivesNoEstimate() {
        ForecastOutcome few = ForecastSearch.builder(4, 1).candidates(List.of(new NaiveForecaster())).threads(1)
                .build().run(noise(2, 80, 6));
        assertThat(few.backtestCoverage().get(0.8)).isBetween(0.5, 1.0);
        ForecastOutcome one = ForecastSearch.builder(4, 1).candidates(List.of(new NaiveForecaster())).origins(1).threads(1)
                .build().run(noise(1, 30, 7));
        assertThat(one.backtestCoverage()).isEmpty();
    }
}
