package automl4j.spark;

import automl4j.AutoMlModel;
import automl4j.export.PipelineBundle;
import automl4j.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model files as bytes, as they travel to executors in a broadcast. The engine reads and writes model files by path
 * only, so both ways go through a temporary file, deleted at once. Shared by this module's packages; not meant for
 * users.
 */
public final class ModelBytes {
    private ModelBytes() {
    }

    /**
     * The engine's model of a model file's bytes.
     *
     * @throws UncheckedIOException if the temporary file cannot be written
     */
    public static AutoMlModel load(byte[] file) {
        try {
            Path tmp = Files.createTempFile("automl4j-model-", ".automl");
            try {
                Files.write(tmp, file);
                return AutoMlModel.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model file to a temporary file: " + e.getMessage(), e);
        }
    }

    /**
     * The model file of {@code pipeline}, as bytes.
     *
     * @throws UncheckedIOException if the temporary file cannot be written or read
     */
    public static byte[] of(Pipeline pipeline) {
        try {
            Path tmp = Files.createTempFile("automl4j-model-", ".automl");
            try {
                PipelineBundle.write(pipeline, tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model file to a temporary file: " + e.getMessage(), e);
        }
    }
}
