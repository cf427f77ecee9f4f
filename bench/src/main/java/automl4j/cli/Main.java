package automl4j.cli;

import automl4j.AutoMlException;
import automl4j.ConfigException;
import automl4j.DataException;
import automl4j.export.ModelFileException;
import automl4j.journal.JournalException;
import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code automl} command-line tool: {@code run} a search from a config file, run the {@code demo} on the embedded
 * dataset, {@code predict} with an exported model, {@code serve} it over HTTP, or {@code bench} a dataset suite. Exit codes: 0 success, 1 internal
 * error or no model, 2 bad command line or config, 3 bad data.
 */
@Command(name = "automl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "AutoML4J: featurized, parallel search over XGBoost4J, Tribuo and Smile learners.",
        subcommands = {RunCommand.class, DemoCommand.class, PredictCommand.class, ServeCommand.class, ReportCommand.class, CheckCommand.class, BenchCommand.class, BenchFoldCommand.class,
                AnytimeCommand.class, PortfolioCommand.class, GpuTrialsCommand.class, CorpusCommand.class, ModelsCommand.class,
                RunsCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error or no trial completed, 2 bad command line or config, 3 bad data."})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    /**
     * Runs the tool and exits with its code. The process keeps its temporary files (native libraries unpacked by
     * XGBoost4J, worker split files) in a folder of its own under {@code java.io.tmpdir}, deleted at the end; folders
     * left by killed processes are removed at start.
     */
    public static void main(String[] args) {
        CommandClock.countFromJvmStart();
        automl4j.internal.RunTempFolder temp = processTempFolder();
        int code;
        try {
            code = run(args, System.out, System.err);
        } finally {
            if (temp != null) {
                temp.close();
            }
        }
        System.exit(code);
    }

    // Set before any library creates a temporary file: the JDK reads java.io.tmpdir once, at its first temporary file.
    private static automl4j.internal.RunTempFolder processTempFolder() {
        try {
            automl4j.internal.RunTempFolder temp = automl4j.internal.RunTempFolder.create();
            System.setProperty("java.io.tmpdir", temp.path().toString());
            return temp;
        } catch (java.io.IOException | RuntimeException e) {
            return null;   // an unwritable temporary folder fails later, where it is used, with its own message
        }
    }

    /** Runs the tool and returns its exit code; for tests and embedding. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandClock.commandStarted();
        quietLibraries();
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("automl: " + ex.getMessage());
            err.println("Try 'automl --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, main.verbose || verboseRequested(args), err));
        cli.getSubcommands().get("run").getCommandSpec().usageMessage().footer(RunCommand.keysFooter());
        CommonOptions.out = out;
        return cli.execute(args);
    }

    /** Without a subcommand: print the usage and fail as a bad command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static boolean verboseRequested(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static int report(Exception ex, boolean verbose, PrintStream err) {
        int code;
        String message = ex.getMessage();
        if (ex.getCause() != null && message != null && message.equals(ex.getCause().toString())) {
            message = ex.getCause().getMessage();   // a wrapper that only repeats its cause ("java.lang.…Exception: …")
        }
        // By the library's exception kinds (AutoMlException's subclasses), most specific first. A plain
        // IllegalArgumentException still means bad data: a plug-in's (learner, featurizer, metric) complaint about a
        // cell or column it cannot use.
        // A registry's errors name the model, version, run or file: an unknown one, a refused change (the production
        // version deleted without --force), an altered model file, a database that cannot be opened or stays locked.
        if (ex instanceof UsageException || ex instanceof ConfigException || ex instanceof ModelFileException
                || ex instanceof automl4j.scoring.ModelFileException || ex instanceof JournalException
                || ex instanceof automl4j.registry.RegistryException) {
            code = ExitCodes.USAGE;
        } else if (ex instanceof DataException || ex instanceof IllegalArgumentException) {
            code = ExitCodes.DATA;
        } else if (ex instanceof AutoMlException) {
            code = ExitCodes.INTERNAL;   // no trial completed: the message lists the first failures
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + ex;
        }
        err.println("automl: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL && !(ex instanceof AutoMlException)) {
            err.println("Run again with --verbose for the stack trace.");
        }
        return code;
    }

    // Tribuo logs through java.util.logging; route it to SLF4J and keep only warnings, so progress lines stay readable.
    private static void quietLibraries() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    /** The version from the jar manifest, and the licence that applies to the tool as built (issue 18). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"automl4j " + automl4j.export.Versions.automl4j(),
                    "Licence of this tool: GPL-3.0-or-later, because automl.jar bundles Smile",
                    "(GPL-3.0-or-later); AutoML4J's own code is Apache-2.0. The jar's LICENSE and",
                    "META-INF/NOTICE hold the licence texts and the bundled libraries' notices."};
        }
    }
}
