package automl4j.serving;

import automl4j.scoring.ScoringModel;
import java.util.Objects;

/**
 * One loaded version of the served model.
 *
 * @param model   the loaded model; thread-safe
 * @param version what the server reports as this version in responses, {@code /metadata} and metrics: for a model
 *                file the start of its SHA-256 ({@code sha256:1f0c2a9b4e7d}), for a registry its version number
 */
public record ServedModel(ScoringModel model, String version) {
    /** Checks that both parts are given and the version is not blank. */
    public ServedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("a served model's version must not be blank");
        }
    }
}
