package automl4j.cli;

import automl4j.AutoMl;
import automl4j.data.Tasks;
import automl4j.datasets.DataFormatException;
import automl4j.datasets.ReadOptions;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.settings.Setting;
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

    /** The keys that describe the command's input and output rather than the run: no builder has them. */
    static final List<String> INPUT_OUTPUT_KEYS;

    static {
        KEYS.put("data.train", "training data file, CSV or ARFF, or Parquet (a .parquet file or folder, read in Spark: the "
                + "search runs on a sample sized to the driver, the final model is refitted on all rows; needs the spark "
                + "section or spark-submit) (required; relative to the config file)");
        KEYS.put("data.test", "labelled test data file, CSV or ARFF, read as data.train is: the exported model and the top "
                + "trials are scored on it after the run, in the leaderboard's test_score column and the report (optional)");
        KEYS.put("data.target", "name of the target column (required)");
        KEYS.put("data.task", String.join(", ", Tasks.labels()) + " or forecasting (default: inferred from the target; "
                + "forecasting must be given, with the forecast section)");
        KEYS.put("data.separator", "field separator of a CSV file, one character such as \";\" or \"\\t\" (default \",\"; a "
                + "header with no comma but a ';', a tab or a '|' is then refused with a hint)");
        KEYS.put("data.missing_values", "list of cell texts read as missing in every column, e.g. [NA, \"?\"] (default []: "
                + "only an empty field is missing)");
        KEYS.put("data.infinity", "error or missing: an infinite number (Infinity, -inf, 1e400) in a numeric column stops "
                + "the run naming the file, row and column, or is read as a missing value (default error)");
        KEYS.put("data.decimal", "decimal mark of numbers, \".\" or \",\" (\",\" reads cells such as 0,1 as 0.1; default \".\")");
        for (Setting setting : Setting.values()) {
            if (setting.inConfigFile()) {
                KEYS.put(setting.key(), setting.description());
            }
        }
        KEYS.put("output", "output folder (default: automl-output beside the config file)");
        KEYS.put("registry.path", "model registry (an SQLite file) in which the run is recorded, with its scores, effective "
                + "config, data fingerprint and journal (relative to the config file; default: none, or automl-registry.db in the "
                + "working folder when registry.model is given)");
        KEYS.put("registry.model", "name under which the run's model.automl is registered as a new version in the registry "
                + "(letters, digits, '.', '_', '-'; default: none, the run is only recorded)");
        KEYS.put("featurize.kinds", "mapping of column name to kind, overriding detection: numeric, boolean, categorical, "
                + "high-cardinality, datetime, text, id-like (dropped), constant (dropped)");
        KEYS.put("featurize.imputation", "missing numbers: median, mean, most-frequent or constant (default median)");
        KEYS.put("featurize.scaling", "numbers: standard, robust or none (default standard)");
        KEYS.put("featurize.low_cardinality", "categories up to one_hot_max: one-hot or target (default one-hot)");
        KEYS.put("featurize.high_cardinality", "categories above one_hot_max: target, frequency or hashing (default target)");
        KEYS.put("featurize.one_hot_max", "most distinct values of a one-hot column, >= 2 (default 16)");
        KEYS.put("featurize.rare_min_count", "categories seen fewer times share an 'other' feature, >= 1 (default 3)");
        KEYS.put("featurize.text_words", "most word 1- and 2-grams kept per text column, >= 0 (default 10000; a short budget keeps fewer)");
        KEYS.put("featurize.text_chars", "character 3- to 5-gram vocabulary of each text column, >= 0 (default 0: off)");
        KEYS.put("featurize.leakage", "suspected target leakage: alert (keep the column) or drop (default alert)");
        KEYS.put("featurize.target_encoding_folds", "folds of the out-of-fold target encoding of training rows, >= 2 (default 5)");
        KEYS.put("featurize.search", "true lets the search choose one-hot or target encoding and median or mean imputation "
                + "per trial; false keeps the options as given (default true)");
        KEYS.put(SparkSection.MASTER, "Spark master URL whose cluster runs each trial as a Spark task while this process "
                + "keeps the search, journal and leaderboard: local[4], spark://host:7077, yarn, k8s://..., or submit for the "
                + "master spark-submit was given (needs Spark on the class path: run automl.jar with spark-submit; default: "
                + "none, trials run on this machine)");
        KEYS.put(SparkSection.CONF, "mapping of Spark properties for the run's session, e.g. {spark.executor.memory: 4g} "
                + "(defaults set unless given: spark.task.maxFailures 1, spark.jars the automl jar on a cluster)");
        ForecastConfig.KEYS.forEach(KEYS::put);
        // spark.* say where the trials run, not what they are: no run setting of the builder has them either.
        INPUT_OUTPUT_KEYS = KEYS.keySet().stream().filter(k -> k.startsWith("data.") || k.equals("output")
                || k.startsWith("registry.") || k.startsWith("spark.")).toList();
    }

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
        ConfigValues v = values(file);
        if (isForecasting(v)) {
            throw new UsageException("config file " + file + " has data.task: forecasting; it is run by the forecasting run");
        }
        for (String key : ForecastConfig.KEYS.keySet()) {
            if (v.has(key)) {
                throw new UsageException("config key '" + key + "' is only for forecasting runs (data.task: forecasting)");
            }
        }
        return read(file, v);
    }

    /** Whether the config's data.task is forecasting. */
    static boolean isForecasting(ConfigValues v) {
        String task = v.text("data.task", null);
        return task != null && task.trim().equalsIgnoreCase(ForecastConfig.TASK);
    }

    /** The file's values, flattened to dotted keys, every key known. */
    static ConfigValues values(Path file) {
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
        return new ConfigValues(flat);
    }

    private static RunConfig read(Path file, ConfigValues v) {
        Path base = file.toAbsolutePath().getParent();
        Path train = base.resolve(v.requiredText("data.train", KEYS.get("data.train")));
        String testText = v.text("data.test", null);
        Path test = testText == null ? null : base.resolve(testText);
        String target = v.requiredText("data.target", KEYS.get("data.target"));
        String task = task(v.text("data.task", null));
        FeaturizerOptions featurize = SettingsYaml.featurize(v);
        if (featurize.kinds().containsKey(target)) {
            throw new UsageException("config key 'featurize.kinds." + target + "': column '" + target + "' is the target "
                    + "(data.target), whose kind is set by data.task; remove it from featurize.kinds");
        }
        AutoMl automl = SettingsYaml.read(v, featurize);
        Path output = base.resolve(v.text("output", "automl-output"));
        String registryText = v.text("registry.path", null);
        String model = v.text("registry.model", null);
        if (model != null) {
            checkModelName("config key 'registry.model'", model);
        }
        return new RunConfig(train, test, target, task, readOptions(v), automl, featurize, output,
                registryText == null ? null : base.resolve(registryText), null, SparkSection.read(v)).withRegistry(null, model);
    }

    /** Refuses a model name the registry would refuse, before the run spends its budget. */
    static void checkModelName(String where, String name) {
        try {
            automl4j.registry.ModelRegistry.checkName(name);
        } catch (automl4j.registry.RegistryException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    private static String task(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Tasks.parseLabel(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("config key 'data.task' must be one of " + Tasks.labels() + ", but was '" + text + "'");
        }
    }

    /** The data.* keys that say how the CSV file is read. */
    static ReadOptions readOptions(ConfigValues v) {
        Character separator = null;
        String sep = v.text("data.separator", null);
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
        JsonNode m = v.node("data.missing_values");
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
        boolean infinityAsMissing = v.choice("data.infinity", new String[] {"error", "missing"}, s -> s, "error").equals("missing");
        char decimal = v.choice("data.decimal", new String[] {".", ","}, s -> s, ".").charAt(0);
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

    /** The effective config as YAML, with every default filled in. */
    static String effective(RunConfig c, List<String> learnerIds, String searcherId, String metricName) throws IOException {
        ObjectMapper y = yaml();
        ObjectNode root = y.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("train", c.train().toString());
        if (c.test() != null) {
            data.put("test", c.test().toString());
        }
        data.put("target", c.target());
        if (c.task() != null) {
            data.put("task", c.task());
        } else {
            data.putNull("task");
        }
        data.put("separator", String.valueOf(c.read().effectiveSeparator()));
        c.read().missingValues().forEach(data.putArray("missing_values")::add);
        data.put("infinity", c.read().infinityAsMissing() ? "missing" : "error");
        data.put("decimal", String.valueOf(c.read().decimal()));
        // In the order of KEYS: the run settings, then output, then the featurize section.
        ObjectNode run = y.createObjectNode();
        SettingsYaml.write(run, c.automl().settings(), learnerIds, searcherId, metricName, c.featurize());
        ObjectNode featurize = (ObjectNode) run.remove("featurize");
        root.setAll(run);
        // Absolute like data.train (resolved when read), so that the copy in the output folder works from anywhere.
        root.put("output", c.output().toAbsolutePath().normalize().toString());
        root.set("featurize", featurize);
        if (c.spark() != null) {
            c.spark().write(root);
        }
        if (c.registry() != null) {
            ObjectNode registry = root.putObject("registry");
            registry.put("path", c.registry().toAbsolutePath().normalize().toString());
            if (c.model() != null) {
                registry.put("model", c.model());
            }
        }
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
