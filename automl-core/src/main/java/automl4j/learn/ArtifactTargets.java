package automl4j.learn;

import automl4j.data.Target;
import automl4j.data.Tasks;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records a target in a model artifact's properties and reads it back, so every learner stores it the same way. For
 * learner authors; it lives beside {@link ModelArtifact} (it was in {@code automl4j.internal}, which must not depend on
 * the data vocabulary).
 */
public final class ArtifactTargets {
    // A unit separator cannot occur in a CSV label typed by a person, so it delimits class labels safely.
    private static final String SEP = "\u001f";

    private ArtifactTargets() {
    }

    /** Properties describing {@code target}: {@code task}, {@code target}, {@code classes}. */
    public static Map<String, String> of(Target target) {
        Map<String, String> props = new TreeMap<>();
        props.put("task", target.task().label());
        props.put("target", target.name());
        props.put("classes", String.join(SEP, target.classes()));
        return props;
    }

    /** The target recorded in {@code artifact}. */
    public static Target read(ModelArtifact artifact) {
        String classes = artifact.property("classes");
        return new Target(artifact.property("target"), Tasks.of(artifact.property("task"),
                classes.isEmpty() ? List.of() : List.of(classes.split(SEP, -1))));
    }
}
