package automl4j.forecast.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of {@code arima-fixtures.csv}, what R's forecast 8.20 decided on a series (see arima-fixtures.R). */
final class RFixture {
    final String collection;
    final String id;
    final int m;
    final int h;
    final int ndiffs;
    final int nsdiffs;
    final double strength;
    final double kpss;
    final int ndiffsAfterSeasonal;
    final ArimaOrder order;
    final Map<String, Double> coef;
    final double sigma2;
    final double loglik;
    final double aicc;
    final double[] forecast;

    private RFixture(Map<String, String> r) {
        collection = r.get("collection");
        id = r.get("series_id");
        m = Integer.parseInt(r.get("m"));
        h = Integer.parseInt(r.get("h"));
        ndiffs = Integer.parseInt(r.get("ndiffs"));
        nsdiffs = "NA".equals(r.get("nsdiffs")) ? -1 : Integer.parseInt(r.get("nsdiffs"));
        strength = "NA".equals(r.get("strength")) ? Double.NaN : Double.parseDouble(r.get("strength"));
        kpss = Double.parseDouble(r.get("kpss"));
        ndiffsAfterSeasonal = Integer.parseInt(r.get("ndiffs_sd"));
        order = new ArimaOrder(num(r, "p"), num(r, "d"), num(r, "q"), num(r, "P"), num(r, "D"), num(r, "Q"), m,
            num(r, "constant") == 1);
        coef = new LinkedHashMap<>();
        if (!r.get("coef").isEmpty()) {
            for (String kv : r.get("coef").split(";")) {
                String[] p = kv.split("=");
                coef.put(p[0].trim(), Double.parseDouble(p[1].trim()));
            }
        }
        sigma2 = Double.parseDouble(r.get("sigma2"));
        loglik = Double.parseDouble(r.get("loglik"));
        aicc = "NA".equals(r.get("aicc")) ? Double.NaN : Double.parseDouble(r.get("aicc"));
        String[] f = r.get("forecast").split(";");
        forecast = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            forecast[i] = Double.parseDouble(f[i].trim());
        }
    }

    private static int num(Map<String, String> r, String k) {
        return Integer.parseInt(r.get(k));
    }

    /** @return R's model: the order with its coefficients in R's names */
    ArimaModel model() {
        return new ArimaModel(order, coefs("ar", order.p()), coefs("ma", order.q()), coefs("sar", order.seasonalP()),
            coefs("sma", order.seasonalQ()), coef.getOrDefault("intercept", coef.getOrDefault("drift", 0.0)));
    }

    private double[] coefs(String prefix, int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = coef.get(prefix + (i + 1));
        }
        return c;
    }

    /** @return every row of the fixture */
    static List<RFixture> all() {
        List<RFixture> out = new ArrayList<>();
        try (InputStream s = RFixture.class.getResourceAsStream("arima-fixtures.csv");
             BufferedReader in = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
            String[] header = unquote(in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = unquote(line);
                Map<String, String> r = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    r.put(header[i], f[i]);
                }
                out.add(new RFixture(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String[] unquote(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].replace("\"", "").trim();
        }
        return f;
    }

    @Override
    public String toString() {
        return collection + "/" + id;
    }
}
