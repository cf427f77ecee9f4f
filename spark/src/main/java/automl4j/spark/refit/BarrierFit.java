package automl4j.spark.refit;

import automl4j.AutoMlModel;
import automl4j.data.Regression;
import automl4j.learners.xgboost.EarlyStopping;
import automl4j.learners.xgboost.XgboostLearner;
import automl4j.pipeline.Pipeline;
import automl4j.spark.ModelBytes;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.Communicator;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The body of one barrier task of a distributed XGBoost fit: it loads the sample's model file (broadcast), featurizes
 * its partition with one member's fitted featurizer, joins the XGBoost collective whose tracker the driver started
 * (its rank is the partition's id), trains the member's config, and returns the booster from rank 0. XGBoost's hist
 * trees are built from histograms summed over all workers at each node, so the trees are those of one fit on all rows
 * but for the quantile sketch of the bins, which each worker computes on its part.
 *
 * <p>Rounds: the sample's, or, with a hold-out period, re-tuned on all rows: every {@code period}-th row of each
 * partition is held out, and the fit boosts up to {@code maxRounds} rounds, stopping as the learner does (its
 * validation loss, {@link XgboostLearner#PATIENCE} rounds without a better one). XGBoost sums each worker's loss over
 * all workers' held-out rows, so every rank sees the same loss and stops at the same round, as the collective needs.
 * A configuration's best rounds grow with the rows (a slow learning rate on twenty times the rows needed twice the
 * rounds in the refit benchmark), which the sample cannot tell.
 */
final class BarrierFit extends AbstractFunction1<Iterator<Row>, Iterator<WorkerResult>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> modelFile;
    private final int member;
    private final StructType schema;
    private final HashMap<String, Object> params;
    private final int maxRounds;
    private final int period;   // hold out every period-th row to re-tune the rounds; 0: train maxRounds on all
    private final HashMap<String, Object> trackerArgs;

    BarrierFit(Broadcast<byte[]> modelFile, int member, StructType schema, Map<String, Object> params, int maxRounds,
               int period, Map<String, Object> trackerArgs) {
        this.modelFile = modelFile;
        this.member = member;
        this.schema = schema;
        this.params = new HashMap<>(params);
        this.maxRounds = maxRounds;
        this.period = period;
        this.trackerArgs = new HashMap<>(trackerArgs);
    }

    @Override
    public Iterator<WorkerResult> apply(Iterator<Row> partition) {
        BarrierTaskContext context = BarrierTaskContext.get();
        AutoMlModel model = ModelBytes.load(modelFile.value());
        Pipeline.Member m = model.members().get(member);
        PartitionFeatures holdout = new PartitionFeatures(m.transform(), model.target(), schema);
        PartitionFeatures features = new PartitionFeatures(m.transform(), model.target(), schema)
                .addAll(CollectionConverters.asJava(partition), holdout, period);
        double mean = 0;
        double sd = 1;
        if (model.target().task() instanceof Regression) {
            // Every task gets every task's moments (in partition order) and combines them alike: one mean and sd for
            // all rows, as the learner standardizes its labels, without a pass of its own over the data.
            double[] moments = combined(context.allGather(text(features.labelMoments())));
            mean = moments[1];
            double variance = moments[2] / Math.max(1, moments[0]);
            sd = variance > 0 ? Math.sqrt(variance) : 1;
            features.standardize(mean, sd);
            holdout.standardize(mean, sd);
        }
        Map<String, Object> p = new HashMap<>(params);
        p.put("nthread", Math.max(1, context.cpus()));
        if (period > 0) {
            p.put("eval_metric", XgboostLearner.stoppingMetric(model.target().task()));
        }
        Map<String, Object> args = new HashMap<>(trackerArgs);
        args.put("dmlc_task_id", Integer.toString(context.partitionId()));
        try {
            Communicator.init(args);
            try {
                long trainRows = features.rows();
                long heldRows = holdout.rows();
                DMatrix matrix = features.matrix();
                DMatrix valid = period > 0 ? holdout.matrix() : null;
                try {
                    Booster booster = XGBoost.train(matrix, p, 0, Map.of(), null, null);
                    int kept = boost(booster, matrix, valid);
                    int rank = Communicator.getRank();
                    byte[] bytes = rank == 0 ? booster.toByteArray("ubj") : null;
                    booster.dispose();
                    return CollectionConverters.asScala(List.of(
                            new WorkerResult(rank, trainRows, heldRows, kept, mean, sd, bytes)).iterator());
                } finally {
                    matrix.dispose();
                    if (valid != null) {
                        valid.dispose();
                    }
                }
            } finally {
                Communicator.shutdown();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed in the distributed refit (partition " + context.partitionId()
                    + "): " + e.getMessage(), e);
        }
    }

    /**
     * Boosts up to {@code maxRounds} rounds, stopping early on {@code valid}'s loss when there is a hold-out; returns
     * the rounds to keep (0: all of them).
     */
    private int boost(Booster booster, DMatrix train, DMatrix valid) throws XGBoostError {
        EarlyStopping stopping = valid != null ? new EarlyStopping(false, XgboostLearner.PATIENCE) : null;
        for (int round = 0; round < maxRounds; round++) {
            booster.update(train, round);
            if (stopping != null && stopping.record(round,
                    EarlyStopping.parse(booster.evalSet(new DMatrix[] {valid}, new String[] {"valid"}, round)))) {
                break;
            }
        }
        return stopping != null ? stopping.keptRounds() : 0;
    }

    // Doubles as text survive allGather exactly (Double.toString round-trips).
    private static String text(double[] moments) {
        return moments[0] + " " + moments[1] + " " + moments[2];
    }

    /** Chan et al.'s pairwise update: the count, mean and squared deviations of the union of the parts. */
    static double[] combined(String[] parts) {
        double n = 0;
        double mean = 0;
        double m2 = 0;
        for (String part : parts) {
            String[] f = part.trim().split(" ");
            double nb = Double.parseDouble(f[0]);
            if (nb == 0) {
                continue;
            }
            double meanB = Double.parseDouble(f[1]);
            double m2b = Double.parseDouble(f[2]);
            double total = n + nb;
            double delta = meanB - mean;
            mean += delta * nb / total;
            m2 += m2b + delta * delta * n * nb / total;
            n = total;
        }
        return new double[] {n, mean, m2};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BarrierFit(member %d, up to %d rounds%s)", member, maxRounds,
                period > 0 ? ", every " + period + "th row held out" : "");
    }
}
