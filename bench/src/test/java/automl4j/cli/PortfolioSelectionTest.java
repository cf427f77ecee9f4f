package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortfolioSelectionTest {
    @Test
    void greedySelectionCoversTheDatasetsThatNoSingleCandidateDoes() {
        double nan = Double.NaN;
        // Candidate 0 is decent everywhere; 1 is best on datasets 0-1 only, 2 best on dataset 2 only; 3 is never best.
        double[][] losses = {
                {0.30, 0.10, 0.50, 0.40},
                {0.30, 0.10, 0.50, 0.40},
                {0.30, 0.50, 0.10, 0.40},
        };
        assertThat(PortfolioSelection.select(losses, 4)).containsExactly(1, 2);
        assertThat(PortfolioSelection.select(losses, 1)).containsExactly(1);
        double[][] withGaps = {{0.2, nan}, {nan, 0.3}};
        assertThat(PortfolioSelection.normalized(withGaps)[0]).containsExactly(1.0, 0.0);
        assertThat(PortfolioSelection.select(withGaps, 5)).containsExactly(0, 1);
    }
}
