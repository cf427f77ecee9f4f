package automl4j;

import automl4j.data.TaskData;
import automl4j.learn.Learner;
import automl4j.search.Portfolio;
import automl4j.settings.RunSettings;
import automl4j.settings.Setting;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings that decide which trials a run makes, as its journal records them and a resumed run must match them.
 * The keys are the config-file keys: {@link Setting#key()} for each {@link Setting.Scope#FINGERPRINTED} setting, the
 * featurizer's own {@code featurize.*} keys, and {@code data.target}.
 */
final class SettingsFingerprint {
    /** Key of the target column, as in the config file. */
    static final String TARGET = "data.target";

    /**
     * Keys that journals written before issue 15 used, with the key that replaced each: such journals still resume when
     * nothing changed. The value of {@code budget.time} (an ISO-8601 duration) is read as seconds.
     */
    static final Map<String, String> LEGACY_KEYS = Map.of(
            "target", TARGET,
            "budget.time", Setting.SECONDS.key(),
            "seed", Setting.SEED.key(),
            "learners", Setting.LEARNERS.key(),
            "searcher", Setting.SEARCHER.key(),
            "portfolio", Setting.PORTFOLIO.key(),
            "pruning", Setting.PRUNING.key(),
            "ensemble_rounds", Setting.ENSEMBLE_ROUNDS.key());

    /** Settings added after journals were first written, with the value that journals without them ran with. */
    static final Map<String, String> ADDED_SINCE = Map.of(Setting.STACKING.key(), "false", Setting.DECISION_COST_RATIO.key(), "none");

    private SettingsFingerprint() {
    }

    /** The fingerprint of {@code s} (with its plug-ins chosen: {@link RunSettings#resolved()}) on {@code data}. */
    static Map<String, String> of(RunSettings s, TaskData data) {
        Map<String, String> m = new TreeMap<>();
        m.put(TARGET, data.targetName());
        for (Setting setting : Setting.values()) {
            String value = value(setting, s);
            if (value != null) {
                m.put(setting.key(), value);
            }
        }
        m.putAll(s.featurizer().settings());   // featurize.* keys of the tabular featurizer: each one changes the trials
        return m;
    }

    /** The fingerprint's text of {@code setting}, or null for a setting that does not change the trials. */
    private static String value(Setting setting, RunSettings s) {
        // A switch without default: a new setting does not compile until it says whether it is fingerprinted.
        String v = switch (setting) {
            case METRIC -> s.metric() == null ? "default" : s.metric().name();
            case SECONDS -> seconds(s.budget().time());
            case MAX_TRIALS -> Integer.toString(s.budget().maxTrials());
            case LEARNERS -> String.join(",", s.learners().stream().map(Learner::id).toList());
            case SEARCHER -> s.searcher().id();
            case SEED -> Long.toString(s.seed());
            case PRUNING -> Boolean.toString(s.pruning());
            case PORTFOLIO -> digest(s.portfolio());
            case ENSEMBLE_ROUNDS -> Integer.toString(s.ensembleRounds());
            case STACKING -> Boolean.toString(s.stacking());
            case DECISION_COST_RATIO -> s.costRatio() == null ? "none" : Double.toString(s.costRatio());
            case TRIAL_TIMEOUT -> s.trialTimeout() == null ? "none" : s.trialTimeout().toString();
            case FEATURIZER -> s.featurizer().id();
            case CORES, THREADS_PER_TRIAL, ISOLATION, WORKER_HEAP_MB, GPUS, TIME_OUTSIDE, LISTENER, JOURNAL, TRIAL_RUNNER -> null;
        };
        if ((v != null) != (setting.scope() == Setting.Scope.FINGERPRINTED)) {
            throw new IllegalStateException("setting " + setting.key() + " is " + setting.scope() + " but "
                    + (v == null ? "has no" : "has a") + " fingerprint value");
        }
        return v;
    }

    /**
     * Each key whose value differs between a journal's fingerprint ({@code then}, old keys read under their new names)
     * and {@code now}, as {@code key (journal: a, now: b)}, sorted by key.
     */
    static List<String> differences(Map<String, String> then, Map<String, String> now) {
        Map<String, String> upgraded = upgrade(then);
        TreeSet<String> keys = new TreeSet<>(upgraded.keySet());
        keys.addAll(now.keySet());
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(upgraded.get(key), now.get(key))) {
                changed.add(key + " (journal: " + upgraded.getOrDefault(key, "unset") + ", now: " + now.getOrDefault(key, "unset") + ")");
            }
        }
        return changed;
    }

    /** {@code journal}'s fingerprint with every key of {@link #LEGACY_KEYS} renamed (and {@code budget.time} converted). */
    static Map<String, String> upgrade(Map<String, String> journal) {
        Map<String, String> m = new TreeMap<>(ADDED_SINCE);
        journal.forEach((key, value) -> {
            String now = LEGACY_KEYS.getOrDefault(key, key);
            m.put(now, key.equals("budget.time") ? legacySeconds(value) : value);
        });
        return m;
    }

    private static String legacySeconds(String isoDuration) {
        try {
            return seconds(Duration.parse(isoDuration));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDuration;   // compared as it is, so the difference is named
        }
    }

    /** {@code d} in seconds, as plain decimal text without trailing zeros: {@code 60}, {@code 0.5}. */
    static String seconds(Duration d) {
        return new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros().toPlainString();
    }

    private static String digest(Portfolio p) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(p.toJson());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
