package automl4j.forecast.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@link LocalBenchmark}, parsed from {@code --name value} pairs.
 *
 * @param forecasters     the forecaster ids to run
 * @param comb            the ids whose mean forecast is scored as framework {@code comb}; empty for none
 * @param collections     the collections to run; empty for all of the manifest's
 * @param threads         the number of series fitted at once
 * @param pack            the pack's folder, or null to locate it
 * @param baselines       the R baselines' {@code baselines_series.csv}, or null to locate it
 * @param out             the output files' prefix: {@code OUT_series.csv} and {@code OUT_forecasts.csv}
 * @param frameworkPrefix put before each id to name the framework in the output files
 */
record BenchmarkOptions(List<String> forecasters, List<String> comb, List<String> collections, int threads, Path pack,
                        Path baselines, String out, String frameworkPrefix) {
    static final String USAGE = "usage: LocalBenchmark [--forecasters naive,snaive,naive2,theta] [--comb ID,ID,...]"
            + " [--collections NAME,...] [--threads N] [--pack DIR] [--baselines baselines_series.csv]"
            + " [--out PREFIX] [--framework-prefix PREFIX]";

    BenchmarkOptions {
        forecasters = List.copyOf(forecasters);
        comb = List.copyOf(comb);
        collections = List.copyOf(collections);
    }

    static BenchmarkOptions parse(String[] args) {
        List<String> forecasters = List.of("naive", "snaive", "naive2", "theta");
        List<String> comb = List.of();
        List<String> collections = List.of();
        int threads = Runtime.getRuntime().availableProcessors();
        Path pack = null;
        Path baselines = null;
        String out = "local-benchmark";
        String prefix = "automl4j-";
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + " needs a value; " + USAGE);
            }
            String v = args[i + 1];
            switch (key) {
                case "--forecasters":
                    forecasters = list(v);
                    break;
                case "--comb":
                    comb = list(v);
                    break;
                case "--collections":
                    collections = list(v);
                    break;
                case "--threads":
                    threads = Integer.parseInt(v);
                    if (threads < 1) {
                        throw new IllegalArgumentException("--threads must be >= 1, but was " + threads);
                    }
                    break;
                case "--pack":
                    pack = Path.of(v);
                    break;
                case "--baselines":
                    baselines = Path.of(v);
                    break;
                case "--out":
                    out = v;
                    break;
                case "--framework-prefix":
                    prefix = v;
                    break;
                default:
                    throw new IllegalArgumentException("option " + key + " is unknown; " + USAGE);
            }
        }
        if (comb.size() == 1) {
            throw new IllegalArgumentException("--comb needs >= 2 forecaster ids, but had " + comb);
        }
        return new BenchmarkOptions(forecasters, comb, collections, threads, pack, baselines, out, prefix);
    }

    /** Every id to fit: the forecasters, then comb members not among them. */
    List<String> idsToFit() {
        List<String> ids = new ArrayList<>(forecasters);
        comb.stream().filter(c -> !ids.contains(c)).forEach(ids::add);
        return ids;
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
