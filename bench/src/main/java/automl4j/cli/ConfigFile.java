package automl4j.cli;

import automl4j.data.TaskType;
import automl4j.datasets.DataFormatException;
import automl4j.datasets.ReadOptions;
import automl4j.featurizers.ColumnKind;
import automl4j.featurizers.FeaturizerOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes run config files (YAML). Every key is documented in the README; unknown keys are errors with the
 * nearest known key suggested; duplicate keys are errors; types are checked strictly (2.5 is not an integer).
 */
final class ConfigFile {
    /** Every key with its documentation, in the order of the effective config. */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("data.train", "training data file, CSV or ARFF (required; relative to the config file)");
        KEYS.put("data.target", "name of the target column (required)");
        KEYS.put("data.task", "binary, multiclass or regression (default: inferred from the target)");
        KEYS.put("data.separator", "field separator of a CSV file, one character such as \";\" or \"\\t\" (default \",\"; a "
                + "header with no comma but a ';', a tab or a '|' is then refused with a hint)");
        KEYS.put("data.missing_values", "list of cell texts read as missing in every column, e.g. [NA, \"?\"] (default []: "
                + "only an empty field is missing)");
        KEYS.put("data.infinity", "error or missing: an infinite number (Infinity, -inf, 1e400) in a numeric column stops "
                + "the run naming the file, row and column, or is read as a missing value (default error)");
        KEYS.put("data.decimal", "decimal mark of numbers, \".\" or \",\" (\",\" reads cells such as 0,1 as 0.1; default \".\")");
        KEYS.put("metric", "auc, logloss, accuracy, rmse or r2 (default: auc, logloss or rmse by task)");
        KEYS.put("budget.seconds", "wall-clock budget of the whole run in seconds, > 0 (default 60)");
        KEYS.put("budget.max_trials", "most trials, >= 1 (default: no limit)");
        KEYS.put("search.learners", "list of learner ids to search over (default: all)");
        KEYS.put("search.searcher", "random, tpe, gp, genetic or hybrid (default tpe)");
        KEYS.put("search.seed", "run seed, a 64-bit integer (default 0)");
        KEYS.put("search.pruning", "true stops a cross-validated trial after its first split when it is in the worst "
                + "quarter of the earlier trials there, or after its second when in the worse half (default true)");
        KEYS.put("search.portfolio", "true tries the built-in portfolio of configs first (default true)");
        KEYS.put("search.ensemble_rounds", "rounds of greedy ensemble selection over the best trials, 0 to 10000; the ensemble is "
                + "exported if it validates better than every single trial; 0 exports the best single trial (default 50)");
        KEYS.put("cores", "cores to use, from 1 to 4 times the available processors (default: all available)");
        KEYS.put("isolation", "in_process, native_in_workers, guarded or workers: which trials run in worker processes "
                + "(default guarded: learners with native code or whose fits cannot stop at a deadline)");
        KEYS.put("gpus", "auto uses the NVIDIA GPUs nvidia-smi lists for XGBoost trials (one trial per GPU, besides the CPU "
                + "slots; needs the CUDA build of XGBoost: build with -Dcuda), none keeps every trial on the CPU (default auto)");
        KEYS.put("output", "output folder (default: automl-output beside the config file)");
        KEYS.put("featurize.kinds", "mapping of column name to kind, overriding detection: numeric, boolean, categorical, "
                + "high-cardinality, datetime, text, id-like (dropped), constant (dropped)");
        KEYS.put("featurize.imputation", "missing numbers: median, mean, most-frequent or constant (default median)");
        KEYS.put("featurize.scaling", "numbers: standard, robust or none (default standard)");
        KEYS.put("featurize.high_cardinality", "categories above one_hot_max: target, frequency or hashing (default target)");
        KEYS.put("featurize.one_hot_max", "most distinct values of a one-hot column, >= 2 (default 16)");
        KEYS.put("featurize.rare_min_count", "categories seen fewer times share an 'other' feature, >= 1 (default 3)");
        KEYS.put("featurize.text_words", "word 1- and 2-gram vocabulary of each text column, >= 0 (default 10000)");
        KEYS.put("featurize.text_chars", "character 3- to 5-gram vocabulary of each text column, >= 0 (default 0: off)");
        KEYS.put("featurize.leakage", "suspected target leakage: alert (keep the column) or drop (default alert)");
        KEYS.put("featurize.search", "true lets the search choose one-hot or target encoding and median or mean imputation "
                + "per trial; false keeps the options as given (default true)");
    }

    /** Largest {@code budget.seconds}: one year, far beyond any run, and far from overflowing a count of nanoseconds. */
    static final double MAX_SECONDS = 365 * 24 * 3600;

    /**
     * Most rounds of ensemble selection: each round scans every candidate's validation predictions, and the selection
     * keeps a count per round (2,000,000,000 rounds ran out of memory, issue 14).
     */
    static final int MAX_ENSEMBLE_ROUNDS = 10_000;

    /** Most {@code cores} per available processor: far more slots than processors only starts threads and workers. */
    static final int CORES_PER_PROCESSOR = 4;

    private ConfigFile() {
    }

    static ObjectMapper yaml() {
        YAMLFactory f = YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
        return new ObjectMapper(f).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * Reads {@code file}.
     *
     * @throws UsageException naming the key and what was expected
     */
    static RunConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("config file " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = yaml().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UsageException("config file " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("config file " + file + " must be a YAML mapping with at least data.train and data.target");
        }
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
            if (!KEYS.containsKey(e.getKey())) {
                throw new UsageException(unknownKey(e.getKey(), e.getValue()));
            }
        }
        Path base = file.toAbsolutePath().getParent();
        Path train = base.resolve(text(flat, "data.train", null, true));
        String target = text(flat, "data.target", null, true);
        String taskText = text(flat, "data.task", null, false);
        TaskType task = null;
        if (taskText != null) {
            try {
                task = TaskType.parse(taskText);
            } catch (IllegalArgumentException e) {
                throw new UsageException("config key 'data.task' must be one of [binary, multiclass, regression], but was '" + taskText + "'");
            }
        }
        String metric = text(flat, "metric", null, false);
        double seconds = number(flat, "budget.seconds", 60);
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new UsageException("config key 'budget.seconds' must be > 0 and at most " + (long) MAX_SECONDS
                    + " (a year), but was " + flat.get("budget.seconds"));
        }
        int maxTrials = integer(flat, "budget.max_trials", Integer.MAX_VALUE);
        if (maxTrials < 1) {
            throw new UsageException("config key 'budget.max_trials' must be >= 1, but was " + maxTrials);
        }
        List<String> learners = new ArrayList<>();
        JsonNode l = flat.get("search.learners");
        if (l != null) {
            if (!l.isArray()) {
                throw new UsageException("config key 'search.learners' must be a list of learner ids, but was " + l);
            }
            for (JsonNode n : l) {
                if (!n.isTextual()) {
                    throw new UsageException("config key 'search.learners' must hold learner ids as text, but had " + n);
                }
                learners.add(n.asText());
            }
            if (learners.isEmpty()) {
                throw new UsageException("config key 'search.learners' must name at least one learner");
            }
        }
        String searcher = text(flat, "search.searcher", "tpe", false);
        long seed = longInteger(flat, "search.seed", 0);
        int ensembleRounds = integer(flat, "search.ensemble_rounds", automl4j.AutoMl.DEFAULT_ENSEMBLE_ROUNDS);
        boolean pruning = bool(flat, "search.pruning", true);
        boolean portfolio = bool(flat, "search.portfolio", true);
        if (ensembleRounds < 0 || ensembleRounds > MAX_ENSEMBLE_ROUNDS) {
            throw new UsageException("config key 'search.ensemble_rounds' must be from 0 to " + MAX_ENSEMBLE_ROUNDS + ", but was "
                    + ensembleRounds);
        }
        int processors = Runtime.getRuntime().availableProcessors();
        int cores = integer(flat, "cores", processors);
        if (cores < 1 || cores > CORES_PER_PROCESSOR * processors) {
            throw new UsageException("config key 'cores' must be from 1 to " + CORES_PER_PROCESSOR * processors + " ("
                    + CORES_PER_PROCESSOR + " times the " + processors + " processors of this machine), but was " + cores);
        }
        Path output = base.resolve(text(flat, "output", "automl-output", false));
        FeaturizerOptions featurize = featurize(flat);
        if (featurize.kinds().containsKey(target)) {
            throw new UsageException("config key 'featurize.kinds." + target + "': column '" + target + "' is the target "
                    + "(data.target), whose kind is set by data.task; remove it from featurize.kinds");
        }
        return new RunConfig(train, target, task, metric, seconds, maxTrials, learners, searcher, seed,
                new RunConfig.Search(ensembleRounds, pruning, portfolio, choice(flat, "isolation", automl4j.execute.Isolation.values(),
                        automl4j.execute.Isolation::label, automl4j.execute.Isolation.GUARDED),
                        choice(flat, "gpus", new String[] {"auto", "none"}, s -> s, "auto").equals("auto")), cores, output,
                featurize, readOptions(flat));
    }

    /** The data.* keys that say how the CSV file is read. */
    private static ReadOptions readOptions(Map<String, JsonNode> flat) {
        Character separator = null;
        String sep = text(flat, "data.separator", null, false);
        if (sep != null) {
            if (sep.equals("\\t")) {
                sep = "\t";   // '\t' in single quotes, which YAML keeps as two characters
            }
            if (sep.length() != 1 || sep.equals("\"") || sep.equals("\n") || sep.equals("\r")) {
                throw new UsageException("config key 'data.separator' must be one character other than a quote or a line "
                        + "break, such as \";\" or \"\\t\", but was '" + sep + "'");
            }
            separator = sep.charAt(0);
        }
        List<String> missing = new ArrayList<>();
        JsonNode m = flat.get("data.missing_values");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) {
                throw new UsageException("config key 'data.missing_values' must be a list of cell texts such as [NA, \"?\"], but was " + m);
            }
            for (JsonNode n : m) {
                if (!n.isValueNode() || n.isNull() || n.asText().isEmpty()) {
                    throw new UsageException("config key 'data.missing_values' must hold non-empty cell texts (an empty field is "
                            + "always missing), but had " + n);
                }
                missing.add(n.asText());
            }
        }
        boolean infinityAsMissing = choice(flat, "data.infinity", new String[] {"error", "missing"}, s -> s, "error").equals("missing");
        char decimal = choice(flat, "data.decimal", new String[] {".", ","}, s -> s, ".").charAt(0);
        return new ReadOptions(separator, missing, infinityAsMissing, decimal);
    }

    /**
     * Checks the config against the columns of the data it reads: a {@code featurize.kinds} entry must name a column.
     *
     * @throws DataFormatException naming the config key and the table's columns (exit code 3: it depends on the data)
     */
    static void checkColumns(RunConfig c, tech.tablesaw.api.Table table) {
        for (String name : c.featurize().kinds().keySet()) {
            if (!table.columnNames().contains(name)) {
                throw new DataFormatException("config key 'featurize.kinds." + name + "': a column kind is given for '" + name
                        + "', which is not in the table " + c.train().getFileName() + "; columns are " + table.columnNames());
            }
        }
    }

    private static String unknownKey(String key, JsonNode value) {
        String section = key + ".";
        List<String> inside = KEYS.keySet().stream().filter(k -> k.startsWith(section)).map(k -> k.substring(section.length())).toList();
        if (!inside.isEmpty()) {
            return "config key '" + key + "' must be a mapping with the keys " + inside + ", but was " + value;
        }
        String near = nearest(key);
        if (distance(key, near) > Math.max(2, key.length() / 2)) {
            return "config key '" + key + "' is unknown; automl run --help lists every key";
        }
        return "config key '" + key + "' is unknown; did you mean '" + near + "'?";
    }

    private static FeaturizerOptions featurize(Map<String, JsonNode> flat) {
        FeaturizerOptions.Builder b = FeaturizerOptions.builder();
        JsonNode kinds = flat.get("featurize.kinds");
        if (kinds != null && !kinds.isNull()) {
            if (!kinds.isObject()) {
                throw new UsageException("config key 'featurize.kinds' must map column names to kinds, but was " + kinds);
            }
            for (Map.Entry<String, JsonNode> e : kinds.properties()) {
                try {
                    b.kind(e.getKey(), ColumnKind.fromLabel(e.getValue().asText()));
                } catch (IllegalArgumentException ex) {
                    throw new UsageException("config key 'featurize.kinds." + e.getKey() + "': " + ex.getMessage());
                }
            }
        }
        b.imputation(choice(flat, "featurize.imputation", FeaturizerOptions.Imputation.values(), FeaturizerOptions.Imputation::label,
                FeaturizerOptions.Imputation.MEDIAN));
        b.scaling(choice(flat, "featurize.scaling", FeaturizerOptions.Scaling.values(), FeaturizerOptions.Scaling::label,
                FeaturizerOptions.Scaling.STANDARD));
        b.highCardinality(choice(flat, "featurize.high_cardinality", FeaturizerOptions.HighCardinalityEncoding.values(),
                FeaturizerOptions.HighCardinalityEncoding::label, FeaturizerOptions.HighCardinalityEncoding.TARGET));
        b.leakage(choice(flat, "featurize.leakage", FeaturizerOptions.LeakagePolicy.values(), FeaturizerOptions.LeakagePolicy::label,
                FeaturizerOptions.LeakagePolicy.ALERT));
        b.search(bool(flat, "featurize.search", true));
        FeaturizerOptions defaults = FeaturizerOptions.defaults();
        b.oneHotMax(integer(flat, "featurize.one_hot_max", defaults.oneHotMax()));
        b.rareMinCount(integer(flat, "featurize.rare_min_count", defaults.rareMinCount()));
        b.textWords(integer(flat, "featurize.text_words", defaults.textWords()));
        b.textChars(integer(flat, "featurize.text_chars", defaults.textChars()));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("config key 'featurize': " + e.getMessage());
        }
    }

    private static <E> E choice(Map<String, JsonNode> flat, String key, E[] values, java.util.function.Function<E, String> label,
                                E fallback) {
        String t = text(flat, key, null, false);
        if (t == null) {
            return fallback;
        }
        for (E v : values) {
            if (label.apply(v).equals(t)) {
                return v;
            }
        }
        throw new UsageException("config key '" + key + "' must be one of "
                + java.util.Arrays.stream(values).map(label).toList() + ", but was '" + t + "'");
    }

    /** The effective config as YAML, with every default filled in. */
    static String effective(RunConfig c, List<String> learnerIds, String metricName) throws IOException {
        ObjectMapper y = yaml();
        ObjectNode root = y.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("train", c.train().toString());
        data.put("target", c.target());
        if (c.task() != null) {
            data.put("task", c.task().label());
        } else {
            data.putNull("task");
        }
        data.put("separator", String.valueOf(c.read().effectiveSeparator()));
        c.read().missingValues().forEach(data.putArray("missing_values")::add);
        data.put("infinity", c.read().infinityAsMissing() ? "missing" : "error");
        data.put("decimal", String.valueOf(c.read().decimal()));
        root.put("metric", metricName);
        ObjectNode budget = root.putObject("budget");
        budget.put("seconds", c.seconds());
        budget.put("max_trials", c.maxTrials());
        ObjectNode search = root.putObject("search");
        learnerIds.forEach(search.putArray("learners")::add);
        search.put("searcher", c.searcher());
        search.put("seed", c.seed());
        search.put("pruning", c.search().pruning());
        search.put("portfolio", c.search().portfolio());
        search.put("ensemble_rounds", c.search().ensembleRounds());
        root.put("cores", c.cores());
        root.put("isolation", c.search().isolation().label());
        root.put("gpus", c.search().gpus() ? "auto" : "none");
        // Absolute like data.train (resolved when read), so that the copy in the output folder works from anywhere.
        root.put("output", c.output().toAbsolutePath().normalize().toString());
        FeaturizerOptions f = c.featurize();
        ObjectNode fz = root.putObject("featurize");
        ObjectNode kinds = fz.putObject("kinds");
        f.kinds().forEach((k, v) -> kinds.put(k, v.label()));
        fz.put("imputation", f.imputation().label());
        fz.put("scaling", f.scaling().label());
        fz.put("high_cardinality", f.highCardinality().label());
        fz.put("one_hot_max", f.oneHotMax());
        fz.put("rare_min_count", f.rareMinCount());
        fz.put("text_words", f.textWords());
        fz.put("text_chars", f.textChars());
        fz.put("leakage", f.leakage().label());
        fz.put("search", f.search());
        return y.writeValueAsString(root);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !KEYS.containsKey(key)) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private static String text(Map<String, JsonNode> flat, String key, String fallback, boolean required) {
        JsonNode n = flat.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new UsageException("config key '" + key + "' is required: " + KEYS.get(key));
            }
            return fallback;
        }
        if (!n.isTextual()) {
            throw new UsageException("config key '" + key + "' must be text, but was " + n);
        }
        return n.asText();
    }

    private static double number(Map<String, JsonNode> flat, String key, double fallback) {
        JsonNode n = flat.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw new UsageException("config key '" + key + "' must be a number, but was " + n);
        }
        return n.asDouble();
    }

    private static boolean bool(Map<String, JsonNode> flat, String key, boolean fallback) {
        JsonNode n = flat.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new UsageException("config key '" + key + "' must be true or false, but was " + n);
        }
        return n.asBoolean();
    }

    private static int integer(Map<String, JsonNode> flat, String key, int fallback) {
        JsonNode n = flat.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber()) {
            throw new UsageException("config key '" + key + "' must be an integer, but was " + n);
        }
        if (!n.canConvertToInt()) {
            throw new UsageException("config key '" + key + "' must be an integer from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ", but was " + n);
        }
        return n.asInt();
    }

    private static long longInteger(Map<String, JsonNode> flat, String key, long fallback) {
        JsonNode n = flat.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isIntegralNumber()) {
            throw new UsageException("config key '" + key + "' must be an integer, but was " + n);
        }
        if (!n.canConvertToLong()) {
            throw new UsageException("config key '" + key + "' must be an integer from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", but was " + n);
        }
        return n.asLong();
    }

    static String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KEYS.keySet()) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
