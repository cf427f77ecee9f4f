package automl4j.spark.refit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMlModel;
import automl4j.data.Classification;
import automl4j.data.Regression;
import automl4j.data.Target;
import automl4j.datasets.DefaultDataset;
import automl4j.featurize.FittedTransform;
import automl4j.learn.Predictions;
import automl4j.metric.Metrics;
import automl4j.pipeline.Pipeline;
import automl4j.space.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The distributed refit on {@code local[2]}: XGBoost trained by two barrier tasks on two partitions scores as a fit of
 * the same config on the same rows in one JVM; the model file round-trips; a learner that cannot refit distributed
 * keeps its fit on the sample and says so.
 *
 * <p>Tolerance: the two fits are not bit-identical. Each worker sketches the quantiles of its own rows and XGBoost
 * merges the sketches into the bins, which then differ a little from the bins of one sketch of all rows; and the
 * gradient histograms are summed over the workers in another order (float sums). A split may then fall one bin over.
 * With 60 rounds at learning rate 0.3 such a change moves some rows' probabilities much (0.35 at most, 0.041 on
 * average measured here), while the quality is the same: what must hold is the model's quality on held-out rows (AUC
 * within 0.01, log loss within 2%, RMSE within 2%) and a mean absolute difference of the probabilities under 0.06.
 * With one worker the fit is bit for bit the single-JVM fit ({@link #oneWorkerIsBitForBitTheFitInOneJvm}).
 */
class DistributedRefitTest {
    private static final Target CHURN = new Target(DefaultDataset.TARGET, new Classification(List.of("no", "yes")));
    private static final Target FEE = new Target("monthly_fee", new Regression());
    private static SparkSession spark;
    private static Table all;
    private static Table sample;
    private static Table test;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = RefitFixtures.start("DistributedRefitTest");
        all = DefaultDataset.generate(6000, 11);
        sample = all.inRange(0, 600);   // the driver's sample: the first tenth
        test = DefaultDataset.generate(3000, 12);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static AutoMlModel single(Target target, FittedTransform transform, Pipeline.Member member) {
        return new AutoMlModel(target, transform, member.model(), member.config(), Map.of());
    }

    @Test
    void xgboostOnTwoPartitionsScoresAsOneFitOnTheSameRows() throws Exception {
        FittedTransform transform = RefitFixtures.featurizer(sample, CHURN);
        Config config = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 60, "max_depth", 4));
        AutoMlModel onSample = single(CHURN, transform, RefitFixtures.fitted(sample, CHURN, transform, config, 1));
        AutoMlModel oneJvm = single(CHURN, transform, RefitFixtures.fitted(all, CHURN, transform, config, 1));
        Dataset<Row> rows = RefitFixtures.frame(spark, all, 3);

        RefitResult result = DistributedRefit.builder(spark).workers(2).seed(7).build().refit(onSample, rows);

        assertThat(result.members()).singleElement().satisfies(m -> {
            assertThat(m.learner()).isEqualTo("xgboost");
            assertThat(m.distributed()).isTrue();
            assertThat(m.rows()).isEqualTo(6000);
            assertThat(m.workers()).isEqualTo(2);
        });
        AutoMlModel distributed = result.model();
        double aucDistributed = distributed.score(test, Metrics.forName("auc"));
        double aucOneJvm = oneJvm.score(test, Metrics.forName("auc"));
        double aucSample = onSample.score(test, Metrics.forName("auc"));
        assertThat(aucDistributed).isCloseTo(aucOneJvm, org.assertj.core.data.Offset.offset(0.01));
        assertThat(aucDistributed).isGreaterThan(aucSample);   // all rows beat a tenth of them
        assertThat(distributed.score(test, Metrics.forName("logloss")))
                .isCloseTo(oneJvm.score(test, Metrics.forName("logloss")), org.assertj.core.data.Percentage.withPercentage(2));
        Predictions a = distributed.predict(test);
        Predictions b = oneJvm.predict(test);
        double diff = 0;
        for (int i = 0; i < test.rowCount(); i++) {
            diff += Math.abs(a.probability(i, 1) - b.probability(i, 1));
        }
        assertThat(diff / test.rowCount()).isLessThan(0.06);   // 0.041 measured: see the class comment
        assertThat(distributed.info()).containsEntry("refit_rows", "6000");

        // The model file round-trips: the loaded model predicts what the refitted one does, bit for bit.
        Path file = dir.resolve("refit.automl");
        distributed.exportTo(file);
        Predictions loaded = AutoMlModel.load(file).predict(test);
        for (int i = 0; i < test.rowCount(); i++) {
            assertThat(loaded.probabilities(i)).containsExactly(a.probabilities(i));
        }
    }

    @Test
    void regressionIsStandardizedOnAllRowsAsTheLearnerDoes() {
        FittedTransform transform = RefitFixtures.featurizer(sample, FEE);
        Config config = RefitFixtures.config("xgboost", FEE, Map.of("n_estimators", 40, "max_depth", 4));
        AutoMlModel onSample = single(FEE, transform, RefitFixtures.fitted(sample, FEE, transform, config, 1));
        AutoMlModel oneJvm = single(FEE, transform, RefitFixtures.fitted(all, FEE, transform, config, 1));

        RefitResult result = DistributedRefit.builder(spark).workers(2).build().refit(onSample, RefitFixtures.frame(spark, all, 2));

        double rmseDistributed = result.model().score(test, Metrics.forName("rmse"));
        double rmseOneJvm = oneJvm.score(test, Metrics.forName("rmse"));
        assertThat(rmseDistributed).isCloseTo(rmseOneJvm, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void aLearnerThatCannotRefitDistributedKeepsItsSampleFitAndSaysSo() {
        FittedTransform transform = RefitFixtures.featurizer(sample, CHURN);
        Config xgb = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 30, "max_depth", 3));
        Config linear = RefitFixtures.config("tribuo-linear-sgd", CHURN, Map.of());
        Pipeline.Member boosted = RefitFixtures.fitted(sample, CHURN, transform, xgb, 0.5);
        Pipeline.Member other = RefitFixtures.fitted(sample, CHURN, transform, linear, 0.5);
        AutoMlModel ensemble = new AutoMlModel(CHURN, List.of(boosted, other), Config.of("ensemble", Map.of()), Map.of());

        RefitResult result = DistributedRefit.builder(spark).build().refit(ensemble, RefitFixtures.frame(spark, all, 2));

        assertThat(result.members()).extracting(MemberRefit::learner, MemberRefit::distributed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("xgboost", true),
                        org.assertj.core.groups.Tuple.tuple("tribuo-linear-sgd", false));
        assertThat(result.members().get(1).note()).contains("sample");
        assertThat(result.summary()).contains("tribuo-linear-sgd kept its fit on the driver's sample");
        assertThat(result.model().members().get(1).model()).isSameAs(other.model());
        assertThat(result.model().members()).extracting(Pipeline.Member::weight).containsExactly(0.5, 0.5);

        AutoMlModel linearOnly = single(CHURN, transform, other);
        RefitResult none = DistributedRefit.builder(spark).build().refit(linearOnly, RefitFixtures.frame(spark, all, 2));
        assertThat(none.model()).isSameAs(linearOnly);
        assertThat(none.anyDistributed()).isFalse();
    }

    @Test
    void moreWorkersThanSlotsOrAMissingColumnIsAClearError() {
        FittedTransform transform = RefitFixtures.featurizer(sample, CHURN);
        Config config = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 5));
        AutoMlModel model = single(CHURN, transform, RefitFixtures.fitted(sample, CHURN, transform, config, 1));
        Dataset<Row> rows = RefitFixtures.frame(spark, all, 2);

        assertThatThrownBy(() -> DistributedRefit.builder(spark).workers(3).build().refit(model, rows))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 workers").hasMessageContaining("2 task slots");
        assertThatThrownBy(() -> DistributedRefit.builder(spark).build().refit(model, rows.drop("plan")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[plan]");
    }

    @Test
    void oneWorkerIsBitForBitTheFitInOneJvm() {
        FittedTransform transform = RefitFixtures.featurizer(sample, CHURN);
        Config config = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 60, "max_depth", 4));
        AutoMlModel onSample = single(CHURN, transform, RefitFixtures.fitted(sample, CHURN, transform, config, 1));
        AutoMlModel oneJvm = single(CHURN, transform, RefitFixtures.fitted(all, CHURN, transform, config, 1));

        AutoMlModel distributed = DistributedRefit.builder(spark).workers(1).seed(7).build()
                .refit(onSample, RefitFixtures.frame(spark, all, 3)).model();

        // One worker sketches all rows itself: the same bins, the same trees, as the learner's fit (which the seed does
        // not touch with subsample and colsample_bytree at 1): what the executors featurize and label is the engine's.
        Predictions a = distributed.predict(test);
        Predictions b = oneJvm.predict(test);
        for (int i = 0; i < test.rowCount(); i++) {
            assertThat(a.probabilities(i)).containsExactly(b.probabilities(i));
        }
    }

    @Test
    void onManyRowsTheRoundsAreRetunedOnAHoldOutOfAllRows() {
        Table big = DefaultDataset.generate(24_000, 13);
        Table small = big.inRange(0, 1200);
        FittedTransform transform = RefitFixtures.featurizer(small, CHURN);
        Dataset<Row> rows = RefitFixtures.frame(spark, big, 2);
        // Far too few rounds for a slow rate: the re-tuned fit boosts past them, up to 3 x 8 + 50 rounds.
        Config slow = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 8, "max_depth", 3, "learning_rate", 0.05));
        AutoMlModel slowOnSample = single(CHURN, transform, RefitFixtures.fitted(small, CHURN, transform, slow, 1));
        RefitResult retuned = DistributedRefit.builder(spark).workers(2).seed(7).build().refit(slowOnSample, rows);
        RefitResult kept = DistributedRefit.builder(spark).workers(2).seed(7).retuneRounds(false).build().refit(slowOnSample, rows);

        int rounds = Integer.parseInt(retuned.model().info().get("refit_rounds"));
        assertThat(rounds).isGreaterThan(8).isLessThanOrEqualTo(58);
        long heldOut = Long.parseLong(retuned.model().info().get("refit_holdout_rows"));
        assertThat(heldOut).isBetween(1190L, 1210L);   // every 20th row of each of the two partitions
        assertThat(retuned.model().info()).containsEntry("refit_rows", "24000");
        assertThat(retuned.members()).singleElement().satisfies(m -> assertThat(m.note())
                .contains(rounds + " rounds (the sample's: 8; at most 58) kept by early stopping on " + heldOut + " held-out rows"));
        assertThat(kept.model().info()).doesNotContainKey("refit_rounds").containsEntry("refit_rows", "24000");
        assertThat(retuned.model().score(test, Metrics.forName("logloss")))
                .isLessThan(kept.model().score(test, Metrics.forName("logloss")));

        // Too many rounds at a fast rate on deep trees: the held-out loss turns, and the fit stops well before 3 x 40.
        Config fast = RefitFixtures.config("xgboost", CHURN, Map.of("n_estimators", 40, "max_depth", 10, "learning_rate", 1.0,
                "min_child_weight", 0.01));
        AutoMlModel fastOnSample = single(CHURN, transform, RefitFixtures.fitted(small, CHURN, transform, fast, 1));
        int fastRounds = Integer.parseInt(DistributedRefit.builder(spark).workers(2).seed(7).build()
                .refit(fastOnSample, rows).model().info().get("refit_rounds"));
        assertThat(fastRounds).isLessThan(120 - 50);   // stopped: 50 rounds without a better loss came before the cap
    }

    @Test
    void momentsOfPartsCombineToTheMomentsOfTheWhole() {
        double[] whole = new double[] {1, 2, 3, 4, 10};
        double[] parts = BarrierFit.combined(new String[] {"2.0 1.5 0.5", "0.0 0.0 0.0", "3.0 5.666666666666667 28.666666666666668"});
        double mean = java.util.Arrays.stream(whole).average().orElseThrow();
        double m2 = java.util.Arrays.stream(whole).map(v -> (v - mean) * (v - mean)).sum();
        assertThat(parts[0]).isEqualTo(5);
        assertThat(parts[1]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(parts[2]).isCloseTo(m2, org.assertj.core.data.Offset.offset(1e-9));
    }
}
