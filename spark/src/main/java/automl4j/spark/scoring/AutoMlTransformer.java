package automl4j.spark.scoring;

import automl4j.scoring.ModelFileException;
import automl4j.scoring.ModelMetadata;
import automl4j.scoring.ScoringModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.SparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.reflect.ClassTag$;

/**
 * An exported AutoML4J model ({@code model.automl}) as a Spark ML {@code Transformer}: {@link #transform} returns the
 * input rows, in order, with a prediction column and, for classification, a probability column appended. Usable alone
 * or as a stage of a Spark {@code Pipeline}.
 *
 * <pre>{@code
 * AutoMlTransformer scorer = AutoMlTransformer.of(Path.of("churn.automl")).setPredictionCol("churn_pred");
 * Dataset<Row> scored = scorer.transform(spark.read().parquet("customers.parquet"));
 * }</pre>
 *
 * <p>Predictions are those of {@code AutoMlModel.predict} to the last bit: the executors score with
 * {@code automl4j-scoring}, which evaluates every model the engine writes in plain Java (no XGBoost or LightGBM
 * natives, no engine, on the executors), or, for large XGBoost and LightGBM models when the engine is on the class
 * path, with the engine and its native predictors ({@link #scorer()}). The file is broadcast once per transformer and
 * Spark context, and loaded once per executor JVM (a cache keyed by the file's SHA-256); each partition is scored in
 * batches of {@link #batchRows()} rows, from Spark's internal rows: only the cells the model reads are converted, and
 * the input rows pass through as Spark holds them.
 *
 * <p>Columns: {@link #predictionCol()} (default {@code prediction}) holds, for classification, the predicted class
 * label as the model names it ({@code string}: the engine's classes are text labels, so no label index to map back),
 * and for regression the value ({@code double}). {@link #probabilityCol()} (default {@code probability}; empty for
 * none; never for regression) holds the class probabilities as one Spark ML {@code Vector} in {@link #classes()}
 * order, as Spark's own classifiers write theirs: it feeds Spark's evaluators and {@code vector_to_array}, and its
 * column metadata (an ML attribute group) names each element by its class, where one column per class would put the
 * model's classes into the table's schema. Input columns the model reads must be present, with a type their kind takes; others pass through.
 *
 * <p>Saving ({@link #write()}) stores the params and the model file's bytes; {@link #load(String)} and Spark's
 * {@code PipelineModel.load} read them back. Thread-safe for scoring; the params follow Spark ML's conventions.
 */
public final class AutoMlTransformer extends Transformer implements MLWritable {
    private static final long serialVersionUID = 1L;
    /** {@link #scorer()}: score with {@code automl4j-scoring}. */
    public static final String SCORING = "scoring";
    /** {@link #scorer()}: score with the engine's {@code AutoMlModel}. */
    public static final String ENGINE = "engine";
    /** {@link #scorer()}: the engine where it is faster and on the class path, else the scoring library (default). */
    public static final String AUTO = "auto";

    private final String uid;
    private final byte[] file;
    private final String sha256;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final IntParam batchRows;
    private final Param<String> scorer;
    private transient ScoringModel model;                  // the driver's copy, for the schema and the classes
    private transient automl4j.AutoMlModel engineModel;    // the driver's engine copy, loaded to check it loads
    private transient Boolean autoEngine;                  // what AUTO chose, once
    private transient Broadcast<byte[]> broadcast;         // one per transformer and Spark context ...
    private transient SparkContext broadcastContext;       // ... this one

    AutoMlTransformer(String uid, byte[] file) {
        this(uid, file, null);
    }

    // model: the file already loaded, or null to load it here
    private AutoMlTransformer(String uid, byte[] file, ScoringModel model) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.file = Objects.requireNonNull(file, "file");
        this.sha256 = Sha256.hex(file);
        this.model = model != null ? model : ScoringModel.load(new ByteArrayInputStream(file), "model " + sha256.substring(0, 12));
        this.predictionCol = new Param<>(uid, "predictionCol", "prediction column name: the class label (string) or "
                + "the regression value (double)");
        this.probabilityCol = new Param<>(uid, "probabilityCol", "column name for the class probabilities (a vector in "
                + "the model's class order); empty for none");
        this.batchRows = new IntParam(uid, "batchRows", "rows scored together on an executor (>= 1)", ParamValidators.gtEq(1));
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        this.scorer = new Param<>(uid, "scorer", "what scores on the executors: 'auto' (the faster of the two that can "
                + "run), 'scoring' (automl4j-scoring, plain Java) or 'engine' (AutoMlModel, the learners' own libraries)",
                ParamValidators.inArray(List.of(AUTO, SCORING, ENGINE)));
        setDefault(batchRows, 4096);
        setDefault(scorer, AUTO);
    }

    /**
     * The transformer of the model file at {@code modelFile}, checked on the driver.
     *
     * @throws ModelFileException  if the file is missing, damaged or holds a model the scoring library does not
     *                             evaluate, naming the file and what is wrong
     * @throws UncheckedIOException if the file cannot be read a second time (removed while loading)
     */
    public static AutoMlTransformer of(Path modelFile) {
        ScoringModel checked = ScoringModel.load(Objects.requireNonNull(modelFile, "modelFile"));   // errors name the file
        try {
            return new AutoMlTransformer(Identifiable.randomUID("automl"), Files.readAllBytes(modelFile), checked);
        } catch (IOException e) {   // it was read a moment ago: gone or changed since
            throw new UncheckedIOException("cannot read model file " + modelFile + " again: " + e.getMessage(), e);
        }
    }

    /**
     * The transformer of a model file's bytes ({@code model.automl} read into memory, e.g. from a distributed file
     * system), checked on the driver; the array is copied.
     *
     * @throws ModelFileException as {@link #of(Path)}
     */
    public static AutoMlTransformer of(byte[] modelFile) {
        return new AutoMlTransformer(Identifiable.randomUID("automl"), modelFile.clone());
    }

    /** A unique id of this transformer, as every Spark ML stage has. */
    @Override
    public String uid() {
        return uid;
    }

    /** The prediction column's name (default {@code prediction}). */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The probability column's name (default {@code probability}; empty: no probability column). */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** Rows scored together on an executor (default 4096): larger batches amortize more, hold more rows. */
    public IntParam batchRows() {
        return batchRows;
    }

    /**
     * What scores on the executors (default {@value #AUTO}): {@value #SCORING}, the {@code automl4j-scoring}
     * library (plain Java: no engine, no natives, nothing but this module's dependencies on the executors);
     * {@value #ENGINE}, the engine's {@code AutoMlModel} on a table per batch, with the learners' own libraries (their
     * modules and the featurizers' must be on the executors' class path, as in automl.jar), faster for large tree
     * models whose native predictors outrun the plain-Java ones; or {@value #AUTO}, the engine for a model with large
     * XGBoost or LightGBM members (64 KiB of tree payload and more) when the engine loads it on the driver (the
     * executors are taken to have the driver's class path, as under {@code spark-submit}), else the scoring library.
     * All predict the same bits; {@link #scorerInUse()} says what {@value #AUTO} chose.
     */
    public Param<String> scorer() {
        return scorer;
    }

    /**
     * What scores on the executors with the current {@link #scorer()}: {@value #SCORING} or {@value #ENGINE}, what
     * {@value #AUTO} resolves to for this model and class path.
     */
    public String scorerInUse() {
        String name = getOrDefault(scorer);
        if (!AUTO.equals(name)) {
            return name;
        }
        return autoEngine() ? ENGINE : SCORING;
    }

    /** Sets {@link #scorer()} to {@value #AUTO}, {@value #SCORING} or {@value #ENGINE}; returns this. */
    public AutoMlTransformer setScorer(String name) {
        set(scorer, Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Sets {@link #predictionCol()}; returns this. */
    public AutoMlTransformer setPredictionCol(String name) {
        set(predictionCol, Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Sets {@link #probabilityCol()} (empty: none); returns this. */
    public AutoMlTransformer setProbabilityCol(String name) {
        set(probabilityCol, Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Sets {@link #batchRows()}; returns this. @throws IllegalArgumentException if {@code rows < 1} */
    public AutoMlTransformer setBatchRows(int rows) {
        set(batchRows, rows);
        return this;
    }

    /** The prediction column's name in use. */
    public String getPredictionCol() {
        return getOrDefault(predictionCol);
    }

    /** The probability column's name in use; empty when none is written. */
    public String getProbabilityCol() {
        return getOrDefault(probabilityCol);
    }

    /** What the model file says: task, target, classes, members, format version. */
    public ModelMetadata metadata() {
        return model().metadata();
    }

    /** The classes in the order of the probability vector; empty for regression. */
    public List<String> classes() {
        return metadata().classes();
    }

    /** True for a classification model. */
    public boolean isClassification() {
        return !classes().isEmpty();
    }

    /** The model file's SHA-256 (hex): what executors cache the loaded model by. */
    public String modelSha256() {
        return sha256;
    }

    /** The model file's bytes; a copy. */
    public byte[] modelFile() {
        return file.clone();
    }

    /**
     * The output schema: {@code schema} with the prediction column and, for classification with a probability column
     * name, the probability column appended.
     *
     * @throws IllegalArgumentException if a column the model reads is missing or of a type its kind does not take
     *                                  (naming the column, its type and the types it takes), or an output column
     *                                  already exists
     */
    @Override
    public StructType transformSchema(StructType schema) {
        InputTypes.check(schema, model().schema());
        List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
        fields.add(DataTypes.createStructField(unused(schema, getPredictionCol()),
                isClassification() ? DataTypes.StringType : DataTypes.DoubleType, false));
        if (writesProbability()) {
            Attribute[] attrs = classes().stream().map(c -> NumericAttribute.defaultAttr().withName(c)).toArray(Attribute[]::new);
            fields.add(new AttributeGroup(unused(schema, getProbabilityCol()), attrs).toStructField());
        }
        if (writesProbability() && getProbabilityCol().equals(getPredictionCol())) {
            throw new IllegalArgumentException("probabilityCol and predictionCol must differ, but both are '"
                    + getPredictionCol() + "'");
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * The rows of {@code dataset}, in order, with the prediction (and probability) columns appended. Lazy, as every
     * Spark transformation: the rows are scored when the result is computed.
     *
     * @throws IllegalArgumentException as {@link #transformSchema}; a row the model cannot read (text in a numeric
     *                                  column, an infinite number) fails its task naming the partition, the rows and
     *                                  the column
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Dataset<Row> rows = dataset.toDF();
        StructType out = transformSchema(rows.schema());
        int[] indexes = InputTypes.check(rows.schema(), model().schema());
        boolean engine = ENGINE.equals(scorerInUse());
        List<String> columns = model().schema().usedColumns();
        if (engine) {
            engineModel();   // fails here, on the driver, if a learner of the file is not on the class path
            columns = engineColumns(rows.schema());
            indexes = columns.stream().mapToInt(c -> Arrays.asList(rows.schema().fieldNames()).indexOf(c)).toArray();
        }
        Broadcast<byte[]> file = broadcast(rows.sparkSession());
        int batch = (Integer) getOrDefault(batchRows);
        if (rows instanceof org.apache.spark.sql.classic.Dataset<Row> classic && !rows.isStreaming()) {
            // Spark's internal rows: only the model's columns read, the input rows passed through as they are
            StructField[] read = Arrays.stream(indexes).mapToObj(i -> rows.schema().fields()[i]).toArray(StructField[]::new);
            BatchScorers scorers = new BatchScorers(file, sha256, engine, new StructType(read), columns,
                    IntStream.range(0, read.length).toArray());
            RDD<InternalRow> scored = classic.queryExecution().toRdd().toJavaRDD().mapPartitions(new InternalPartitionScorer(
                    scorers, indexes, isClassification(), writesProbability(), batch)).rdd();
            return classic.sparkSession().internalCreateDataFrame(scored, out, false);
        }
        PartitionScorer partitions = new PartitionScorer(new BatchScorers(file, sha256, engine, rows.schema(), columns,
                indexes), isClassification(), writesProbability(), batch);
        Dataset<Row> scored = rows.mapPartitions(partitions, Encoders.row(out));
        // The row encoder drops column metadata: put back the class names of the probability vector's elements.
        return writesProbability() ? scored.withMetadata(getProbabilityCol(), out.apply(getProbabilityCol()).metadata()) : scored;
    }

    /** A copy with the same model and params, and {@code extra} params set. */
    @Override
    public AutoMlTransformer copy(ParamMap extra) {
        return copyValues(new AutoMlTransformer(uid, file), extra);
    }

    /** A writer that saves the params and the model file under a directory, as Spark ML stages are saved. */
    @Override
    public MLWriter write() {
        return new AutoMlTransformerWriter(this);
    }

    /** The reader of a saved transformer: what Spark's {@code PipelineModel.load} calls for this stage. */
    public static MLReader<AutoMlTransformer> read() {
        return new AutoMlTransformerReader();
    }

    /**
     * The transformer saved at {@code path} by {@link #write()} (a directory on any Hadoop file system).
     *
     * @throws ModelFileException if the saved model file is damaged
     */
    public static AutoMlTransformer load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "AutoMlTransformer[" + uid + ", " + model() + "]";
    }

    private boolean writesProbability() {
        return isClassification() && !getProbabilityCol().isEmpty();
    }

    private static String unused(StructType schema, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("predictionCol must be a column name, but was empty");
        }
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("output column '" + name + "' already exists in the input; set another "
                    + "name with setPredictionCol or setProbabilityCol");
        }
        return name;
    }

    // The engine's table holds every column the model was fitted on that the rows have (it may read more than the
    // scoring library's used columns), except those of a type no table column can hold, which it cannot read either.
    private List<String> engineColumns(StructType schema) {
        List<String> out = new ArrayList<>();
        for (automl4j.scoring.InputColumn c : model().schema().columns()) {
            int i = Arrays.asList(schema.fieldNames()).indexOf(c.name());
            if (i >= 0 && (c.used() || InputTypes.isAtomic(schema.fields()[i].dataType()))) {
                out.add(c.name());
            }
        }
        return out;
    }

    // AUTO: the engine where it scores faster (large native tree ensembles) and loads here; a load failure (a learner
    // or the featurizers missing from the class path) only means the scoring library, which reads every model.
    private synchronized boolean autoEngine() {
        if (autoEngine == null) {
            boolean engine = ScorerChoice.engineFaster(file, metadata());
            if (engine) {
                try {
                    engineModel();
                } catch (RuntimeException | LinkageError e) {
                    engine = false;
                }
            }
            autoEngine = engine;
        }
        return autoEngine;
    }

    private synchronized automl4j.AutoMlModel engineModel() {
        if (engineModel == null) {
            engineModel = ModelCache.borrowEngine(sha256, () -> file);
            ModelCache.giveBack(sha256, engineModel);   // lent to local tasks too: the driver only reads it
        }
        return engineModel;
    }

    private synchronized ScoringModel model() {
        if (model == null) {   // after Java deserialization
            model = ScoringModel.load(new ByteArrayInputStream(file), "model " + sha256.substring(0, 12));
        }
        return model;
    }

    private synchronized Broadcast<byte[]> broadcast(SparkSession spark) {
        if (broadcast == null || broadcastContext != spark.sparkContext()) {
            broadcastContext = spark.sparkContext();
            broadcast = broadcastContext.broadcast(file, ClassTag$.MODULE$.apply(byte[].class));
        }
        return broadcast;
    }
}
