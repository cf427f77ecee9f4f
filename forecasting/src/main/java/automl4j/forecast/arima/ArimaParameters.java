package automl4j.forecast.arima;

import automl4j.forecast.model.ForecastException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON-able form of an {@link ArimaModel}, as {@link FittedArima#parameters()} writes it and {@link
 * ArimaForecaster#restore} reads it back: {@code model = "arima"}, the orders {@code p d q P D Q period}, {@code
 * constant}, the coefficient arrays {@code ar ma sar sma}, {@code mean} or {@code drift}, and {@code sigma2}.
 */
final class ArimaParameters {
    private ArimaParameters() {
    }

    static Map<String, Object> write(ArimaModel model, double sigma2) {
        ArimaOrder o = model.order();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "arima");
        m.put("p", o.p());
        m.put("d", o.d());
        m.put("q", o.q());
        m.put("P", o.seasonalP());
        m.put("D", o.seasonalD());
        m.put("Q", o.seasonalQ());
        m.put("period", o.period());
        m.put("constant", o.constant());
        m.put("ar", model.ar());
        m.put("ma", model.ma());
        m.put("sar", model.sar());
        m.put("sma", model.sma());
        if (o.constant()) {
            m.put(o.d() + o.seasonalD() == 0 ? "mean" : "drift", model.constant());
        }
        m.put("sigma2", sigma2);
        return m;
    }

    static ArimaModel read(Map<String, Object> m, int period) {
        if (!"arima".equals(m.get("model"))) {
            throw new ForecastException("not the parameters of an ARIMA model: " + m.get("model"));
        }
        int saved = integer(m, "period");
        if (saved != period) {
            throw new ForecastException("the model was fitted with period " + saved + ", not " + period);
        }
        boolean constant = Boolean.TRUE.equals(m.get("constant"));
        ArimaOrder o = new ArimaOrder(integer(m, "p"), integer(m, "d"), integer(m, "q"), integer(m, "P"),
            integer(m, "D"), integer(m, "Q"), period, constant);
        double c = 0;
        if (constant) {
            c = number(m, o.d() + o.seasonalD() == 0 ? "mean" : "drift");
        }
        return new ArimaModel(o, array(m, "ar"), array(m, "ma"), array(m, "sar"), array(m, "sma"), c);
    }

    private static int integer(Map<String, Object> m, String key) {
        double v = number(m, key);
        if (v != Math.rint(v)) {
            throw new ForecastException("ARIMA parameter " + key + " must be a whole number");
        }
        return (int) v;
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new ForecastException("ARIMA parameter " + key + " is missing or not a number");
        }
        return ((Number) v).doubleValue();
    }

    private static double[] array(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof double[]) {
            return ((double[]) v).clone();
        }
        if (v instanceof java.util.List) {
            java.util.List<?> l = (java.util.List<?>) v;
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(l.get(i) instanceof Number)) {
                    throw new ForecastException("ARIMA parameter " + key + " must hold numbers");
                }
                a[i] = ((Number) l.get(i)).doubleValue();
            }
            return a;
        }
        throw new ForecastException("ARIMA parameter " + key + " is missing or not an array");
    }
}
