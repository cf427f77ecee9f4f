package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The journal's fingerprint of the featurizer: every option of {@link FeaturizerOptions} is in it, by its own key. */
class FeaturizerOptionsSettingsTest {
    /** {@code oneHotMax} as {@code featurize.one_hot_max}. */
    private static String key(String component) {
        return "featurize." + component.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** A valid value of {@code type} other than {@code value}. */
    private static Object other(Class<?> type, Object value) {
        if (type == int.class) {
            return (Integer) value + 1;
        }
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[(((Enum<?>) value).ordinal() + 1) % constants.length];
        }
        if (type == Map.class) {
            return Map.of("zip", ColumnKind.CATEGORICAL);
        }
        throw new AssertionError("no other value for an option of type " + type + ": extend this test");
    }

    @Test
    void changingAnyOptionChangesTheSettingUnderItsOwnKeyAndNoOther() throws Exception {
        FeaturizerOptions defaults = FeaturizerOptions.defaults();
        Map<String, String> base = defaults.settings();
        RecordComponent[] components = FeaturizerOptions.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<FeaturizerOptions> canonical = FeaturizerOptions.class.getDeclaredConstructor(types);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Object[] args = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = components[j].getAccessor().invoke(defaults);
            }
            args[i] = other(types[i], args[i]);
            Map<String, String> changed = canonical.newInstance(args).settings();
            String key = key(components[i].getName());
            keys.add(key);
            Map<String, String> differences = new TreeMap<>();
            base.forEach((k, v) -> {
                if (!v.equals(changed.get(k))) {
                    differences.put(k, changed.get(k));
                }
            });
            assertThat(differences.keySet()).as("changing %s", components[i].getName()).containsExactly(key);
        }
        assertThat(base.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void kindsAreRecordedWhateverTheOrderTheyWereGivenIn() {
        FeaturizerOptions ab = FeaturizerOptions.builder().kind("a", ColumnKind.TEXT).kind("b", ColumnKind.NUMERIC).build();
        FeaturizerOptions ba = FeaturizerOptions.builder().kind("b", ColumnKind.NUMERIC).kind("a", ColumnKind.TEXT).build();
        assertThat(ab.settings()).isEqualTo(ba.settings());
        assertThat(ab.settings().get("featurize.kinds")).isEqualTo("{a=text, b=numeric}");
        assertThat(new TabularFeaturizer(ab).settings()).isEqualTo(ab.settings());
    }
}
