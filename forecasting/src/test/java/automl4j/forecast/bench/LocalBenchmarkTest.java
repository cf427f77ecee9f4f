package automl4j.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBenchmarkTest {
    @TempDir
    Path dir;

    private void writePack() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"collections\": [{\"collection\": \"m3-tiny\", \"file\":"
                + " \"tiny.csv\", \"seasonal_period\": 1, \"horizon\": 2}]}");
        StringBuilder csv = new StringBuilder("series_id,t,date,value,split\n");
        for (int t = 1; t <= 12; t++) {
            csv.append("up,").append(t).append(",,").append(10 + t).append(t <= 10 ? ",train\n" : ",test\n");
        }
        // two training values: too short for theta (3) and dotm (5), so both fall back to seasonal naive
        csv.append("short,1,,5,train\nshort,2,,7,train\nshort,3,,8,test\nshort,4,,9,test\n");
        Files.writeString(dir.resolve("tiny.csv"), csv);
        Files.writeString(dir.resolve("baselines_series.csv"), "framework,collection,series_id,horizon,smape,mase,"
                + "fit_seconds,status,cpu_seconds\nsnaive,m3-tiny,up,2,10,2,0,ok,0.01\nsnaive,m3-tiny,short,2,10,1,0,ok,"
                + "0.01\ntheta,m3-tiny,up,2,5,0.5,0,ok,0.02\ntheta,m3-tiny,short,2,10,1,0,ok,0.02\n");
    }

    @Test
    void writesTheProtocolsFilesWithFallbacksAndCombination() throws Exception {
        writePack();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int status = LocalBenchmark.run(new String[] {"--pack", dir.toString(), "--baselines",
                dir.resolve("baselines_series.csv").toString(), "--forecasters", "snaive,theta", "--comb", "theta,dotm",
                "--threads", "2", "--out", dir.resolve("run").toString(), "--framework-prefix", "j-"},
                new PrintStream(table, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        assertThat(status).isZero();
        List<String> series = Files.readAllLines(dir.resolve("run_series.csv"));
        assertThat(series.get(0)).isEqualTo("framework,collection,series_id,horizon,smape,mase,fit_seconds,status,"
                + "cpu_seconds");
        assertThat(series).hasSize(1 + 2 * 3);
        assertThat(series.get(1)).startsWith("j-snaive,m3-tiny,up,2,");
        assertThat(series.get(2)).startsWith("j-theta,m3-tiny,up,2,").contains(",ok,");
        assertThat(series.get(3)).startsWith("j-comb,m3-tiny,up,2,").contains(",ok,");
        assertThat(series.get(5)).startsWith("j-theta,m3-tiny,short,2,")
                .contains(",fallback-snaive: history of 2 values is below the minimum 3,");
        assertThat(series.get(6)).startsWith("j-comb,m3-tiny,short,2,").contains(",component-fallback,");
        List<String> forecasts = Files.readAllLines(dir.resolve("run_forecasts.csv"));
        assertThat(forecasts).hasSize(1 + 2 * 3 * 2);
        assertThat(forecasts).contains("j-snaive,m3-tiny,short,1,7", "j-theta,m3-tiny,short,2,7");
        String text = table.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| m3-tiny | j-theta | 2 | 1 |");
        // R's theta is beside ours (means over the same two series); R's comb is another combination, so not
        assertThat(text).containsPattern("\\| m3-tiny \\| j-theta \\|.*\\| 7\\.50 \\| 0\\.750 \\| 0\\.500 \\| 20\\.0 \\|");
        assertThat(text).containsPattern("\\| m3-tiny \\| j-comb \\|.*\\| — \\| — \\| — \\| — \\|");
    }

    @Test
    void numbersAreWrittenToSignificantDigitsAsRWritesThem() {
        assertThat(LocalBenchmark.significant(1234.56789012345, 10)).isEqualTo("1234.56789");
        assertThat(LocalBenchmark.significant(0.000123456789, 4)).isEqualTo("0.0001235");
        assertThat(LocalBenchmark.significant(7, 10)).isEqualTo("7");
        assertThat(LocalBenchmark.significant(Double.NaN, 10)).isEmpty();
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(LocalBenchmark.run(new String[] {"--forecasters", "naive,prophet"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("forecaster 'prophet' is unknown; known are [");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--speed", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("option --speed is unknown; usage:");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--comb", "theta"}))
                .hasMessage("--comb needs >= 2 forecaster ids, but had [theta]");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--threads", "0"}))
                .hasMessage("--threads must be >= 1, but was 0");
        assertThat(BenchmarkOptions.parse(new String[] {"--comb", "theta,dotm"}).idsToFit())
                .containsExactly("naive", "snaive", "naive2", "theta", "dotm");
    }
}
