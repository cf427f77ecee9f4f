package automl4j.cli;

import automl4j.AutoMl;
import automl4j.ConfigException;
import automl4j.execute.Isolation;
import automl4j.featurize.Featurizer;
import automl4j.featurize.Featurizers;
import automl4j.featurizers.ColumnKind;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.TabularFeaturizer;
import automl4j.search.Portfolio;
import automl4j.settings.RunSettings;
import automl4j.settings.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the run settings of a config file. Reading maps them key by key onto the builder ({@link AutoMl.Builder} for {@link Setting}s,
 * {@link FeaturizerOptions.Builder} for {@code featurize.*}): an absent key leaves the builder's default, a present one
 * calls the builder method of the same name, which checks it. Writing puts each setting back under its key, so that the
 * effective config reads back to the same settings.
 */
final class SettingsYaml {
    /** The featurizer that the {@code featurize.*} keys configure. */
    static final String TABULAR = "tabular";

    private SettingsYaml() {
    }

    /** The run settings of {@code v}, with the featurizer built from {@code featurize}. */
    static AutoMl read(ConfigValues v, FeaturizerOptions featurize) {
        AutoMl.Builder b = AutoMl.builder();
        for (Setting s : Setting.values()) {
            if (s.inConfigFile() && v.has(s.key())) {
                ConfigValues.apply(s.key(), () -> set(b, s, v));
            }
        }
        String featurizer = v.text(Setting.FEATURIZER.key(), TABULAR);
        if (featurizer.equals(TABULAR)) {
            b.featurizer(new TabularFeaturizer(featurize));
        } else {
            List<String> known = Featurizers.discovered().stream().map(Featurizer::id).toList();
            if (!known.contains(featurizer)) {
                throw new UsageException("config key 'featurizer': featurizer '" + featurizer + "' is unknown; known featurizers are " + known);
            }
            b.featurizer(Featurizers.forId(featurizer));
        }
        return ConfigValues.get(Setting.THREADS_PER_TRIAL.key(), b::build);   // the one combination build() checks
    }

    // A switch without default: a new setting does not compile until the config file reads it (or it is builder only).
    private static void set(AutoMl.Builder b, Setting s, ConfigValues v) {
        String key = s.key();
        switch (s) {
            case METRIC -> b.metric(RunExecution.resolveMetric(v.text(key, null)));
            case SECONDS -> b.seconds(v.number(key, 0));
            case MAX_TRIALS -> b.maxTrials(v.integer(key, 0));
            case LEARNERS -> b.learners(RunExecution.resolveLearners(v.texts(key, "learner ids")));
            case SEARCHER -> b.searcher(RunExecution.resolveSearcher(v.text(key, null)));
            case SEED -> b.seed(v.longInteger(key, 0));
            case PRUNING -> b.pruning(v.bool(key, true));
            case PORTFOLIO -> b.portfolio(v.bool(key, true) ? Portfolio.builtIn() : Portfolio.none());
            case ENSEMBLE_ROUNDS -> b.ensembleRounds(v.integer(key, 0));
            case STACKING -> b.stacking(v.bool(key, true));
            case DECISION_COST_RATIO -> b.costRatio(v.number(key, Double.NaN));
            case TRIAL_TIMEOUT -> b.trialTimeout(v.seconds(key));
            case CORES -> b.cores(v.integer(key, 0));
            case THREADS_PER_TRIAL -> b.threadsPerTrial(v.integer(key, 0));
            case ISOLATION -> b.isolation(v.choice(key, Isolation.values(), Isolation::label, Isolation.GUARDED));
            case WORKER_HEAP_MB -> b.workerHeapMb(v.integer(key, 0));
            case GPUS -> {
                if (v.choice(key, new String[] {"auto", "none"}, g -> g, "auto").equals("none")) {
                    b.gpus(List.of());
                }
            }
            case FEATURIZER -> { }   // read after the loop: it needs the featurize options
            case TIME_OUTSIDE, LISTENER, JOURNAL, TRIAL_RUNNER -> throw new IllegalStateException(key + " has no config-file key");
        }
    }

    /**
     * Puts every setting of {@code r} under its key into {@code root}, with the plug-ins named as given (the learners,
     * searcher and metric the run uses) and the featurize options of {@code f}.
     */
    static void write(ObjectNode root, RunSettings r, List<String> learnerIds, String searcherId, String metricName,
                      FeaturizerOptions f) {
        for (Setting s : Setting.values()) {
            if (s.inConfigFile()) {
                put(root, s.key(), value(s, r, learnerIds, searcherId, metricName));
            }
        }
        ObjectNode kinds = JsonNodeFactory.instance.objectNode();
        f.kinds().forEach((k, v) -> kinds.put(k, v.label()));
        put(root, "featurize.kinds", kinds);
        put(root, "featurize.imputation", text(f.imputation().label()));
        put(root, "featurize.scaling", text(f.scaling().label()));
        put(root, "featurize.low_cardinality", text(f.lowCardinality().label()));
        put(root, "featurize.high_cardinality", text(f.highCardinality().label()));
        put(root, "featurize.one_hot_max", JsonNodeFactory.instance.numberNode(f.oneHotMax()));
        put(root, "featurize.rare_min_count", JsonNodeFactory.instance.numberNode(f.rareMinCount()));
        put(root, "featurize.text_words", JsonNodeFactory.instance.numberNode(f.textWords()));
        put(root, "featurize.text_chars", JsonNodeFactory.instance.numberNode(f.textChars()));
        put(root, "featurize.leakage", text(f.leakage().label()));
        put(root, "featurize.target_encoding_folds", JsonNodeFactory.instance.numberNode(f.targetEncodingFolds()));
        put(root, "featurize.search", JsonNodeFactory.instance.booleanNode(f.search()));
    }

    // A switch without default, like the reader's: a new setting does not compile until it is written too.
    private static JsonNode value(Setting s, RunSettings r, List<String> learnerIds, String searcherId, String metricName) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (s) {
            case METRIC -> text(metricName);
            case SECONDS -> n.numberNode(r.budget().time().toNanos() / 1e9);
            case MAX_TRIALS -> n.numberNode(r.budget().maxTrials());
            case LEARNERS -> {
                ArrayNode ids = n.arrayNode();
                learnerIds.forEach(ids::add);
                yield ids;
            }
            case SEARCHER -> text(searcherId);
            case SEED -> n.numberNode(r.seed());
            case PRUNING -> n.booleanNode(r.pruning());
            case PORTFOLIO -> n.booleanNode(!Portfolio.none().equals(r.portfolio()));
            case ENSEMBLE_ROUNDS -> n.numberNode(r.ensembleRounds());
            case STACKING -> n.booleanNode(r.stacking());
            case DECISION_COST_RATIO -> r.costRatio() == null ? n.nullNode() : n.numberNode(r.costRatio());
            case TRIAL_TIMEOUT -> r.trialTimeout() == null ? n.nullNode() : n.numberNode(r.trialTimeout().toNanos() / 1e9);
            case FEATURIZER -> text(r.featurizer() == null ? TABULAR : r.featurizer().id());
            case CORES -> n.numberNode(r.cores());
            case THREADS_PER_TRIAL -> n.numberNode(r.threadsPerTrial());
            case ISOLATION -> text(r.isolation().label());
            case WORKER_HEAP_MB -> r.workerHeapMb() == 0 ? n.nullNode() : n.numberNode(r.workerHeapMb());
            case GPUS -> text(r.gpus() == null ? "auto" : "none");
            case TIME_OUTSIDE, LISTENER, JOURNAL, TRIAL_RUNNER -> throw new IllegalStateException(s.key() + " has no config-file key");
        };
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    /** Puts {@code value} at the dotted {@code key}, creating its sections. */
    private static void put(ObjectNode root, String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

    /** The {@code featurize.*} keys, each onto the {@link FeaturizerOptions.Builder} method of the same name. */
    static FeaturizerOptions featurize(ConfigValues v) {
        FeaturizerOptions.Builder b = FeaturizerOptions.builder();
        JsonNode kinds = v.node("featurize.kinds");
        if (v.has("featurize.kinds")) {
            if (!kinds.isObject()) {
                throw new UsageException("config key 'featurize.kinds' must map column names to kinds, but was " + kinds);
            }
            Map<String, ColumnKind> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : kinds.properties()) {
                try {
                    m.put(e.getKey(), ColumnKind.fromLabel(e.getValue().asText()));
                } catch (ConfigException ex) {
                    throw new UsageException("config key 'featurize.kinds." + e.getKey() + "': " + ex.getMessage());
                }
            }
            b.kinds(m);
        }
        FeaturizerOptions d = FeaturizerOptions.defaults();
        b.imputation(v.choice("featurize.imputation", FeaturizerOptions.Imputation.values(), FeaturizerOptions.Imputation::label,
                d.imputation()));
        b.scaling(v.choice("featurize.scaling", FeaturizerOptions.Scaling.values(), FeaturizerOptions.Scaling::label, d.scaling()));
        b.lowCardinality(v.choice("featurize.low_cardinality", FeaturizerOptions.LowCardinalityEncoding.values(),
                FeaturizerOptions.LowCardinalityEncoding::label, d.lowCardinality()));
        b.highCardinality(v.choice("featurize.high_cardinality", FeaturizerOptions.HighCardinalityEncoding.values(),
                FeaturizerOptions.HighCardinalityEncoding::label, d.highCardinality()));
        b.oneHotMax(v.integer("featurize.one_hot_max", d.oneHotMax()));
        b.rareMinCount(v.integer("featurize.rare_min_count", d.rareMinCount()));
        b.textWords(v.integer("featurize.text_words", d.textWords()));
        b.textChars(v.integer("featurize.text_chars", d.textChars()));
        b.leakage(v.choice("featurize.leakage", FeaturizerOptions.LeakagePolicy.values(), FeaturizerOptions.LeakagePolicy::label,
                d.leakage()));
        b.targetEncodingFolds(v.integer("featurize.target_encoding_folds", d.targetEncodingFolds()));
        b.search(v.bool("featurize.search", d.search()));
        try {
            return b.build();
        } catch (ConfigException e) {
            String m = String.valueOf(e.getMessage());   // names the key: featurize.one_hot_max must be >= 2, but was 1
            String key = m.substring(0, Math.max(0, m.indexOf(' ')));
            throw new UsageException(ConfigFile.KEYS.containsKey(key) ? "config key '" + key + "'" + m.substring(key.length())
                    : "config key 'featurize': " + m);
        }
    }
}
