package automl4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.featurizers.ColumnKind;
import automl4j.featurizers.FeaturizerOptions;
import automl4j.featurizers.FeaturizerOptions.HighCardinalityEncoding;
import automl4j.featurizers.FeaturizerOptions.Imputation;
import automl4j.featurizers.FeaturizerOptions.LowCardinalityEncoding;
import automl4j.featurizers.FeaturizerOptions.Scaling;
import automl4j.learn.FeatureMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The scoring transform gives, bit for bit, the row the engine's fitted tabular transform gives. */
class TabularTransformTest {
    private static final Table TRAINING = EngineTables.training(300);

    /** Training rows, then rows with every cell missing, unseen categories, text in numeric columns and rare levels. */
    private static List<Map<String, Object>> rows(Table like) {
        boolean text = like.column("age").type().name().equals("STRING");
        List<Map<String, Object>> rows = new ArrayList<>(EngineTables.rowsOf(like, 0, 1, 2, 7, 11, 42, 97 + 5));
        Map<String, Object> missing = new LinkedHashMap<>();
        like.columnNames().forEach(c -> missing.put(c, null));
        rows.add(missing);
        Map<String, Object> unseen = new LinkedHashMap<>(EngineTables.row(like, 3));
        unseen.put("plan", "enterprise");
        unseen.put("region", "R99");
        unseen.put("paperless", "maybe");
        unseen.put("calls_level", "99");
        unseen.put("fee_text", "unknown");
        rows.add(unseen);
        Map<String, Object> odd = new LinkedHashMap<>(EngineTables.row(like, 4));
        odd.put("age", text ? "-0.0" : -0.0);
        odd.put("monthly_fee", text ? "1e6" : 1e6);
        odd.put("paperless", " YES ");
        odd.put("region", "R1");
        rows.add(odd);
        return rows;
    }

    private static void assertSameAsEngine(Table training, FeaturizerOptions options, Target target) {
        FittedTransform engine = EngineTables.fit(training, target, options);
        assertSameRows(engine, TabularTransform.of(engine.export()), training, rows(training));
    }

    /**
     * The engine's transform of {@code rows} (a table with the column types of {@code like}) and the scoring transform of
     * each row have the same features, bit for bit, and the same sparse form; returns the engine's matrix.
     */
    static FeatureMatrix assertSameRows(FittedTransform engine, TabularTransform scoring, Table like, List<Map<String, Object>> rows) {
        assertThat(scoring.featureNames()).isEqualTo(engine.featureNames());
        FeatureMatrix expected = engine.transform(EngineTables.of(like, rows), null);
        assertThat(scoring.sparse()).as("sparse").isEqualTo(expected.isSparse());
        for (int i = 0; i < rows.size(); i++) {
            float[] want = expected.row(i);
            float[] got = scoring.transform(rows.get(i));
            assertThat(bits(got)).as("row %d %s, features %s", i, rows.get(i), engine.featureNames()).isEqualTo(bits(want));
        }
        return expected;
    }

    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    @Test
    void defaultsMatchTheEngine() {
        assertSameAsEngine(TRAINING, FeaturizerOptions.defaults(), EngineTables.CHURN);
    }

    @Test
    void oneHotWithRareLevelsAndDeclaredCategoriesMatchesTheEngine() {
        // 300 rows over 12 regions: about 25 each, so a minimum of 26 makes some of them rare ("other").
        FeaturizerOptions options = FeaturizerOptions.builder().rareMinCount(26).kind("calls_level", ColumnKind.CATEGORICAL).build();
        FittedTransform engine = EngineTables.fit(TRAINING, EngineTables.CHURN, options);
        assertThat(engine.featureNames()).contains("region=other", "plan=missing", "calls_level=1", "paperless=yes",
                "paperless=missing", "fee_text=missing");
        assertSameAsEngine(TRAINING, options, EngineTables.CHURN);
    }

    @Test
    void targetEncodingMeanImputationAndRobustScalingMatchTheEngine() {
        assertSameAsEngine(TRAINING, FeaturizerOptions.builder().lowCardinality(LowCardinalityEncoding.TARGET)
                .imputation(Imputation.MEAN).scaling(Scaling.ROBUST).build(), EngineTables.CHURN);
    }

    @Test
    void multiclassTargetEncodingMatchesTheEngine() {
        Target plan = new Target("region", new Classification(List.of("R1", "R10", "R11", "R12", "R2", "R3", "R4", "R5", "R6",
                "R7", "R8", "R9")));
        Table training = TRAINING.copy();
        training.removeColumns(EngineTables.CHURN.name());
        FeaturizerOptions options = FeaturizerOptions.builder().lowCardinality(LowCardinalityEncoding.TARGET).build();
        assertThat(EngineTables.fit(training, plan, options).featureNames()).contains("plan:target11");
        assertSameAsEngine(training, options, plan);
    }

    @Test
    void frequencyEncodingWithoutScalingMatchesTheEngine() {
        assertSameAsEngine(TRAINING, FeaturizerOptions.builder().kind("region", ColumnKind.HIGH_CARDINALITY)
                .highCardinality(HighCardinalityEncoding.FREQUENCY).scaling(Scaling.NONE).imputation(Imputation.MOST_FREQUENT)
                .build(), EngineTables.CHURN);
    }

    @Test
    void hashedCategoriesAndConstantImputationMatchTheEngine() {
        assertSameAsEngine(TRAINING, FeaturizerOptions.builder().kind("region", ColumnKind.HIGH_CARDINALITY)
                .highCardinality(HighCardinalityEncoding.HASHING).imputation(Imputation.CONSTANT).build(), EngineTables.CHURN);
    }

    @Test
    void aTableReadAsTextMatchesTheEngine() {
        assertSameAsEngine(EngineTables.asText(TRAINING), FeaturizerOptions.builder().rareMinCount(26).build(), EngineTables.CHURN);
    }

    @Test
    void refusesTextInAColumnThatWasAllNumbers() {
        // A typed column in training: text in it is an error. (A column of text that was all numbers reads text as missing.)
        TabularTransform scoring = TabularTransform.of(EngineTables.fit(TRAINING, EngineTables.CHURN,
                FeaturizerOptions.defaults()).export());
        Map<String, Object> row = new LinkedHashMap<>(EngineTables.row(TRAINING, 0));
        row.put("age", "old");
        assertThatThrownBy(() -> scoring.transform(row)).hasMessage("column 'age' must be a number, but was 'old'");
        row.put("age", java.time.LocalDate.of(2020, 1, 1));
        assertThatThrownBy(() -> scoring.transform(row)).hasMessageStartingWith("column 'age' must be a String, a number");
    }

    @Test
    void refusesAnUnknownEncoder() {
        byte[] json = ("{\"featurizer\":\"tabular\",\"version\":2,\"inputs\":[\"note\"],\"encoders\":[{\"encoder\":\"word2vec\","
                + "\"column\":\"note\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TabularTransform.of(json)).hasMessage("unknown encoder 'word2vec' in featurizer entry");
    }
}
