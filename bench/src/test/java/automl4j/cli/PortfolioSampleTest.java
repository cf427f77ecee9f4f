package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** {@code automl portfolio --max-rows}: large datasets are sampled down, seeded, keeping the rows' order. */
class PortfolioSampleTest {
    private static Table numbered(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return Table.create("t", IntColumn.create("id", ids));
    }

    private static List<Integer> ids(Table t) {
        return new ArrayList<>(t.intColumn("id").asList());
    }

    @Test
    void aSampleHasTheAskedRowsOnceEachInTheirOriginalOrder() {
        List<Integer> ids = ids(PortfolioCommand.sample(numbered(10_000), 3_000, 5));
        assertThat(ids).hasSize(3_000).doesNotHaveDuplicates().isSorted();
        assertThat(ids.get(ids.size() - 1)).isGreaterThan(9_000);   // drawn from the whole table, not its head
    }

    @Test
    void theSameSeedDrawsTheSameRowsAndAnotherSeedOthers() {
        Table t = numbered(5_000);
        assertThat(ids(PortfolioCommand.sample(t, 500, 1))).isEqualTo(ids(PortfolioCommand.sample(t, 500, 1)))
                .isNotEqualTo(ids(PortfolioCommand.sample(t, 500, 2)));
    }
}
