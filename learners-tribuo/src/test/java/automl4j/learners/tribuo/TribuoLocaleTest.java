package automl4j.learners.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learn.FittedModel;
import automl4j.learn.Learner;
import automl4j.learn.ModelArtifact;
import automl4j.learn.TrainingSet;
import automl4j.learners.LearnerContract;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Feature names, and so fitted models, do not depend on the default locale's digits. */
class TribuoLocaleTest {
    /** Locales whose digits are not ASCII: Arabic (Egypt), Persian, Thai with Thai digits. */
    private static final List<Locale> NON_ASCII_DIGITS = List.of(Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("fa"),
            Locale.forLanguageTag("th-TH-u-nu-thai"));

    @Test
    void featureNamesAreAsciiUnderAnyLocale() throws Exception {
        for (Locale locale : NON_ASCII_DIGITS) {
            // The premise: this locale's formatter writes its own digits.
            assertThat(String.format(locale, "%d", 12)).isNotEqualTo("12");
            String[] names = under(locale, () -> TribuoData.names(13));
            assertThat(names[12]).as(locale.toLanguageTag()).isEqualTo("f000012");
            assertThat(TribuoData.column(names[12])).isEqualTo(12);
        }
    }

    @Test
    void aModelFittedUnderAnotherLocalePredictsAsOneFittedUnderRoot() throws Exception {
        Locale arabic = NON_ASCII_DIGITS.get(0);
        for (Learner learner : List.<Learner>of(new TribuoLinearSgdLearner(), new TribuoExtraTreesLearner(), new TribuoLibLinearLearner())) {
            for (Task task : LearnerContract.ALL) {
                TrainingSet data = LearnerContract.data(task, 120, 6);
                FittedModel root = under(Locale.ROOT, () -> learner.fit(data, learner.defaultConfig(task), FitContext.of(2, 1)));
                ModelArtifact there = under(arabic, () -> learner.fit(data, learner.defaultConfig(task), FitContext.of(2, 1)).export());
                // Exported there, loaded and used here: the names it knows are the ones every machine gives it.
                FittedModel loaded = under(Locale.ROOT, () -> learner.load(there));
                String what = learner.id() + " " + task.label();
                assertThat(LearnerContract.flatten(loaded.predict(data.features()))).as(what)
                        .isEqualTo(LearnerContract.flatten(root.predict(data.features())));
            }
        }
    }

    @Test
    void aModelWhoseFeaturesWereNamedInLocaleDigitsIsRefused() throws Exception {
        // What a build before the fix wrote under ar-EG: the learner's own properties, a model over names in Arabic digits.
        Task task = LearnerContract.BINARY;
        TrainingSet data = LearnerContract.data(task, 60, 7);
        ModelArtifact ours = new TribuoLinearSgdLearner().fit(data, new TribuoLinearSgdLearner().defaultConfig(task),
                FitContext.of(1, 1)).export();
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("automl4j", labels), labels);
        String[] names = new String[data.features().columns()];
        for (int c = 0; c < names.length; c++) {
            names[c] = String.format(Locale.forLanguageTag("ar-EG"), "f%06d", c);
        }
        for (int i = 0; i < data.features().rows(); i++) {
            float[] row = data.features().row(i);
            double[] v = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                v[c] = row[c];
            }
            ds.add(new ArrayExample<>(new Label(Integer.toString((int) data.labels().get(i))), names, v));
        }
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1), 2, 1L).train(ds);
        ModelArtifact old = new ModelArtifact(ours.learnerId(), ours.format(), ours.properties(), model.serialize().toByteArray());
        assertThatThrownBy(() -> new TribuoLinearSgdLearner().load(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tribuo-linear-sgd payload names feature 'f\u0660\u0660\u0660\u0660\u0660")
                .hasMessageContaining("in non-ASCII digits");
    }

    @Test
    void onlyNamesInOtherDigitsCountAsLocaleDigits() {
        assertThat(TribuoData.inLocaleDigits("f\u0660\u0660\u0660\u0660\u0661\u0662")).isTrue();
        assertThat(TribuoData.inLocaleDigits("f000012")).isFalse();
        assertThat(TribuoData.inLocaleDigits("age")).isFalse();
        assertThat(TribuoData.inLocaleDigits("f")).isFalse();
    }

    /** {@code body}'s result with the default locale (all categories) set to {@code locale}, restored after. */
    private static <T> T under(Locale locale, Callable<T> body) throws Exception {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale all = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return body.call();
        } finally {
            Locale.setDefault(all);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
