package automl4j.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Automatic order selection against R's auto.arima on the monthly fixture series (the slow ones, in a class apart). */
class AutoArimaMonthlyTest {
    @Test
    void automaticChoiceAgreesWithRMostly() {
        AutoArimaAgreement.Agreement a = AutoArimaAgreement.check(f -> f.m == 12, "automatic, monthly");
        assertThat(a.sameOrder()).as("most orders match R's").isGreaterThanOrEqualTo((int) Math.ceil(a.series() * 0.8));
        assertThat(a.sameForecasts()).as("the same order gives the same forecasts")
                .isGreaterThanOrEqualTo((int) Math.ceil(a.sameOrder() * 0.9));
        assertThat(a.notWorse()).as("where the order differs, ours is mostly as good by AICc")
                .isGreaterThanOrEqualTo((int) Math.ceil(a.series() * 0.9));
    }
}
