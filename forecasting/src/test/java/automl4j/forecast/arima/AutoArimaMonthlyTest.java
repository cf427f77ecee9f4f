package automl4j.forecast.arima;

import org.junit.jupiter.api.Test;

/** Automatic order selection against R's auto.arima on the monthly fixture series (the slow ones, in a class apart). */
class AutoArimaMonthlyTest {
    @Test
    void automaticChoiceAgreesWithRMostly() {
        AutoArimaAgreement.check(f -> f.m == 12, "automatic, monthly");
    }
}
