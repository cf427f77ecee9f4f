package automl4j.serving;

import automl4j.scoring.InputColumn;
import automl4j.scoring.InputSchema;
import automl4j.scoring.ModelMetadata;
import automl4j.scoring.Prediction;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON bodies of successful answers: predictions, the input schema, the metadata and the status documents. Each
 * carries the model's name and the version that produced it.
 */
final class JsonAnswers {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonAnswers() {
    }

    /**
     * {@code {"model": ..., "version": ..., "predictions": [...]}}, one entry per row in order: {@code {"label": ...,
     * "probabilities": {class: p, ...}}} or {@code {"value": ...}} (null when not finite, which JSON cannot hold).
     */
    static byte[] predictions(String name, String version, Prediction[] predictions) {
        return write(64 + predictions.length * 64, g -> {
            head(g, name, version);
            g.writeArrayFieldStart("predictions");
            for (Prediction p : predictions) {
                g.writeStartObject();
                if (p.isClassification()) {
                    g.writeStringField("label", p.label());
                    g.writeObjectFieldStart("probabilities");
                    List<String> classes = p.classes();
                    double[] probabilities = p.probabilities();
                    for (int k = 0; k < probabilities.length; k++) {
                        g.writeFieldName(classes.get(k));
                        number(g, probabilities[k]);
                    }
                    g.writeEndObject();
                } else {
                    g.writeFieldName("value");
                    number(g, p.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The {@code /schema} document: every column with its kind, use and categories, and the columns a row needs. */
    static byte[] schema(String name, String version, InputSchema schema) {
        return write(1024, g -> {
            head(g, name, version);
            g.writeArrayFieldStart("columns");
            for (InputColumn c : schema.columns()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeStringField("kind", c.kind());
                g.writeBooleanField("used", c.used());
                strings(g, "categories", c.categories());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "usedColumns", schema.usedColumns());
            g.writeEndObject();
        });
    }

    /** The {@code /metadata} document: {@link ModelMetadata} field by field. */
    static byte[] metadata(String name, String version, ModelMetadata m) {
        return write(1024, g -> {
            head(g, name, version);
            g.writeNumberField("formatVersion", m.formatVersion());
            g.writeStringField("automl4jVersion", m.automl4jVersion());
            g.writeStringField("target", m.target());
            g.writeStringField("task", m.task());
            strings(g, "classes", m.classes());
            g.writeArrayFieldStart("members");
            for (ModelMetadata.Member member : m.members()) {
                g.writeStartObject();
                g.writeStringField("learner", member.learner());
                g.writeNumberField("weight", member.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("stacked", m.stacked());
            g.writeFieldName("decisionThreshold");
            if (m.decisionThreshold().isPresent()) {
                g.writeNumber(m.decisionThreshold().getAsDouble());
            } else {
                g.writeNull();
            }
            g.writeObjectFieldStart("info");
            for (Map.Entry<String, String> e : new TreeMap<>(m.info()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code {"status": ..., "model": ..., "version": ...}} for {@code /health} and {@code /ready}. */
    static byte[] status(String status, String name, String version) {
        return write(128, g -> {
            g.writeStartObject();
            g.writeStringField("status", status);
            g.writeStringField("model", name);
            g.writeStringField("version", version);
            g.writeEndObject();
        });
    }

    private static void head(JsonGenerator g, String name, String version) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", name);
        g.writeStringField("version", version);
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static byte[] write(int size, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return out.toByteArray();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
