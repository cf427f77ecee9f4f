package automl4j.searchloop;

import static org.assertj.core.api.Assertions.assertThat;

import automl4j.search.Observation;
import automl4j.space.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationWindowTest {
    private static Observation obs(int i) {
        double loss = i % 7 == 6 ? Double.NaN : (i * 7919L % 1009) / 1009.0;   // shuffled losses, every seventh failed
        return new Observation(Config.of("x", Map.of("i", i)), loss);
    }

    private static int index(Observation o) {
        return ((Number) o.config().values().get("i")).intValue();
    }

    @Test
    void aShortSearchIsShownWhole() {
        ObservationWindow w = new ObservationWindow(3, 5);
        List<Observation> added = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            added.add(obs(i));
            w.add(added.get(i));
        }
        assertThat(w.view()).containsExactlyElementsOf(added);
    }

    @Test
    void aLongSearchShowsTheBestOfAllAndTheLatestOthersInTrialOrder() {
        ObservationWindow w = new ObservationWindow(250, 750);
        List<Observation> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(obs(i));
            w.add(all.get(i));
        }
        List<Observation> shown = w.view();
        assertThat(shown).hasSize(1000);
        for (int k = 1; k < shown.size(); k++) {
            assertThat(index(shown.get(k))).isGreaterThan(index(shown.get(k - 1)));
        }
        List<Double> lowest = all.stream().filter(Observation::succeeded).map(Observation::loss).sorted().limit(250).toList();
        double threshold = lowest.get(249);
        assertThat(shown.stream().filter(o -> o.succeeded() && o.loss() <= threshold).count()).isGreaterThanOrEqualTo(250);
        // the latest 750 that are not among the best are all there
        assertThat(index(shown.get(shown.size() - 1))).isEqualTo(9_999);
        assertThat(shown.stream().filter(o -> index(o) >= 9_000).count()).isGreaterThanOrEqualTo(740);
    }

    @Test
    void failedTrialsAreNeverAmongTheBest() {
        ObservationWindow w = new ObservationWindow(2, 2);
        for (int i = 0; i < 10; i++) {
            w.add(new Observation(Config.of("x", Map.of("i", i)), i < 6 ? Double.NaN : 1.0 / i));
        }
        assertThat(w.view()).extracting(ObservationWindowTest::index).containsExactly(6, 7, 8, 9);
    }
}
