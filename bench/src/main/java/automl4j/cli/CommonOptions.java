package automl4j.cli;

import java.io.PrintStream;

/** Where commands print; set by {@link Main#run} so tests can capture it. */
final class CommonOptions {
    static volatile PrintStream out = System.out;

    private CommonOptions() {
    }
}
