package automl4j.ensemble;

import automl4j.pipeline.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fits a {@link Stack}'s level-2 model on members' out-of-fold predictions: non-negative member weights and a bias per
 * class, minimizing the log loss of the pooled probabilities (classification) or the squared error of the blend
 * (regression), with a small ridge penalty that keeps the weights finite when members agree. Written here rather than
 * taken from Smile or Tribuo because the model is tiny (members plus classes parameters), needs non-negative weights
 * (which their logistic regressions do not offer), and must predict exactly as {@link Stack#combine} does.
 */
final class StackFitter {
    /** Most iterations of projected gradient descent (classification) or coordinate descent sweeps (regression). */
    static final int ITERATIONS = 300;
    /** Ridge penalty on the member weights, relative to the data term. */
    static final double RIDGE = 1e-4;

    /**
     * A fitted level-2 model.
     *
     * @param stack   the stack
     * @param weights each member's share of the stack's scale, summing to one (zero for a member it does not use)
     */
    record Fit(Stack stack, double[] weights) {
    }

    private StackFitter() {
    }

    /**
     * The level-2 model of members whose flat predictions are {@code flat[m]} over rows whose labels are {@code y}
     * (class indices, or values), or empty if it gives every member a zero weight.
     *
     * @param width the prediction width: classes, or 1 for regression
     */
    static Optional<Fit> fit(double[][] flat, double[] y, int width) {
        return width == 1 ? regression(flat, y) : classification(flat, y, width);
    }

    private static Optional<Fit> regression(double[][] v, double[] y) {
        int members = v.length;
        int n = y.length;
        double yMean = mean(y);
        double[] means = new double[members];
        double[] norms = new double[members];
        double[][] c = new double[members][n];
        double largest = 0;
        for (int m = 0; m < members; m++) {
            means[m] = mean(v[m]);
            for (int i = 0; i < n; i++) {
                c[m][i] = v[m][i] - means[m];
                norms[m] += c[m][i] * c[m][i];
            }
            largest = Math.max(largest, norms[m]);
        }
        double ridge = RIDGE * Math.max(largest, 1e-300);
        double[] w = new double[members];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - yMean;
        }
        for (int sweep = 0; sweep < ITERATIONS; sweep++) {
            double change = 0;
            for (int m = 0; m < members; m++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += c[m][i] * r[i];
                }
                double next = Math.max(0, (dot + w[m] * norms[m]) / (norms[m] + ridge));
                double d = next - w[m];
                if (d != 0) {
                    for (int i = 0; i < n; i++) {
                        r[i] -= d * c[m][i];
                    }
                    w[m] = next;
                    change = Math.max(change, Math.abs(d));
                }
            }
            if (change < 1e-10) {
                break;
            }
        }
        double bias = yMean;
        for (int m = 0; m < members; m++) {
            bias -= w[m] * means[m];
        }
        return of(w, List.of(bias));
    }

    private static Optional<Fit> classification(double[][] flat, double[] y, int width) {
        int members = flat.length;
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= 0 && y[i] < width) {
                rows.add(i);
            }
        }
        int n = rows.size();
        if (n == 0) {
            return Optional.empty();
        }
        double[][] logs = new double[members][n * width];
        int[] label = new int[n];
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            label[k] = (int) y[i];
            for (int m = 0; m < members; m++) {
                for (int cl = 0; cl < width; cl++) {
                    logs[m][k * width + cl] = Math.log(Math.max(1e-15, flat[m][i * width + cl]));
                }
            }
        }
        double[] params = new double[members + width];
        java.util.Arrays.fill(params, 0, members, 1.0 / members);   // start at the geometric mean of the members
        double[] grad = new double[params.length];
        double loss = loss(logs, label, width, params, grad);
        double step = 1;
        for (int it = 0; it < ITERATIONS; it++) {
            double[] nextGrad = new double[params.length];
            double[] next = new double[params.length];
            double nextLoss;
            while (true) {
                double decrease = 0;
                for (int p = 0; p < params.length; p++) {
                    next[p] = params[p] - step * grad[p];
                    if (p < members) {
                        next[p] = Math.max(0, next[p]);   // projected: member weights stay non-negative
                    }
                    decrease += grad[p] * (params[p] - next[p]);
                }
                nextLoss = loss(logs, label, width, next, nextGrad);
                // Armijo's condition on the projected step; a step too small to move ends the search.
                if (nextLoss <= loss - 1e-4 * decrease || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            if (step < 1e-12 || loss - nextLoss < 1e-12 * Math.max(1, loss)) {
                if (nextLoss < loss) {
                    params = next;
                }
                break;
            }
            params = next;
            grad = nextGrad;
            loss = nextLoss;
            step *= 2;
        }
        double[] w = java.util.Arrays.copyOf(params, members);
        List<Double> bias = new ArrayList<>();
        for (int cl = 0; cl < width; cl++) {
            bias.add(params[members + cl]);
        }
        return of(w, bias);
    }

    /** Mean log loss of the pooled probabilities plus the ridge term; writes the gradient into {@code grad}. */
    private static double loss(double[][] logs, int[] label, int width, double[] params, double[] grad) {
        int members = logs.length;
        int n = label.length;
        java.util.Arrays.fill(grad, 0);
        double total = 0;
        double[] z = new double[width];
        for (int k = 0; k < n; k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int cl = 0; cl < width; cl++) {
                double v = params[members + cl];
                for (int m = 0; m < members; m++) {
                    v += params[m] * logs[m][k * width + cl];
                }
                z[cl] = v;
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int cl = 0; cl < width; cl++) {
                sum += Math.exp(z[cl] - max);
            }
            double logSum = max + Math.log(sum);
            total += logSum - z[label[k]];
            for (int cl = 0; cl < width; cl++) {
                double g = (Math.exp(z[cl] - logSum) - (cl == label[k] ? 1 : 0)) / n;
                grad[members + cl] += g;
                for (int m = 0; m < members; m++) {
                    grad[m] += g * logs[m][k * width + cl];
                }
            }
        }
        double penalty = 0;
        for (int m = 0; m < members; m++) {
            penalty += RIDGE * params[m] * params[m];
            grad[m] += 2 * RIDGE * params[m];
        }
        return total / n + penalty;
    }

    private static Optional<Fit> of(double[] w, List<Double> bias) {
        double scale = 0;
        for (double x : w) {
            scale += x;
        }
        if (!(scale > 0) || !Double.isFinite(scale) || bias.stream().anyMatch(b -> !Double.isFinite(b))) {
            return Optional.empty();
        }
        double[] shares = new double[w.length];
        for (int m = 0; m < w.length; m++) {
            shares[m] = w[m] / scale;
        }
        return Optional.of(new Fit(new Stack(scale, bias), shares));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
