package automl4j.scoring;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An exported AutoML4J model ({@code model.automl}, every format version) loaded for scoring without the engine: it
 * predicts one row given as a map of column name to cell, or a batch of rows, exactly as the engine's
 * {@code AutoMlModel} predicts them, to the last bit. Immutable and thread-safe: one instance may serve every thread.
 *
 * <p>A row's cells are what a CSV or a typed table holds: a {@code String} (a text cell, as read from CSV), a number
 * ({@code Double}, {@code Float}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte}), a {@code Boolean}, or
 * null for a missing value (an empty string and NaN are missing too). The row must hold a key for every column the
 * model reads ({@link InputSchema#usedColumns()}); other keys are ignored.
 *
 * <pre>{@code
 * ScoringModel model = ScoringModel.load(Path.of("model.automl"));
 * Prediction p = model.predict(Map.of("age", 41, "plan", "basic", "monthly_fee", 29.5));
 * String label = p.label();
 * double yes = p.probability("yes");
 * }</pre>
 */
public final class ScoringModel {
    /**
     * Rows featurized and predicted together in a batch: enough for an evaluator to amortize a pass over its trees,
     * few enough that a batch of millions of rows does not hold all its features at once.
     */
    private static final int CHUNK = 1024;

    private final ModelMetadata metadata;
    private final InputSchema schema;
    private final List<TabularTransform> transforms;
    private final int[] memberTransform;
    private final List<MemberModel> members;
    private final Combiner combiner;
    private final List<String> classes;
    private final int width;
    private final double threshold;          // NaN: the most probable class
    private final List<String> usedColumns;

    private ScoringModel(ModelFile file, String name) throws ModelFileException {
        Manifest m = file.manifest();
        this.classes = m.target().task().equals("regression") ? List.of() : m.target().classes();
        this.width = classes.isEmpty() ? 1 : classes.size();
        this.transforms = new ArrayList<>();
        List<byte[]> featurizerJson = new ArrayList<>();
        boolean[] sparse = new boolean[m.featurizers().size()];
        for (int i = 0; i < m.featurizers().size(); i++) {
            TabularTransform t = file.transform(i);
            transforms.add(t);
            featurizerJson.add(file.featurizer(i));
            sparse[i] = t.sparse();
        }
        this.memberTransform = new int[m.members().size()];
        this.members = new ArrayList<>();
        double[] weights = new double[m.members().size()];
        List<ModelMetadata.Member> described = new ArrayList<>();
        for (int k = 0; k < m.members().size(); k++) {
            Manifest.Member member = m.members().get(k);
            memberTransform[k] = member.featurizer();
            weights[k] = member.weight();
            TabularTransform t = transforms.get(member.featurizer());
            MemberPayload payload = new MemberPayload(member, file.payload(k), m.target(), t.featureNames(), sparse[member.featurizer()]);
            try {
                members.add(MemberModels.load(payload));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ModelFileException(name, member.entry() + " (" + member.learner() + ")", ModelFileReader.problem(e), e);
            }
            described.add(new ModelMetadata.Member(member.learner(), member.weight()));
        }
        this.combiner = new Combiner(weights, m.stack().orElse(null), width);
        this.threshold = m.decision().map(Manifest.Decision::threshold).orElse(Double.NaN);
        this.schema = InputSchema.of(featurizerJson);
        Set<String> used = new LinkedHashSet<>();
        transforms.forEach(t -> used.addAll(t.usedColumns()));
        this.usedColumns = List.copyOf(used);
        this.metadata = new ModelMetadata(m.formatVersion(), m.automl4jVersion(), m.target().name(), m.target().task(),
                classes, described, m.stack().isPresent(),
                Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold), m.info());
    }

    /**
     * Loads and checks the model file at {@code path}.
     *
     * @throws ModelFileException if the file is missing, unreadable, damaged, of a format version this module does not
     *                            read, or holds a model this module cannot evaluate; the message names the file, the
     *                            entry and what is wrong
     */
    public static ScoringModel load(Path path) throws ModelFileException {
        return new ScoringModel(ModelFile.read(path), path.toString());
    }

    /**
     * Loads and checks a model file from {@code in}, which is read to the end and not closed.
     *
     * @throws ModelFileException as {@link #load(Path)}; the message calls the file "stream"
     */
    public static ScoringModel load(InputStream in) throws ModelFileException {
        return load(in, "stream");
    }

    /**
     * Loads and checks a model file from {@code in}, which is read to the end and not closed.
     *
     * @param name what to call the file in messages, such as its URL or resource name
     * @throws ModelFileException as {@link #load(Path)}
     */
    public static ScoringModel load(InputStream in, String name) throws ModelFileException {
        return new ScoringModel(ModelFile.read(in, name), name);
    }

    /**
     * The prediction of one row.
     *
     * @throws IllegalArgumentException if the row lacks a column the model reads, or a cell has a type the model cannot
     *                                  read (text in a column that was numeric in training, an infinite number, an
     *                                  object that is not a String, number or Boolean), naming the column
     */
    public Prediction predict(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        requireColumns(row.keySet());
        return predictChecked(row);
    }

    /**
     * The predictions of rows, in order.
     *
     * @throws IllegalArgumentException as {@link #predict(Map)}, the message starting with the row's index
     *                                  ({@code row 3: ...}, counting from 0)
     */
    public BatchPredictions predictRows(List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "rows");
        Prediction[] out = new Prediction[rows.size()];
        for (int start = 0; start < out.length; start += CHUNK) {
            predictChunk(rows.subList(start, Math.min(out.length, start + CHUNK)), true, start, out);
        }
        return new BatchPredictions(out);
    }

    /**
     * The predictions of rows given column by column: every list holds one cell per row, in row order, and all have
     * the same length. Columns the model does not read may be given and are ignored.
     *
     * @throws IllegalArgumentException if a column the model reads is absent, the lists differ in length, or a cell
     *                                  cannot be read, naming the row and the column
     */
    public BatchPredictions predictColumns(Map<String, ? extends List<?>> columns) {
        Objects.requireNonNull(columns, "columns");
        requireColumns(columns.keySet());
        int n = -1;
        for (String c : usedColumns) {
            int size = Objects.requireNonNull(columns.get(c), () -> "column '" + c + "' is null").size();
            if (n >= 0 && size != n) {
                throw new IllegalArgumentException("column '" + c + "' has " + size + " cells, but column '" + usedColumns.get(0)
                        + "' has " + n + "; every column needs one cell per row");
            }
            n = size;
        }
        n = Math.max(n, 0);
        Prediction[] out = new Prediction[n];
        ColumnRows rows = new ColumnRows(usedColumns, columns, n);
        for (int start = 0; start < n; start += CHUNK) {
            predictChunk(rows.subList(start, Math.min(n, start + CHUNK)), false, start, out);
        }
        return new BatchPredictions(out);
    }

    /** The columns the model was fitted on, their kinds and categories. */
    public InputSchema schema() {
        return schema;
    }

    /** What the model file says about the model. */
    public ModelMetadata metadata() {
        return metadata;
    }

    private void requireColumns(Set<String> given) {
        List<String> missing = usedColumns.stream().filter(c -> !given.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("input columns " + missing + " are missing from the row; the model needs "
                    + usedColumns + " (a missing value is a null cell, not an absent key)");
        }
    }

    private Prediction predictChecked(Map<String, ?> row) {
        float[][] features = new float[transforms.size()][];
        double[][] flat = new double[members.size()][];
        for (int k = 0; k < flat.length; k++) {
            int t = memberTransform[k];
            if (features[t] == null) {
                features[t] = transforms.get(t).transform(row);
            }
            flat[k] = checkedWidth(k, members.get(k).predict(features[t]));
        }
        return prediction(flat);
    }

    /**
     * Predicts {@code rows}, the batch's rows {@code first} on, into {@code out}: every row checked ({@code check}: for
     * the model's columns) and featurized first, then each member called once on all of them, then each row's
     * predictions combined. The numbers are those of {@link #predictChecked}, row by row; only the order of the work
     * differs. A bad row is named as before, since each row is checked and featurized before the next; only a member's
     * refusal of a row (a LIBLINEAR model given NaN) now comes after every row's featurizing.
     */
    private void predictChunk(List<? extends Map<String, ?>> rows, boolean check, int first, Prediction[] out) {
        int n = rows.size();
        float[][][] features = new float[transforms.size()][][];
        for (int k = 0; k < members.size(); k++) {
            if (features[memberTransform[k]] == null) {
                features[memberTransform[k]] = new float[n][];
            }
        }
        for (int i = 0; i < n; i++) {
            Map<String, ?> row = rows.get(i);
            try {
                if (check) {
                    Objects.requireNonNull(row, "row");
                    requireColumns(row.keySet());
                }
                for (int k = 0; k < members.size(); k++) {
                    float[][] x = features[memberTransform[k]];
                    if (x[i] == null) {
                        x[i] = transforms.get(memberTransform[k]).transform(row);
                    }
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("row " + (first + i) + ": " + e.getMessage(), e);
            }
        }
        double[][][] byMember = new double[members.size()][][];
        for (int k = 0; k < byMember.length; k++) {
            float[][] x = features[memberTransform[k]];
            try {
                byMember[k] = members.get(k).predict(x);
            } catch (IllegalArgumentException e) {
                // Some row failed: find the first, as predicting row by row would have, to name it.
                for (int i = 0; i < n; i++) {
                    try {
                        members.get(k).predict(x[i]);
                    } catch (IllegalArgumentException rowError) {
                        throw new IllegalArgumentException("row " + (first + i) + ": " + rowError.getMessage(), rowError);
                    }
                }
                throw e;
            }
        }
        double[][] flat = new double[members.size()][];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < flat.length; k++) {
                flat[k] = checkedWidth(k, byMember[k][i]);
            }
            out[first + i] = prediction(flat);
        }
    }

    private double[] checkedWidth(int member, double[] flat) {
        if (flat.length != width) {
            throw new IllegalStateException("member " + member + " (" + metadata.members().get(member).learner() + ") predicted "
                    + flat.length + " numbers for a " + metadata.task() + " target of width " + width);
        }
        return flat;
    }

    private Prediction prediction(double[][] flat) {
        double[] p = combiner.combine(flat);
        if (classes.isEmpty()) {
            return Prediction.ofValue(p[0]);
        }
        double[] probabilities = p == flat[0] ? p.clone() : p;
        return Prediction.ofProbabilities(classes, probabilities, labelIndex(probabilities));
    }

    private int labelIndex(double[] p) {
        if (!Double.isNaN(threshold)) {
            return p[1] >= threshold ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "ScoringModel[" + metadata.task() + " '" + metadata.target() + "', "
                + metadata.members().stream().map(ModelMetadata.Member::learner).toList() + "]";
    }
}
