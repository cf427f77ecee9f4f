package automl4j.forecast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import automl4j.forecast.interval.PredictionInterval;
import automl4j.forecast.model.Forecaster;
import automl4j.forecast.series.SeriesHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class ForecastSearchTest {
    private static List<SeriesHistory> randomWalks(int count, int length, long seed) {
        Random r = new Random(seed);
        List<SeriesHistory> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] y = new double[length];
            y[0] = 100;
            for (int t = 1; t < length; t++) {
                y[t] = y[t - 1] + r.nextGaussian() * 5;
            }
            out.add(new SeriesHistory("walk" + s, y));
        }
        return out;
    }

    private static List<SeriesHistory> noiseAroundLevels(int count, int length, long seed) {
        Random r = new Random(seed);
        List<SeriesHistory> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double level = 50 + 10 * s;
            double[] y = new double[length];
            for (int t = 0; t < length; t++) {
                y[t] = level + r.nextGaussian() * 3;
            }
            out.add(new SeriesHistory("noise" + s, y));
        }
        return out;
    }

    @Test
    void theBacktestsChooseTheModelThatFitsTheData() {
        ForecastSearch search = ForecastSearch.builder(6, 1).candidates(ToyForecasters.list(ToyForecasters.mean(),
                ToyForecasters.last())).threads(2).build();
        ForecastOutcome walks = search.run(randomWalks(40, 60, 1));
        assertThat(walks.leaderboard().get(0).id()).isEqualTo("last");
        assertThat(walks.weights().getOrDefault("last", 0.0)).isGreaterThan(0.7);
        ForecastOutcome noise = search.run(noiseAroundLevels(40, 60, 2));
        assertThat(noise.leaderboard().get(0).id()).isEqualTo("mean");
        assertThat(noise.weights().getOrDefault("mean", 0.0)).isGreaterThan(0.7);
        assertThat(noise.forecasts()).hasSize(40);
        assertThat(noise.forecasts().get(3).point()[0]).isCloseTo(80, within(3.0));
    }

    @Test
    void nothingIsFittedOnValuesAfterAWindowsOrigin() {
        ConcurrentLinkedQueue<Integer> lengths = new ConcurrentLinkedQueue<>();
        ForecastSearch search = ForecastSearch.builder(6, 1).candidates(List.of(ToyForecasters.recording("spy", lengths)))
                .origins(3).step(2).threads(2).build();
        search.run(List.of(new SeriesHistory("a", new double[40])));
        // windows end 6, 8 and 10 values before the end; the final fit sees all 40
        assertThat(lengths).containsExactlyInAnyOrder(34, 32, 30, 40);
    }

    @Test
    void aShortSeriesGetsFewerWindowsAndOneTooShortForAnyStillGetsAForecast() {
        ForecastSearch search = ForecastSearch.builder(6, 1).candidates(List.of(ToyForecasters.last())).origins(3).step(2)
                .build();
        List<SeriesHistory> series = List.of(new SeriesHistory("long", new double[40]), new SeriesHistory("short",
                new double[12]), new SeriesHistory("tiny", new double[]{1, 2, 3}));
        ForecastOutcome out = search.run(series);
        // long: 3 windows; short: origins 6 and 4 (2 is under the minimum of 4); tiny: none
        assertThat(out.leaderboard().get(0).windows()).isEqualTo(5);
        assertThat(out.seriesWithoutWindows()).isEqualTo(1);
        assertThat(out.forecasts().get(2).point()).containsOnly(3.0);
    }

    @Test
    void aFailingCandidateIsScoredWithTheStandInAndNamedOnItsRow() {
        ForecastSearch search = ForecastSearch.builder(4, 1).candidates(ToyForecasters.list(ToyForecasters.failing("broken"),
                ToyForecasters.last())).build();
        ForecastOutcome out = search.run(randomWalks(12, 30, 3));
        CandidateScore broken = out.leaderboard().stream().filter(r -> r.id().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.fallbacks()).isEqualTo(broken.windows()).isEqualTo(36);
        assertThat(broken.firstFailure()).contains("series 'walk").contains("cannot fit");
        // the stand-in equals 'last' for m = 1, so either may carry the weight; every series still gets a forecast
        assertThat(out.forecasts()).allSatisfy(f -> assertThat(f.point()).hasSize(4));
    }

    @Test
    void aMemberThatFailsOnTheWholeHistoryIsLeftOutAndSaidSo() {
        Forecaster fitsOnlyShort = ToyForecasters.of("short-only", 1, (h, n) -> {
            if (h.length >= 30) {
                throw new IllegalStateException("too long");
            }
            return ToyForecasters.filled(n, h[h.length - 1]);
        });
        ForecastSearch search = ForecastSearch.builder(4, 1).candidates(List.of(fitsOnlyShort)).build();
        SeriesForecast f = search.run(randomWalks(10, 30, 4)).forecasts().get(0);
        assertThat(f.status()).startsWith("fallback-snaive: short-only failed: too long");
        assertThat(f.members()).containsOnlyKeys("snaive");
    }

    @Test
    void aCandidateThatRunsPastTheBudgetIsLeftOutAndLaterOnesSkipped() {
        Forecaster slow = ToyForecasters.of("slow", 1, (h, n) -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ToyForecasters.filled(n, h[h.length - 1]);
        });
        ForecastSearch search = ForecastSearch.builder(4, 1).candidates(List.of(ToyForecasters.mean(), slow,
                ToyForecasters.last())).budget(Duration.ofMillis(300)).threads(1).build();
        ForecastOutcome out = search.run(randomWalks(30, 30, 5));
        assertThat(out.leaderboard()).extracting(CandidateScore::id, CandidateScore::status).contains(
                org.assertj.core.groups.Tuple.tuple("mean", "ok"), org.assertj.core.groups.Tuple.tuple("slow", "stopped: budget"),
                org.assertj.core.groups.Tuple.tuple("last", "skipped: budget"));
        assertThat(out.weights()).containsOnlyKeys("mean");
    }

    @Test
    void conformalIntervalsCoverFreshValuesAtAboutTheirLevel() {
        // 300 series of noise: the ensemble is the mean; the next 6 values are drawn from the same process
        List<SeriesHistory> series = noiseAroundLevels(300, 48, 6);
        ForecastOutcome out = ForecastSearch.builder(6, 1).candidates(List.of(ToyForecasters.mean())).build().run(series);
        Random r = new Random(7);
        int[] inside = new int[2];
        int total = 0;
        for (int s = 0; s < series.size(); s++) {
            SeriesForecast f = out.forecasts().get(s);
            double level = 50 + 10 * s;
            for (int j = 0; j < 6; j++) {
                double actual = level + r.nextGaussian() * 3;
                total++;
                for (int i = 0; i < 2; i++) {
                    PredictionInterval p = f.intervals().get(i);
                    if (actual >= p.lower()[j] && actual <= p.upper()[j]) {
                        inside[i]++;
                    }
                }
            }
        }
        assertThat(f(out, 0).level()).isEqualTo(0.8);
        assertThat(inside[0] / (double) total).isCloseTo(0.8, within(0.04));
        assertThat(inside[1] / (double) total).isCloseTo(0.95, within(0.03));
    }

    private static PredictionInterval f(ForecastOutcome out, int i) {
        return out.forecasts().get(0).intervals().get(i);
    }

    @Test
    void forecastsOfNonNegativeSeriesAreClippedAtZero() {
        ForecastSearch search = ForecastSearch.builder(3, 1).candidates(List.of(ToyForecasters.constant("below", -5))).build();
        SeriesForecast f = search.run(List.of(new SeriesHistory("a", new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))).forecasts().get(0);
        assertThat(f.point()).containsOnly(0.0);
        SeriesForecast unclipped = ForecastSearch.builder(3, 1).candidates(List.of(ToyForecasters.constant("below", -5)))
                .clipAtZero(false).build().run(List.of(new SeriesHistory("a", new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})))
                .forecasts().get(0);
        assertThat(unclipped.point()).containsOnly(-5.0);
    }

    @Test
    void perSeriesScopeFitsEachSeriesOwnModel() {
        List<SeriesHistory> mixed = new ArrayList<>(randomWalks(10, 80, 8));
        mixed.addAll(noiseAroundLevels(10, 80, 9));
        ForecastOutcome out = ForecastSearch.builder(6, 1).candidates(ToyForecasters.list(ToyForecasters.mean(),
                ToyForecasters.last())).ensemble(EnsembleScope.SERIES).origins(8).build().run(mixed);
        long walksOnLast = out.forecasts().subList(0, 10).stream().filter(f -> f.members().getOrDefault("last", 0.0) > 0.5).count();
        long noiseOnMean = out.forecasts().subList(10, 20).stream().filter(f -> f.members().getOrDefault("mean", 0.0) > 0.5).count();
        assertThat(walksOnLast).isGreaterThanOrEqualTo(7);
        assertThat(noiseOnMean).isGreaterThanOrEqualTo(7);
    }

    @Test
    void badInputIsRefused() {
        ForecastSearch search = ForecastSearch.builder(3, 1).candidates(List.of(ToyForecasters.last())).build();
        assertThatThrownBy(() -> search.run(List.of())).hasMessageContaining("no series");
        assertThatThrownBy(() -> search.run(List.of(new SeriesHistory("a", new double[]{1}), new SeriesHistory("a",
                new double[]{2})))).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> new SeriesHistory("b", new double[]{1, Double.NaN})).hasMessageContaining("value 2 is NaN");
        assertThatThrownBy(() -> ForecastSearch.builder(0, 1)).hasMessageContaining("horizon");
    }
}
