package automl4j.learners.tribuo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Set;

/**
 * The Java-serialized models inside a Tribuo payload, read once under a strict {@link ObjectInputFilter} before Tribuo
 * reads them. Tribuo keeps each LIBLINEAR model of a {@code tribuo-liblinear} payload as Java serialization bytes
 * ({@code LibLinearModelProto.models}) and reads them back with a plain {@link ObjectInputStream}, which would
 * instantiate any serializable class on the class path those bytes name (and run its {@code readObject}); the
 * allow-list of class names ({@link TribuoClassNames}) does not look inside them. A stream that this filter lets
 * through holds only a LIBLINEAR model (its solver enum, its label and weight arrays), so Tribuo reading the same bytes
 * creates nothing else.
 *
 * <p>Twin of {@code automl4j.scoring.TribuoSerializedModels} in the scoring module, which cannot be shared: this module
 * does not depend on scoring, and scoring reads payloads without the engine. Keep the two alike.
 */
final class TribuoSerializedModels {
    private static final String LIBLINEAR_MODELS = "tribuo.common.liblinear.LibLinearModelProto";
    private static final String LIBLINEAR_MODEL = "de.bwaldvogel.liblinear.Model";
    /** What a LIBLINEAR model's serialized form holds. */
    private static final Set<String> ALLOWED = Set.of(LIBLINEAR_MODEL, "de.bwaldvogel.liblinear.SolverType",
            "java.lang.Enum", "[D", "[I");
    /** A model, its enum and arrays: never deeper than the arrays inside the model. */
    private static final long MAX_DEPTH = 4;
    private static final long MAX_REFERENCES = 32;

    private TribuoSerializedModels() {
    }

    /**
     * Refuses {@code message} if a LIBLINEAR model inside it is not one LIBLINEAR model and nothing else, or declares an
     * array longer than a tensor may be ({@link TribuoShapes#MAX_ELEMENTS}).
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    static void check(Message message) {
        TribuoClassNames.walk(message, "model", (where, m) -> {
            if (m.getDescriptorForType().getFullName().equals(LIBLINEAR_MODELS)) {
                FieldDescriptor f = m.getDescriptorForType().findFieldByName("models");
                List<?> models = (List<?>) m.getField(f);
                for (int i = 0; i < models.size(); i++) {
                    read(where + ".models[" + i + "]", (ByteString) models.get(i));
                }
            }
        });
    }

    private static void read(String where, ByteString bytes) {
        Object model;
        try (InputStream raw = bytes.newInput(); ObjectInputStream in = new ObjectInputStream(raw)) {
            // Per stream, not JVM-wide: the application's own filter (jdk.serialFilter) is left as it is.
            in.setObjectInputFilter(TribuoSerializedModels::filter);
            model = in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalArgumentException("the Tribuo payload's LIBLINEAR model at " + where + " is not one AutoML4J writes: "
                    + e, e);
        }
        if (model == null || !model.getClass().getName().equals(LIBLINEAR_MODEL)) {
            throw new IllegalArgumentException("the Tribuo payload's LIBLINEAR model at " + where + " holds "
                    + (model == null ? "null" : model.getClass().getName()) + ", not a LIBLINEAR model");
        }
    }

    private static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > TribuoShapes.MAX_ELEMENTS) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            // A call about limits only (a back reference, or the stream's size): the limits above were its check.
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ALLOWED.contains(c.getName()) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }
}
