package automl4j.featurizers;

import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.data.Cells;
import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FeaturizationReport;
import automl4j.featurize.Featurizer;
import automl4j.featurize.FittedTransform;
import automl4j.featurize.Guardrail;
import automl4j.space.ChoiceParam;
import automl4j.space.Param;
import automl4j.space.SearchSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The default featurizer ({@code tabular}). Per input column, from the training rows only: the kind
 * ({@link KindDetector}, or the user's override), then an encoder: {@link NumericEncoder} (imputation, missing
 * indicator, scaling), {@link BooleanEncoder}, {@link OneHotEncoder} (rare categories grouped),
 * {@link TargetEncoder} / {@link FrequencyEncoder} / {@link HashedCategoryEncoder} for high cardinality,
 * {@link DateEncoder} and {@link TfidfEncoder}. ID-like, constant and all-missing columns are dropped. It also runs the
 * data guardrails ({@link DataGuardrails}), including target-leakage detection ({@link LeakageDetector}), and drops
 * suspected leaks when the options say so. Columns are fitted in parallel. Immutable.
 */
public final class TabularFeaturizer implements Featurizer {
    static final ObjectMapper JSON = new ObjectMapper();

    private final FeaturizerOptions options;
    private final FitAllowance allowance;

    /** The featurizer with default options. */
    public TabularFeaturizer() {
        this(FeaturizerOptions.defaults());
    }

    /** The featurizer with the given options. */
    public TabularFeaturizer(FeaturizerOptions options) {
        this(options, FitAllowance.UNLIMITED);
    }

    private TabularFeaturizer(FeaturizerOptions options, FitAllowance allowance) {
        this.options = Objects.requireNonNull(options, "options");
        this.allowance = allowance;
    }

    /**
     * {@inheritDoc} This one fits each text column's vocabulary on a sample of the documents and checks a smaller
     * sample of rows for leakage when the allowance is short for the data ({@link FitAllowance}).
     */
    @Override
    public Featurizer withTimeAllowance(double seconds) {
        return new TabularFeaturizer(options, FitAllowance.of(seconds));
    }

    /** Its options. */
    public FeaturizerOptions options() {
        return options;
    }

    @Override
    public String id() {
        return "tabular";
    }

    /** Every option, as {@link FeaturizerOptions#settings()} names them. */
    @Override
    public Map<String, String> settings() {
        return options.settings();
    }

    /** Name of the searched low-cardinality encoding. */
    public static final String CATEGORICAL_CHOICE = "featurize.categorical";
    /**
     * Most classes for which target encoding of low-cardinality columns is searched: it writes a feature per class
     * per column, which with many classes slows every trial more than it can help (soybean, 19 classes: 35 columns
     * became 700 features).
     */
    public static final int TARGET_CHOICE_MAX_CLASSES = 5;

    /** Name of the searched imputation of numbers. */
    public static final String IMPUTATION_CHOICE = "featurize.imputation";

    /**
     * {@inheritDoc} With {@link FeaturizerOptions#search()}: one-hot or target encoding when the data has categorical
     * columns (and the target at most {@value #TARGET_CHOICE_MAX_CLASSES} classes), and median or mean imputation when
     * a numeric column has missing values. Trees often split better on a target-encoded column than on its one-hot
     * pieces, linear models the other way round, so the search finds out.
     */
    @Override
    public SearchSpace space(FeaturizationReport fitted, Target target) {
        List<Param> params = new ArrayList<>();
        if (options.search()) {
            boolean fewClasses = !(target.task() instanceof Classification c && !c.isBinary())
                    || target.numClasses() <= TARGET_CHOICE_MAX_CLASSES;
            if (fewClasses && fitted.kinds().containsValue(ColumnKind.CATEGORICAL.label())) {
                params.add(new ChoiceParam(CATEGORICAL_CHOICE, List.of(FeaturizerOptions.LowCardinalityEncoding.ONE_HOT.label(),
                        FeaturizerOptions.LowCardinalityEncoding.TARGET.label())));
            }
            boolean missingNumbers = fitted.guardrails().stream().anyMatch(g -> g.check().equals("missing-values")
                    && g.columns().stream().anyMatch(c -> ColumnKind.NUMERIC.label().equals(fitted.kinds().get(c))));
            if (missingNumbers) {
                params.add(new ChoiceParam(IMPUTATION_CHOICE, List.of(FeaturizerOptions.Imputation.MEDIAN.label(),
                        FeaturizerOptions.Imputation.MEAN.label())));
            }
        }
        return new SearchSpace(params);
    }

    @Override
    public Map<String, Object> defaultChoices(SearchSpace space) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : space.names()) {
            out.put(name, name.equals(CATEGORICAL_CHOICE) ? options.lowCardinality().label() : options.imputation().label());
        }
        return out;
    }

    @Override
    public Featurizer configured(Map<String, Object> choices) {
        FeaturizerOptions.Builder b = options.toBuilder();
        choices.forEach((name, value) -> {
            String v = String.valueOf(value);
            switch (name) {
                case CATEGORICAL_CHOICE -> b.lowCardinality(v.equals("target") ? FeaturizerOptions.LowCardinalityEncoding.TARGET
                        : FeaturizerOptions.LowCardinalityEncoding.ONE_HOT);
                case IMPUTATION_CHOICE -> b.imputation(v.equals("mean") ? FeaturizerOptions.Imputation.MEAN
                        : FeaturizerOptions.Imputation.MEDIAN);
                default -> throw new IllegalArgumentException("unknown featurizer choice '" + name + "'");
            }
        });
        return choices.isEmpty() ? this : new TabularFeaturizer(b.build(), allowance);
    }

    private record Fitted(DataGuardrails.ColumnFacts facts, ColumnEncoder encoder, String problem) {
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException   if a kind override names a column that is not in the table, if no column is left to
     *                          encode, or if a cell cannot be read as its column's kind
     * @throws ConfigException if a kind override names the target (key {@code featurize.kinds})
     */
    @Override
    public FittedTransform fit(Table table, int[] rows, Target target, double[] labels) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a featurizer on zero rows");
        }
        for (String name : options.kinds().keySet()) {
            if (!table.columnNames().contains(name)) {
                throw new DataException("a column kind is given for '" + name + "', which is not in the table; "
                        + "columns are " + table.columnNames());
            }
            if (name.equals(target.name())) {
                throw new ConfigException("featurize.kinds", "a column kind is given for '" + name + "', which is the target");
            }
        }
        List<String> inputs = new ArrayList<>();
        for (String name : table.columnNames()) {
            if (!name.equals(target.name())) {
                inputs.add(name);
            }
        }
        CodedColumn[] coded = new CodedColumn[inputs.size() + 1];
        Parallel.forEach(IntStream.range(0, coded.length).parallel(), i ->
                coded[i] = CodedColumn.of(table.column(i < inputs.size() ? inputs.get(i) : target.name()), rows));
        Fitted[] fitted = new Fitted[inputs.size()];
        Parallel.forEach(IntStream.range(0, inputs.size()).parallel(), i -> fitted[i] = fitColumn(table, coded[i], target, labels));
        List<ColumnEncoder> encoders = new ArrayList<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<DataGuardrails.ColumnFacts> facts = new ArrayList<>();
        for (Fitted f : fitted) {
            kinds.put(f.facts().name(), f.facts().kind().label());
            facts.add(f.facts());
            if (f.encoder() != null) {
                encoders.add(f.encoder());
            }
            if (f.problem() != null) {
                problems.add(f.problem());
            }
        }
        if (encoders.isEmpty()) {
            throw new DataException("no usable feature column: every input column was dropped (" + kinds + ")");
        }
        List<Guardrail> guardrails = DataGuardrails.check(facts, rows.length, DataGuardrails.duplicateRows(List.of(coded)), options);
        return new FittedTabularTransform(inputs, encoders, new FeaturizationReport(kinds, problems, guardrails));
    }

    private Fitted fitColumn(Table table, CodedColumn typed, Target target, double[] labels) {
        Column<?> column = typed.column;
        int[] rows = typed.tableRows;
        String name = column.name();
        ColumnKind kind = options.kinds().containsKey(name) ? options.kinds().get(name) : KindDetector.detect(typed, options.oneHotMax());
        // Numbers declared categories (or booleans, dates) are encoded by their text: without codes the encoders saw no
        // levels and the column silently gave no features.
        CodedColumn coded = switch (kind) {
            case BOOLEAN, CATEGORICAL, HIGH_CARDINALITY, DATETIME -> typed.asText();
            default -> typed;   // numbers stay numbers; a dropped column (an ID) is not coded twice
        };
        boolean declared = options.kinds().containsKey(name);
        NumberCells.Examples nonNumeric = kind == ColumnKind.NUMERIC && !declared ? NumberCells.nonNumeric(coded)
                : new NumberCells.Examples(0, "");
        String decimalComma = !declared && kind != ColumnKind.NUMERIC && kind != ColumnKind.ALL_MISSING
                ? NumberCells.decimalComma(coded) : null;
        String mostlyNumeric = !declared && decimalComma == null && kind.isKept() && kind != ColumnKind.NUMERIC
                ? NumberCells.mostlyNumeric(coded) : null;
        int missing = coded.missing + nonNumeric.count();
        int distinct = coded.distinct();
        String datePattern = kind == ColumnKind.DATETIME ? KindDetector.datePattern(column, rows) : null;
        int leakageRows = allowance.leakageRows(rows.length);
        double leakage = kind.isKept() && kind != ColumnKind.TEXT
                ? LeakageDetector.score(coded, kind, datePattern, target, labels, leakageRows) : Double.NaN;
        List<String> cuts = new ArrayList<>();
        if (!Double.isNaN(leakage) && leakageRows < Math.min(rows.length, LeakageDetector.SAMPLE)) {
            cuts.add(String.format(Locale.ROOT, "column '%s': the leakage check used %d of %d rows to fit the time budget",
                    name, leakageRows, rows.length));
        }
        boolean leak = leakage >= LeakageDetector.THRESHOLD;
        boolean drop = !kind.isKept() || (leak && options.leakage() == FeaturizerOptions.LeakagePolicy.DROP);
        DataGuardrails.ColumnFacts facts = new DataGuardrails.ColumnFacts(name, kind, missing, distinct, leakage, drop,
                nonNumeric, decimalComma, mostlyNumeric);
        if (drop) {
            return new Fitted(facts, null, "column '" + name + "' " + switch (kind) {
                case ID_LIKE -> "looks like an ID (unique values or increasing integers); dropped";
                case CONSTANT -> "has a single value; dropped";
                case ALL_MISSING -> "has only missing values; dropped";
                default -> String.format(Locale.ROOT, "predicts the target almost perfectly on its own (%.4f); dropped as "
                        + "suspected leakage", leakage);
            });
        }
        if (kind == ColumnKind.NUMERIC && options.kinds().containsKey(name)) {
            requireNumbers(column, rows);
        }
        ColumnEncoder encoder = switch (kind) {
            // A column detected numeric from text reads a non-number as missing: in training (the few cells the
            // non-numeric-cells guardrail names), in validation rows a fold's training rows did not show, and in
            // prediction (with a warning). A column declared numeric keeps refusing them.
            case NUMERIC -> NumericEncoder.fit(coded, options.imputation(), options.scaling(), !declared && !coded.isTypedNumeric());
            case BOOLEAN -> BooleanEncoder.fit(coded);
            case CATEGORICAL -> options.lowCardinality() == FeaturizerOptions.LowCardinalityEncoding.TARGET
                    ? TargetEncoder.fit(table, coded, target, labels, options.targetEncodingFolds())
                    : OneHotEncoder.fit(coded, options.rareMinCount());
            case HIGH_CARDINALITY -> switch (options.highCardinality()) {
                case TARGET -> TargetEncoder.fit(table, coded, target, labels, options.targetEncodingFolds());
                case FREQUENCY -> FrequencyEncoder.fit(coded);
                case HASHING -> new HashedCategoryEncoder(name);
            };
            case DATETIME -> DateEncoder.fit(coded, datePattern);
            case TEXT -> {
                TextPlan plan = allowance.textPlan(column, rows, options);
                String chosen = plan.describe(name, options, allowance.seconds());
                if (chosen != null) {
                    cuts.add(chosen);
                }
                yield TfidfEncoder.fit(column, allowance.vocabularyDocuments(column, rows), plan.words(), plan.bigrams(),
                        options.textChars());
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        };
        String problem = leak ? String.format(Locale.ROOT, "column '%s' predicts the target almost perfectly on its own "
                + "(%.4f); kept, check it is not recorded after the outcome", name, leakage)
                : missingProblem(name, kind, missing, rows.length);
        if (!cuts.isEmpty()) {
            cuts.add(0, problem);
            problem = String.join("; ", cuts.stream().filter(Objects::nonNull).toList());
        }
        return new Fitted(facts, encoder, problem);
    }

    private static void requireNumbers(Column<?> column, int[] rows) {
        for (int r : rows) {
            String s = Cells.text(column, r);
            if (s != null && Double.isNaN(Cells.number(column, r))) {
                throw new DataException("column '" + column.name() + "' is declared numeric, but row " + (r + 1)
                        + " holds '" + s + "'");
            }
        }
    }

    private static String missingProblem(String name, ColumnKind kind, int missing, int rows) {
        if (missing == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "column '%s' has %d missing values (%.1f%%); %s", name, missing, 100.0 * missing / rows,
                switch (kind) {
                    case NUMERIC -> "imputed, missing indicator added";
                    case TEXT -> "missing text reads as empty";
                    case DATETIME, BOOLEAN -> "missing indicator added";
                    default -> "missing kept as its own category";
                });
    }

    @Override
    public FittedTransform load(byte[] exported) {
        try {
            JsonNode root = JSON.readTree(exported);
            int version = root.path("version").asInt();
            if (!"tabular".equals(root.path("featurizer").asText()) || version < 1 || version > FittedTabularTransform.VERSION) {
                throw new IllegalArgumentException("featurizer entry is not a 'tabular' featurizer of version 1 to "
                        + FittedTabularTransform.VERSION);
            }
            List<String> inputs = new ArrayList<>();
            root.path("inputs").forEach(n -> inputs.add(n.asText()));
            List<ColumnEncoder> encoders = new ArrayList<>();
            for (JsonNode n : root.path("encoders")) {
                String type = n.path("encoder").asText();
                encoders.add(switch (type) {
                    case "numeric" -> NumericEncoder.fromJson(n);
                    case "boolean" -> BooleanEncoder.fromJson(n);
                    case "one-hot" -> OneHotEncoder.fromJson(n);
                    case "frequency" -> FrequencyEncoder.fromJson(n);
                    case "target" -> TargetEncoder.fromJson(n);
                    case "hashed-category" -> HashedCategoryEncoder.fromJson(n);
                    case "date" -> DateEncoder.fromJson(n);
                    case "tfidf" -> TfidfEncoder.fromJson(n);
                    case "hashed-text" -> HashedTextEncoder.fromJson(n);
                    default -> throw new IllegalArgumentException("unknown encoder '" + type + "' in featurizer entry");
                });
            }
            Map<String, String> kinds = new LinkedHashMap<>();
            root.path("kinds").properties().forEach(e -> kinds.put(e.getKey(), e.getValue().asText()));
            List<String> problems = new ArrayList<>();
            root.path("problems").forEach(n -> problems.add(n.asText()));
            List<Guardrail> guardrails = new ArrayList<>();
            root.path("guardrails").forEach(n -> guardrails.add(Guardrail.fromJson(n)));
            return new FittedTabularTransform(inputs, encoders, new FeaturizationReport(kinds, problems, guardrails));
        } catch (IOException e) {
            throw new UncheckedIOException("featurizer entry is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
