package automl4j.spark.refit;

import automl4j.AutoMlModel;
import automl4j.data.Regression;
import automl4j.pipeline.Pipeline;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * (its rank is the partition's id), trains the member's config for its rounds, and returns the booster from rank 0.
 * XGBoost's hist trees are built from histograms summed over all workers at each node, so the trees are those of one
 * fit on all rows but for the quantile sketch of the bins, which each worker computes on its part.
 */
final class BarrierFit extends AbstractFunction1<Iterator<Row>, Iterator<WorkerResult>> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> modelFile;
    private final int member;
    private final StructType schema;
    private final HashMap<String, Object> params;
    private final int rounds;
    private final HashMap<String, Object> trackerArgs;

    BarrierFit(Broadcast<byte[]> modelFile, int member, StructType schema, Map<String, Object> params, int rounds,
               Map<String, Object> trackerArgs) {
        this.modelFile = modelFile;
        this.member = member;
        this.schema = schema;
        this.params = new HashMap<>(params);
        this.rounds = rounds;
        this.trackerArgs = new HashMap<>(trackerArgs);
    }

    @Override
    public Iterator<WorkerResult> apply(Iterator<Row> partition) {
        BarrierTaskContext context = BarrierTaskContext.get();
        AutoMlModel model = load(modelFile.value());
        Pipeline.Member m = model.members().get(member);
        PartitionFeatures features = new PartitionFeatures(m.transform(), model.target(), schema)
                .addAll(CollectionConverters.asJava(partition));
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
        }
        Map<String, Object> p = new HashMap<>(params);
        p.put("nthread", Math.max(1, context.cpus()));
        Map<String, Object> args = new HashMap<>(trackerArgs);
        args.put("dmlc_task_id", Integer.toString(context.partitionId()));
        try {
            Communicator.init(args);
            try {
                DMatrix matrix = features.matrix();
                try {
                    Booster booster = XGBoost.train(matrix, p, rounds, Map.of(), null, null);
                    int rank = Communicator.getRank();
                    byte[] bytes = rank == 0 ? booster.toByteArray("ubj") : null;
                    booster.dispose();
                    return CollectionConverters.asScala(List.of(new WorkerResult(rank, features.rows(), mean, sd, bytes)).iterator());
                } finally {
                    matrix.dispose();
                }
            } finally {
                Communicator.shutdown();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed in the distributed refit (partition " + context.partitionId()
                    + "): " + e.getMessage(), e);
        }
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

    private static AutoMlModel load(byte[] bytes) {
        try {
            Path tmp = Files.createTempFile("automl4j-refit-", ".automl");
            try {
                Files.write(tmp, bytes);
                return AutoMlModel.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model file to a temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BarrierFit(member %d, %d rounds)", member, rounds);
    }
}
