package automl4j.cli;

import automl4j.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry DB} and {@code --json}, shared by the {@code models} and {@code runs} commands. */
final class RegistryOptions {
    /** The registry file that every command uses when not told otherwise: in the working folder. */
    static final String DEFAULT_FILE = "automl-registry.db";

    @Option(names = "--registry", paramLabel = "DB", description = "The registry database, an SQLite file (default: "
            + DEFAULT_FILE + " in the working folder); its model files are in DB.artifacts beside it.")
    Path registry = Path.of(DEFAULT_FILE);

    @Option(names = "--json", description = "Print JSON instead of aligned tables.")
    boolean json;

    /** Opens the registry, which must exist: reading commands do not create an empty one by mistake. */
    ModelRegistry open() {
        if (!Files.isRegularFile(registry)) {
            throw new UsageException("--registry " + registry + ": no registry database there (runs are registered with automl run "
                    + "--register NAME, or the config keys registry.path and registry.model)");
        }
        return ModelRegistry.open(registry);
    }

    /** Opens the registry, creating it if there is none: for the commands that add to it. */
    ModelRegistry openOrCreate() {
        return ModelRegistry.open(registry);
    }
}
