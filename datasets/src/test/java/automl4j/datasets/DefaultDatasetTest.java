package automl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DefaultDatasetTest {
    @Test
    void sameSeedSameTableWithMissingValuesAndBothClasses() {
        Table a = DefaultDataset.generate(500, 3);
        Table b = DefaultDataset.generate(500, 3);
        assertThat(a.printAll()).isEqualTo(b.printAll());
        assertThat(a.column("monthly_fee").countMissing()).isPositive();
        assertThat(a.column("plan").countMissing()).isPositive();
        assertThat(a.stringColumn(DefaultDataset.TARGET).countUnique()).isEqualTo(2);
        assertThat(DefaultDataset.generate(500, 4).printAll()).isNotEqualTo(a.printAll());
    }
}
