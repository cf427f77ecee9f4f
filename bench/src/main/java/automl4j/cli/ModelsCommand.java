package automl4j.cli;

import automl4j.registry.ModelRegistry;
import automl4j.registry.ModelSummary;
import automl4j.registry.ModelVersion;
import automl4j.registry.Stage;
import automl4j.registry.StageChange;
import com.fasterxml.jackson.databind.node.ObjectNode;
import automl4j.scoring.ScoringModel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code automl models list|show|register|promote|rollback|delete}: the registered models and their stages. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The models of a registry: list them, show one's versions and history, register an existing model file, "
                + "promote a version to a stage, roll the production version back, delete a version."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Register.class,
                ModelsCommand.Promote.class, ModelsCommand.Rollback.class, ModelsCommand.Delete.class})
final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage, as a bad command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static PrintStream out() {
        return CommonOptions.out;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every model: versions, latest and production version.")
    static final class ListModels implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                List<ModelSummary> models = registry.models();
                if (options.json) {
                    RegistryFormat.printJson(RegistryFormat.array(models, RegistryFormat::summary), out());
                    return ExitCodes.OK;
                }
                TextTable t = new TextTable("MODEL", "VERSIONS>", "LATEST>", "PRODUCTION>", "CREATED", "LAST CHANGE");
                models.forEach(m -> t.row(m.name(), m.versions(), m.latestVersion(), m.productionVersion(),
                        RegistryFormat.time(m.created()), RegistryFormat.time(m.lastChange())));
                t.print(out());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A model's versions (stage, run, scores, file, "
            + "SHA-256) and the history of its stages.")
    static final class Show implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
        String name;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                List<ModelVersion> versions = registry.versions(name);
                List<StageChange> history = registry.history(name);
                if (options.json) {
                    ObjectNode n = RegistryFormat.JSON.createObjectNode();
                    n.put("name", name);
                    n.set("versions", RegistryFormat.array(versions, RegistryFormat::version));
                    n.set("history", RegistryFormat.array(history, RegistryFormat::change));
                    RegistryFormat.printJson(n, out());
                    return ExitCodes.OK;
                }
                out().println("Model " + name + " in " + registry.database());
                TextTable t = new TextTable("VERSION>", "STAGE", "RUN>", "VALIDATION>", "TEST>", "CREATED", "SHA-256", "FILE");
                versions.forEach(v -> t.row(v.version(), v.stage().label(), v.runId(), RegistryFormat.score(v.metrics().get("validation")),
                        RegistryFormat.score(v.metrics().get("test")), RegistryFormat.time(v.created()),
                        RegistryFormat.shortHash(v.checksum()), registry.artifactFolder().relativize(v.file())));
                t.print(out());
                out().println();
                out().println("History:");
                TextTable h = new TextTable("AT", "VERSION>", "FROM", "TO", "REASON");
                history.forEach(c -> h.row(RegistryFormat.time(c.at()), c.version(), c.from(), c.to(), c.reason()));
                h.print(out());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = {"Register a model file written before (by "
            + "automl run, the Java API or an older registry) as the next version of NAME, without a run; creates the registry "
            + "if there is none.", "The file is read first, so a file that is not a model AutoML4J can score is refused and "
            + "nothing is registered."})
    static final class Register implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
        String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "The model file (.automl).")
        Path file;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Also move the new version to this stage: none "
                + "(default), staging, production or archived.")
        String stage;

        @Override
        public Integer call() {
            ConfigFile.checkModelName("NAME", name);
            Stage to = Stage.NONE;
            if (stage != null) {
                try {
                    to = Stage.parse(stage);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--stage: " + e.getMessage());
                }
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException("FILE " + file + ": no such file");
            }
            // Loading it checks the format, digests and learners as serving (or forecasting) would, before the registry
            // holds a copy.
            if (automl4j.forecast.ForecastModel.isForecastModel(file)) {
                automl4j.forecast.ForecastModel.load(file, automl4j.forecast.Forecasters.lookup());
            } else {
                ScoringModel.load(file);
            }
            try (ModelRegistry registry = options.openOrCreate()) {
                ModelVersion v = registry.register(name, file, null);
                if (to != Stage.NONE) {
                    v = registry.promote(name, v.version(), to);
                }
                if (options.json) {
                    RegistryFormat.printJson(RegistryFormat.version(v), out());
                    return ExitCodes.OK;
                }
                out().println("Registered " + file + " as model " + name + " version " + v.version() + " (stage "
                        + v.stage().label() + ", SHA-256 " + RegistryFormat.shortHash(v.checksum()) + ").");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Move a version to a stage; promoting to "
            + "production archives the production version in the same transaction.")
    static final class Promote implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "The version.")
        int version;

        @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "none, staging, production or archived.")
        String stage;

        @Override
        public Integer call() {
            Stage to;
            try {
                to = Stage.parse(stage);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--stage: " + e.getMessage());
            }
            try (ModelRegistry registry = options.open()) {
                Optional<ModelVersion> before = registry.production(name);
                ModelVersion v = registry.promote(name, version, to);
                if (options.json) {
                    RegistryFormat.printJson(RegistryFormat.version(v), out());
                    return ExitCodes.OK;
                }
                String archived = to == Stage.PRODUCTION && before.isPresent() && before.get().version() != version
                        ? "; version " + before.get().version() + " archived" : "";
                out().println("Model " + name + " version " + version + " is now in " + to.label() + archived + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Put the previous production version back "
            + "into production and archive the current one (two rollbacks in a row return to where they started).")
    static final class Rollback implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
        String name;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                int from = registry.production(name).map(ModelVersion::version).orElse(0);
                ModelVersion v = registry.rollback(name);
                if (options.json) {
                    RegistryFormat.printJson(RegistryFormat.version(v), out());
                    return ExitCodes.OK;
                }
                out().println("Model " + name + ": version " + v.version() + " is back in production; version " + from + " archived.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a version and its file; its number is "
            + "never given again. Refuses the production version unless --force.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "The version.")
        int version;

        @Option(names = "--force", description = "Delete the production version too (the model then has none).")
        boolean force;

        @Override
        public Integer call() {
            try (ModelRegistry registry = options.open()) {
                registry.delete(name, version, force);
                if (options.json) {
                    ObjectNode n = RegistryFormat.JSON.createObjectNode();
                    n.put("name", name);
                    n.put("version", version);
                    n.put("deleted", true);
                    RegistryFormat.printJson(n, out());
                    return ExitCodes.OK;
                }
                out().println("Deleted model " + name + " version " + version + ".");
                return ExitCodes.OK;
            }
        }
    }
}
