package automl4j.datasets;

import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The embedded default dataset: a deterministic synthetic customer-churn table with a known signal, so the project runs
 * without any downloaded data. Columns: {@code customer_id} (a unique key, no signal), {@code age}, {@code tenure_months},
 * {@code monthly_fee} (5% missing), {@code support_calls}, {@code plan} (basic/plus/pro, 3% missing), {@code region}
 * (12 values, no signal), {@code noise} (no signal), and the binary target {@code churned} (yes/no).
 *
 * <p>The signal, in {@link #logOdds}: short tenure, many support calls, a high fee and the basic plan raise the
 * log-odds of churn, and age has a weak U-shaped effect; {@code customer_id}, {@code region} and {@code noise} carry
 * none. A model that finds the signal beats one that memorises the ID column.
 */
public final class DefaultDataset {
    /** Name of the target column. */
    public static final String TARGET = "churned";

    private DefaultDataset() {
    }

    /** {@code rows} rows generated from {@code seed}; the same arguments always give the same table. */
    public static Table generate(int rows, long seed) {
        if (rows < 10) {
            throw new IllegalArgumentException("rows must be >= 10, but was " + rows);
        }
        SplittableRandom r = new SplittableRandom(seed);
        StringColumn id = StringColumn.create("customer_id");
        DoubleColumn age = DoubleColumn.create("age");
        DoubleColumn tenure = DoubleColumn.create("tenure_months");
        DoubleColumn fee = DoubleColumn.create("monthly_fee");
        DoubleColumn calls = DoubleColumn.create("support_calls");
        StringColumn plan = StringColumn.create("plan");
        StringColumn region = StringColumn.create("region");
        DoubleColumn noise = DoubleColumn.create("noise");
        StringColumn churned = StringColumn.create(TARGET);
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < rows; i++) {
            double a = Math.round(18 + 60 * r.nextDouble());
            double t = Math.floor(-Math.log(1 - r.nextDouble()) * 24);
            int p = r.nextInt(3);
            double f = Math.round((20 + 25 * p + 15 * r.nextDouble()) * 100) / 100.0;
            double c = Math.floor(-Math.log(1 - r.nextDouble()) * 1.5);
            double z = logOdds(a, t, f, c, p);
            boolean churn = r.nextDouble() < 1 / (1 + Math.exp(-z));
            id.append(String.format(Locale.ROOT, "C%06d", i + 1));
            age.append(a);
            tenure.append(t);
            if (r.nextDouble() < 0.05) {
                fee.appendMissing();
            } else {
                fee.append(f);
            }
            calls.append(c);
            if (r.nextDouble() < 0.03) {
                plan.appendMissing();
            } else {
                plan.append(plans[p]);
            }
            region.append("R" + (1 + r.nextInt(12)));
            noise.append(r.nextGaussian());
            churned.append(churn ? "yes" : "no");
        }
        return Table.create("churn", id, age, tenure, fee, calls, plan, region, noise, churned);
    }

    /** The true log-odds of churn. */
    static double logOdds(double age, double tenure, double fee, double calls, int plan) {
        return -0.5 - 0.05 * tenure + 0.6 * calls + 0.04 * (fee - 45) - (plan == 0 ? 0 : 0.8)
                + 0.0015 * (age - 45) * (age - 45) - 0.3;
    }
}
