package automl4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.pipeline.Stack;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The level-2 model of stacking: what it learns from members of known quality, and that it predicts as it fitted. */
class StackFitterTest {
    private static final int ROWS = 2000;

    private static double rmse(double[] y, double[] v) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - v[i]) * (y[i] - v[i]);
        }
        return Math.sqrt(s / y.length);
    }

    private static double logLoss(double[] y, double[] flat, int width) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s -= Math.log(Math.max(1e-15, flat[i * width + (int) y[i]]));
        }
        return s / y.length;
    }

    @Test
    void aRegressionBlendBeatsEachMemberAndIgnoresANoiseMember() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = new double[ROWS];
        double[][] v = new double[3][ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = r.nextGaussian() * 3;
            v[0][i] = y[i] + r.nextGaussian();          // two members with independent errors
            v[1][i] = y[i] + r.nextGaussian();
            v[2][i] = 10 + r.nextGaussian() * 5;        // no signal at all
        }
        StackFitter.Fit fit = StackFitter.fit(v, y, 1).orElseThrow();
        assertThat(fit.weights()[2]).isLessThan(0.01);
        assertThat(fit.weights()[0]).isCloseTo(0.5, within(0.1));
        double blended = rmse(y, fit.stack().combine(v, fit.weights(), 1));
        // Averaging two independent unit errors leaves about 1/sqrt(2).
        assertThat(blended).isLessThan(rmse(y, v[0])).isLessThan(rmse(y, v[1])).isLessThan(0.8);
    }

    @Test
    void aClassificationStackIsNoWorseThanItsBestMemberAndIgnoresAUselessOne() {
        qt().withExamples(10).forAll(longs().between(0, 1000)).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int width = 3;
            double[] y = new double[ROWS];
            double[][] flat = new double[2][ROWS * width];
            for (int i = 0; i < ROWS; i++) {
                y[i] = r.nextInt(width);
                double[] good = new double[width];
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    good[c] = Math.exp((c == y[i] ? 1.5 : 0) + r.nextGaussian());
                    sum += good[c];
                }
                for (int c = 0; c < width; c++) {
                    flat[0][i * width + c] = good[c] / sum;
                    flat[1][i * width + c] = 1.0 / width;   // knows nothing
                }
            }
            StackFitter.Fit fit = StackFitter.fit(flat, y, width).orElseThrow();
            double[] stacked = fit.stack().combine(flat, fit.weights(), width);
            assertThat(logLoss(y, stacked, width)).isLessThanOrEqualTo(logLoss(y, flat[0], width) + 1e-3);
            for (int i = 0; i < ROWS; i++) {
                double rowSum = 0;
                for (int c = 0; c < width; c++) {
                    rowSum += stacked[i * width + c];
                }
                assertThat(rowSum).isCloseTo(1.0, within(1e-9));
            }
        });
    }

    @Test
    void anOverconfidentMemberIsTemperedBelowScaleOne() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[ROWS];
        double[][] flat = new double[1][ROWS * 2];
        for (int i = 0; i < ROWS; i++) {
            y[i] = r.nextInt(2);
            // Right 70 % of the time, but always 99 % sure.
            boolean right = r.nextDouble() < 0.7;
            double p1 = (y[i] == 1) == right ? 0.99 : 0.01;
            flat[0][i * 2] = 1 - p1;
            flat[0][i * 2 + 1] = p1;
        }
        StackFitter.Fit fit = StackFitter.fit(flat, y, 2).orElseThrow();
        assertThat(fit.stack().scale()).isLessThan(0.5);
        assertThat(logLoss(y, fit.stack().combine(flat, fit.weights(), 2), 2)).isLessThan(logLoss(y, flat[0], 2));
    }

    @Test
    void weightsAreSharesThatSumToOne() {
        double[][] v = {{1, 2, 3, 4}, {1.1, 2.1, 2.9, 4.2}};
        StackFitter.Fit fit = StackFitter.fit(v, new double[] {1, 2, 3, 4}, 1).orElseThrow();
        assertThat(fit.weights()[0] + fit.weights()[1]).isCloseTo(1.0, within(1e-12));
        assertThat(fit.stack()).isInstanceOf(Stack.class);
        assertThat(fit.stack().bias()).hasSize(1);
        assertThat(new Stack(1, List.of(0.0, 0.0)).combine(new double[][] {{0.2, 0.8}}, new double[] {1}, 2))
                .containsExactly(new double[] {0.2, 0.8}, within(1e-12));
    }
}
