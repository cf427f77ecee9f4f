package automl4j.forecast.arima;

import org.junit.jupiter.api.Test;

/** Automatic order selection against R's auto.arima on the fixture series of period 1 and 4. */
class AutoArimaTest {
    @Test
    void automaticChoiceAgreesWithRMostly() {
        AutoArimaAgreement.check(f -> f.m < 12, "automatic, yearly/quarterly/other");
    }
}
