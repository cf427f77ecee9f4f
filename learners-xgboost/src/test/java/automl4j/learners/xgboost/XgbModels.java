package automl4j.learners.xgboost;

import automl4j.data.Task;
import automl4j.learn.FitContext;
import automl4j.learners.LearnerContract;
import automl4j.space.Config;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Tiny real XGBoost models of every task (on the learner contract's data), trained once per test JVM. */
final class XgbModels {
    private static final Map<Task, XgboostModel> MODELS = new HashMap<>();

    private XgbModels() {
    }

    /** A model of {@code task} with 3 rounds of depth-3 trees. */
    static synchronized XgboostModel model(Task task) {
        return MODELS.computeIfAbsent(task, t -> {
            XgboostLearner learner = new XgboostLearner();
            Map<String, Object> v = new TreeMap<>(learner.defaultConfig(t).values());
            v.put("n_estimators", 3);
            v.put("max_depth", 3);
            return (XgboostModel) learner.fit(LearnerContract.data(t, 80, 1), Config.of("xgboost", v), FitContext.of(1, 1));
        });
    }

    /** The exported UBJ payload of {@link #model}. */
    static byte[] payload(Task task) {
        return model(task).export().payload();
    }
}
