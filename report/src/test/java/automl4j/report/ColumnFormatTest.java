package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnFormatTest {
    @Test
    void aColumnIsWrittenInOneFormatChosenByItsLargestValue() {
        // the importance table of issue 17 mixed 9.101e-04 with 0.00676
        ColumnFormat small = ColumnFormat.of(0.00676, 9.101e-4, -0.0031, Double.NaN);
        assertThat(small.format(0.00676)).isEqualTo("0.006760");
        assertThat(small.format(9.101e-4)).isEqualTo("0.000910");
        assertThat(small.format(Double.NaN)).isEmpty();
        ColumnFormat scores = ColumnFormat.of(0.90337, 0.71);
        assertThat(scores.format(0.90337)).isEqualTo("0.90337");
        assertThat(scores.format(0.71)).isEqualTo("0.71000");
        ColumnFormat large = ColumnFormat.of(4.76493, 0.01284, -6.204e-4);
        assertThat(large.format(4.76493)).isEqualTo("4.7649");
        assertThat(large.format(-6.204e-4)).isEqualTo("-0.0006");
        assertThat(large.format(-1e-6)).isEqualTo("0.0000");
        assertThat(ColumnFormat.of(152_000.4, 120_000).format(152_000.4)).isEqualTo("152000");
        ColumnFormat tiny = ColumnFormat.of(1e-4, 5e-5, 0);
        assertThat(tiny.format(1e-4)).isEqualTo("1.000e-04");
        assertThat(tiny.format(5e-5)).isEqualTo("5.000e-05");
        assertThat(tiny.format(0)).isEqualTo("0");
        assertThat(ColumnFormat.of(2.5e6, 10).format(10)).isEqualTo("1.000e+01");
    }
}
