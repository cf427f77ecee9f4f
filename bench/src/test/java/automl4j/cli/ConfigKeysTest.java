package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.AutoMl;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.learn.Learner;
import automl4j.settings.RunSettings;
import automl4j.settings.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every builder option has a config-file key and every config-file key a builder option, by one naming rule
 * ({@link Setting#builderMethod()}); and each key's value reaches the settings and comes back in the effective config.
 */
class ConfigKeysTest {
    /** A valid value other than the default for every run-setting key and featurize key of the config file. */
    private static final Map<String, String> CHANGED = new LinkedHashMap<>();

    static {
        CHANGED.put("metric", "logloss");
        CHANGED.put("budget.seconds", "12.5");
        CHANGED.put("budget.max_trials", "7");
        CHANGED.put("search.learners", "[smile-knn, xgboost]");
        CHANGED.put("search.searcher", "random");
        CHANGED.put("search.seed", "42");
        CHANGED.put("search.pruning", "false");
        CHANGED.put("search.portfolio", "false");
        CHANGED.put("search.ensemble_rounds", "3");
        CHANGED.put("search.stacking", "true");
        CHANGED.put("decision.cost_ratio", "2.5");
        CHANGED.put("trial_timeout", "2.5");
        CHANGED.put("featurizer", "tabular");   // the only featurizer there is; an unknown id is refused (below)
        CHANGED.put("cores", "3");
        CHANGED.put("threads_per_trial", "3");
        CHANGED.put("isolation", "workers");
        CHANGED.put("worker_heap_mb", "300");
        CHANGED.put("gpus", "none");
        CHANGED.putAll(ChangedFeaturizeKeys.VALUES);
    }

    @TempDir
    Path dir;

    private static Set<String> runKeys() {
        return ConfigFile.KEYS.keySet().stream().filter(k -> !ConfigFile.INPUT_OUTPUT_KEYS.contains(k))
                .filter(k -> !k.startsWith("featurize.")).filter(k -> !ForecastConfig.KEYS.containsKey(k))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> publicMethods(Class<?> type, Set<String> besides) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers()))
                .filter(m -> !m.isAnnotationPresent(Deprecated.class))
                .map(Method::getName).filter(n -> !besides.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRunKeyOfTheConfigFileIsASettingAndEverySettingWithAKeyIsInTheConfigFile() {
        assertThat(runKeys()).isEqualTo(Arrays.stream(Setting.values()).filter(Setting::inConfigFile).map(Setting::key)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyBuilderOptionIsAKeyOfTheConfigFileUnlessItIsBuilderOnly() {
        Set<String> fromKeys = runKeys().stream().map(k -> Setting.camelCase(k.substring(k.lastIndexOf('.') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> builderOnly = Arrays.stream(Setting.values()).filter(s -> !s.inConfigFile()).map(Setting::builderMethod)
                .collect(Collectors.toSet());
        // budget(Budget) sets the budget section's two keys at once; build() makes the AutoMl.
        Set<String> options = publicMethods(AutoMl.Builder.class, Set.of("build", "budget"));
        assertThat(options).isEqualTo(union(fromKeys, builderOnly));
        assertThat(builderOnly).containsExactlyInAnyOrder("timeOutside", "listener", "journal", "trialRunner");
    }

    @Test
    void everyFeaturizeKeyIsAnOptionsBuilderMethodAndAJournalKey() {
        Set<String> keys = ConfigFile.KEYS.keySet().stream().filter(k -> k.startsWith("featurize."))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fromKeys = keys.stream().map(k -> Setting.camelCase(k.substring("featurize.".length())))
                .collect(Collectors.toCollection(TreeSet::new));
        // kind(column, kind) adds one entry of featurize.kinds; build() makes the options.
        assertThat(publicMethods(FeaturizerOptions.Builder.class, Set.of("build", "kind"))).isEqualTo(fromKeys);
        assertThat(new TreeSet<>(FeaturizerOptions.defaults().settings().keySet())).isEqualTo(keys);
    }

    @Test
    void theListOfChangedValuesCoversEveryRunAndFeaturizeKey() {
        // the forecast section configures the forecasting run (ForecastCliTest), not the tabular builders
        Set<String> expected = ConfigFile.KEYS.keySet().stream().filter(k -> !ConfigFile.INPUT_OUTPUT_KEYS.contains(k))
                .filter(k -> !ForecastConfig.KEYS.containsKey(k)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(CHANGED.keySet())).isEqualTo(expected);
    }

    @Test
    void eachKeyReachesTheSettingsAndComesBackInTheEffectiveConfig() throws Exception {
        for (Map.Entry<String, String> e : CHANGED.entrySet()) {
            String key = e.getKey();
            RunConfig c = ConfigFile.read(write(key + ": " + e.getValue()));
            JsonNode back = at(ConfigFile.yaml().readTree(effective(c)), key);
            JsonNode given = ConfigFile.yaml().readTree(e.getValue());
            if (given.isNumber()) {
                assertThat(back.asDouble()).as(key).isEqualTo(given.asDouble());
            } else {
                assertThat(back).as(key).isEqualTo(given);
            }
        }
    }

    @Test
    void theEffectiveConfigReadsBackToTheSameSettings() throws Exception {
        StringBuilder all = new StringBuilder();
        CHANGED.forEach((k, v) -> all.append(k).append(": ").append(v).append('\n'));
        RunConfig first = ConfigFile.read(write(all.toString()));
        String effective = effective(first);
        Path again = dir.resolve("again.yaml");
        Files.writeString(again, effective);
        RunConfig second = ConfigFile.read(again);
        assertThat(effective(second)).isEqualTo(effective);
        assertThat(second.automl().settings().budget()).isEqualTo(first.automl().settings().budget());
        assertThat(second.automl().settings().trialTimeout()).isEqualTo(first.automl().settings().trialTimeout());
    }

    @Test
    void anUnknownFeaturizerIsRefusedNamingTheKey() throws Exception {
        Path file = write("featurizer: nope");
        assertThatThrownBy(() -> ConfigFile.read(file)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("config key 'featurizer': ");
    }

    @Test
    void aBuilderCheckBecomesAMessageNamingTheConfigKey() throws Exception {
        Path heap = write("worker_heap_mb: 10");
        assertThatThrownBy(() -> ConfigFile.read(heap)).hasMessageStartingWith("config key 'worker_heap_mb' must be >= 64");
        Path timeout = write("trial_timeout: -1");
        assertThatThrownBy(() -> ConfigFile.read(timeout)).hasMessage("config key 'trial_timeout' must be > 0, but was PT-1S");
        Path threads = write("cores: 1\nthreads_per_trial: 2");
        assertThatThrownBy(() -> ConfigFile.read(threads))
                .hasMessage("config key 'threads_per_trial' must be <= cores (1), but was 2");
    }

    /** A config file with the required keys and {@code yaml}, with dotted keys nested as the file has them. */
    private Path write(String yaml) throws Exception {
        ObjectNode root = ConfigFile.yaml().createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("train", "train.csv");
        data.put("target", "y");
        for (String line : yaml.split("\n")) {
            int colon = line.indexOf(": ");
            String[] path = line.substring(0, colon).split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            parent.set(path[path.length - 1], ConfigFile.yaml().readTree(line.substring(colon + 2)));
        }
        Path file = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(file, ConfigFile.yaml().writeValueAsString(root));
        return file;
    }

    /** The effective config as {@link RunExecution} writes it (there with the metric chosen for the task). */
    private static String effective(RunConfig c) throws Exception {
        RunSettings s = c.automl().settings().resolved();
        return ConfigFile.effective(c, s.learners().stream().map(Learner::id).toList(), s.searcher().id(),
                s.metric() == null ? "auc" : s.metric().name());
    }

    private static JsonNode at(JsonNode root, String dottedKey) {
        JsonNode n = root;
        for (String part : dottedKey.split("\\.")) {
            n = n.get(part);
        }
        return n;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
