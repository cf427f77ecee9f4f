package automl4j.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads and runs a Tribuo member with nothing but this module's classes: {@link TribuoRuntimeClasspathTest} calls it
 * through a class loader that sees only the module's run-time class path, so it must name no engine or test class.
 */
final class TribuoIsolated {
    private TribuoIsolated() {
    }

    /** The member's prediction of each row; JDK types only in the signature, as they cross class loaders. */
    static double[][] predict(String learner, String format, Map<String, String> properties, byte[] payload, int columns,
                              boolean sparse, float[][] rows) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("x" + c);
        }
        String classes = properties.getOrDefault("classes", "");
        Manifest.Target target = new Manifest.Target("y", properties.get("task"),
                classes.isEmpty() ? List.of() : List.of(classes.split("\u001f", -1)));
        Manifest.Member member = new Manifest.Member(1.0, 0, learner, format, "members/0/payload", properties);
        MemberModel model = TribuoMemberModel.load(new MemberPayload(member, payload, target, names, sparse));
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = model.predict(rows[r]);
        }
        return out;
    }
}
