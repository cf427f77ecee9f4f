package automl4j.forecast.ets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of {@code r-ets-fixtures.csv}, written by {@code src/test/r/ets-fixtures.R}: what R's ets() chose. */
final class RFixture {
    final String collection;
    final String seriesId;
    final int m;
    final int n;
    final int h;
    final String form;
    final double alpha;
    final double beta;
    final double gamma;
    final double phi;
    final double[] initstate;
    final double loglik;
    final double aicc;
    final double sigma2;
    final double[] forecast;

    private RFixture(Map<String, String> r) {
        collection = r.get("collection");
        seriesId = r.get("series_id");
        m = Integer.parseInt(r.get("m"));
        n = Integer.parseInt(r.get("n"));
        h = Integer.parseInt(r.get("h"));
        form = r.get("form");
        alpha = number(r.get("alpha"));
        beta = number(r.get("beta"));
        gamma = number(r.get("gamma"));
        phi = number(r.get("phi"));
        initstate = vector(r.get("initstate"));
        loglik = number(r.get("loglik"));
        aicc = number(r.get("aicc"));
        sigma2 = number(r.get("sigma2"));
        forecast = vector(r.get("forecast"));
    }

    /** R's model as the parameters {@link EtsForecaster#restore} takes. */
    Map<String, Object> parameters() {
        EtsForm f = EtsForm.parse(form);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("form", form);
        p.put("alpha", alpha);
        if (f.hasTrend()) {
            p.put("beta", beta);
        }
        if (f.hasSeason()) {
            p.put("gamma", gamma);
        }
        if (f.damped()) {
            p.put("phi", phi);
        }
        p.put("level", initstate[0]);
        int next = 1;
        if (f.hasTrend()) {
            p.put("slope", initstate[next++]);
        }
        if (f.hasSeason()) {
            p.put("seasons", Arrays.copyOfRange(initstate, next, initstate.length));
        }
        return p;
    }

    static List<RFixture> load() {
        InputStream in = RFixture.class.getResourceAsStream("r-ets-fixtures.csv");
        if (in == null) {
            throw new IllegalStateException("r-ets-fixtures.csv missing from the test resources");
        }
        List<RFixture> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i].trim());
                }
                out.add(new RFixture(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double number(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    private static double[] vector(String s) {
        return Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }
}
