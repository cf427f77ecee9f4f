package automl4j.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import automl4j.data.Classification;
import automl4j.learn.Labels;
import automl4j.learn.Predictions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every built-in metric at a million rows against a reference computed another way: from counts per distinct score
 * level (scores are drawn from a few hundred levels so that the counts are exact), in {@code long} arithmetic. A
 * metric that overflows an {@code int} (AUC once reported 1.04 past 46,340 positives) or loses precision fails here.
 */
class MetricsAtScaleTest {
    private static final int ROWS = 1_000_000;
    private static final int LEVELS = 257;

    /** Rows whose positive-class probability is level / (LEVELS - 1), and whose label depends on it. */
    private record Sample(double[] truth, int[] level) {
        static Sample of(long seed, double positiveShare) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] y = new double[ROWS];
            int[] level = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                level[i] = r.nextInt(LEVELS);
                double p = positiveShare * 2 * level[i] / (LEVELS - 1.0);
                y[i] = r.nextDouble() < Math.min(1, p) ? 1 : 0;
            }
            return new Sample(y, level);
        }

        Predictions predictions() {
            double[][] p = new double[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                double p1 = level[i] / (LEVELS - 1.0);
                p[i] = new double[] {1 - p1, p1};
            }
            return Predictions.ofProbabilities(new Classification(List.of("a", "b")), List.of("a", "b"), p);
        }

        long[][] counts() {
            long[][] c = new long[2][LEVELS];
            for (int i = 0; i < ROWS; i++) {
                c[(int) truth[i]][level[i]]++;
            }
            return c;
        }
    }

    @Test
    void aucMatchesTheMannWhitneyCountAtAMillionRows() {
        for (double share : new double[] {0.5, 0.05, 0.95}) {
            Sample s = Sample.of(7, share);
            long[][] c = s.counts();
            long negBelow = 0;
            double wins = 0;
            long pos = 0;
            long neg = 0;
            for (int l = 0; l < LEVELS; l++) {
                wins += c[1][l] * (negBelow + c[0][l] / 2.0);
                negBelow += c[0][l];
                pos += c[1][l];
                neg += c[0][l];
            }
            double expected = wins / ((double) pos * neg);
            assertThat(pos).isGreaterThan(46_341);
            assertThat(Metrics.rocAuc().score(Labels.of(s.truth()), s.predictions())).isCloseTo(expected, within(1e-12))
                    .isBetween(0.0, 1.0);
        }
    }

    @Test
    void aucOfAPerfectRankingIsOneAndOfAReversedOneZeroAtAMillionRows() {
        double[] y = new double[ROWS];
        double[][] p = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 2;
            double p1 = y[i] == 1 ? 0.5 + (i % 1000) / 2001.0 : (i % 1000) / 2001.0;
            p[i] = new double[] {1 - p1, p1};
        }
        Classification task = new Classification(List.of("a", "b"));
        assertThat(Metrics.rocAuc().score(Labels.of(y), Predictions.ofProbabilities(task, List.of("a", "b"), p))).isEqualTo(1.0);
        for (double[] row : p) {
            double t = row[0];
            row[0] = row[1];
            row[1] = t;
        }
        assertThat(Metrics.rocAuc().score(Labels.of(y), Predictions.ofProbabilities(task, List.of("a", "b"), p))).isEqualTo(0.0);
    }

    @Test
    void logLossAndAccuracyMatchTheirCountsAtAMillionRows() {
        Sample s = Sample.of(11, 0.5);
        long[][] c = s.counts();
        double loss = 0;
        long hits = 0;
        for (int l = 0; l < LEVELS; l++) {
            double p1 = l / (LEVELS - 1.0);
            loss += c[1][l] * -Math.log(Math.max(1e-15, p1)) + c[0][l] * -Math.log(Math.max(1e-15, 1 - p1));
            // A tie goes to the first class.
            hits += p1 > 0.5 ? c[1][l] : c[0][l];
        }
        Labels y = Labels.of(s.truth());
        Predictions p = s.predictions();
        assertThat(Metrics.logLoss().score(y, p)).isCloseTo(loss / ROWS, within(1e-9));
        assertThat(Metrics.accuracy().score(y, p)).isEqualTo((double) hits / ROWS);
    }

    @Test
    void rmseAndR2MatchTheirCountsAtAMillionRows() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[ROWS];
        double[] v = new double[ROWS];
        long[][] pairs = new long[LEVELS][7];
        for (int i = 0; i < ROWS; i++) {
            int a = r.nextInt(LEVELS);
            int d = r.nextInt(7) - 3;
            y[i] = 1e6 + a;   // a large offset: a one-pass variance would lose digits here
            v[i] = y[i] + d;
            pairs[a][d + 3]++;
        }
        double sse = 0;
        double sum = 0;
        for (int a = 0; a < LEVELS; a++) {
            for (int d = 0; d < 7; d++) {
                sse += pairs[a][d] * (double) ((d - 3) * (d - 3));
                sum += pairs[a][d] * (double) a;
            }
        }
        double mean = sum / ROWS;
        double sst = 0;
        for (int a = 0; a < LEVELS; a++) {
            long n = 0;
            for (int d = 0; d < 7; d++) {
                n += pairs[a][d];
            }
            sst += n * (a - mean) * (a - mean);
        }
        Labels truth = Labels.of(y);
        Predictions p = Predictions.ofValues(v);
        assertThat(Metrics.rmse().score(truth, p)).isCloseTo(Math.sqrt(sse / ROWS), within(1e-9));
        assertThat(Metrics.r2().score(truth, p)).isCloseTo(1 - sse / sst, within(1e-9));
    }

    @Test
    void aucAgreesWithThePairwiseDefinitionOnSmallSamples() {
        qt().withExamples(200).forAll(integers().between(2, 60), integers().between(0, 10_000)).checkAssert((n, seed) -> {
            SplittableRandom r = new SplittableRandom(seed);
            double[] y = new double[n];
            double[] p1 = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                p1[i] = r.nextInt(5) / 4.0;   // few levels: many ties
            }
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        wins += p1[i] > p1[j] ? 1 : p1[i] == p1[j] ? 0.5 : 0;
                    }
                }
            }
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = new double[] {1 - p1[i], p1[i]};
            }
            double auc = Metrics.rocAuc().score(Labels.of(y),
                    Predictions.ofProbabilities(new Classification(List.of("a", "b")), List.of("a", "b"), p));
            if (pairs == 0) {
                assertThat(auc).isNaN();
            } else {
                assertThat(auc).isCloseTo(wins / pairs, within(1e-12));
            }
        });
    }
}
