package automl4j.cli;

import automl4j.featurize.Guardrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the data guardrails and writes them as {@code guardrails.json}. */
final class GuardrailsOutput {
    static final String FILE = "guardrails.json";

    private GuardrailsOutput() {
    }

    /** Prints every guardrail that is not passed in full, and the passed ones by name. */
    static void print(List<Guardrail> guardrails, PrintStream out) {
        out.println("Data guardrails:");
        for (Guardrail g : guardrails) {
            out.printf("  %-7s %-18s %s%n", g.status().label(), g.check(), g.message());
        }
    }

    /** Writes {@code guardrails.json} into {@code dir}: {"guardrails": [{check, status, message, columns, figures}]}. */
    static void write(List<Guardrail> guardrails, Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode a = root.putArray("guardrails");
        guardrails.forEach(g -> a.add(g.toJson(json)));
        Files.createDirectories(dir);
        automl4j.internal.AtomicFiles.write(dir.resolve(FILE), json.writeValueAsBytes(root));
    }
}
