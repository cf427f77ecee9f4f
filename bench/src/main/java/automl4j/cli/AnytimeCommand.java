package automl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code automl anytime}: anytime curves (best validation score against time) from the details of bench runs. */
@Command(name = "anytime", mixinStandardHelpOptions = true,
        description = {"Draw anytime curves from the details files that 'automl bench' writes.",
                "Per dataset, one line per details file (.details.jsonl): the best validation score so far against elapsed "
                        + "seconds, averaged over the folds the file has for that dataset. The last point of each fold is "
                        + "what the run returned (an ensemble, when one was exported). Writes DATASET.svg and DATASET.png."})
final class AnytimeCommand implements Callable<Integer> {
    @Option(names = "--details", required = true, split = ",", description = "Details files, one line each in the chart.")
    List<Path> details;

    @Option(names = "--labels", split = ",", description = "Line labels, one per details file (default: the framework names).")
    List<String> labels;

    @Option(names = "--datasets", split = ",", description = "Datasets to draw (default: those in every file).")
    List<String> datasets;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--step", defaultValue = "0.25", description = "Time grid step in seconds (default: ${DEFAULT-VALUE}).")
    double step;

    @Override
    public Integer call() throws IOException {
        if (labels != null && labels.size() != details.size()) {
            throw new UsageException("--labels has " + labels.size() + " labels for " + details.size() + " details files");
        }
        ObjectMapper json = new ObjectMapper();
        List<String> names = new ArrayList<>();
        List<Map<String, List<JsonNode>>> runs = new ArrayList<>();
        for (int f = 0; f < details.size(); f++) {
            Map<String, List<JsonNode>> byDataset = new LinkedHashMap<>();
            String framework = null;
            int line = 0;
            for (String text : Files.readAllLines(details.get(f))) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(text);
                if (!n.has("anytime")) {
                    throw new UsageException(details.get(f) + " line " + line + " has no anytime curve; it was written by an "
                            + "older 'automl bench'");
                }
                framework = n.path("framework").asText(details.get(f).getFileName().toString());
                byDataset.computeIfAbsent(n.path("dataset").asText(), k -> new ArrayList<>()).add(n);
            }
            names.add(labels != null ? labels.get(f) : framework);
            runs.add(byDataset);
        }
        List<String> chosen = datasets != null ? datasets : runs.stream().map(Map::keySet).reduce((a, b) -> {
            TreeSet<String> both = new TreeSet<>(a);
            both.retainAll(b);
            return both;
        }).map(ArrayList::new).orElseGet(ArrayList::new);
        Files.createDirectories(out);
        for (String dataset : chosen) {
            String metric = runs.get(0).getOrDefault(dataset, List.of()).stream().map(n -> n.path("metric").asText(""))
                    .findFirst().orElse("");
            XYChart chart = new XYChartBuilder().width(800).height(500).title(dataset)
                    .xAxisTitle("elapsed seconds").yAxisTitle("best validation score so far" + (metric.isEmpty() ? "" : " (" + metric + ")"))
                    .build();
            for (int f = 0; f < runs.size(); f++) {
                List<JsonNode> folds = runs.get(f).getOrDefault(dataset, List.of());
                if (folds.isEmpty()) {
                    throw new UsageException(details.get(f) + " has no fold of dataset '" + dataset + "'");
                }
                double[][] curve = meanCurve(folds, step);
                if (curve[0].length > 0) {
                    chart.addSeries(names.get(f), curve[0], curve[1]).setMarker(SeriesMarkers.NONE);
                }
            }
            Path base = out.resolve(dataset);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
            CommonOptions.out.println("Wrote " + base + ".svg and .png");
        }
        return ExitCodes.OK;
    }

    /** Mean over folds of each fold's best-so-far score on a time grid, from the time every fold has a score. */
    static double[][] meanCurve(List<JsonNode> folds, double step) {
        double end = 0;
        double start = 0;
        for (JsonNode f : folds) {
            JsonNode pts = f.path("anytime");
            if (pts.isEmpty()) {
                return new double[2][0];
            }
            start = Math.max(start, pts.get(0).get(0).asDouble());
            end = Math.max(end, pts.get(pts.size() - 1).get(0).asDouble());
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double t = start; t <= end + step; t += step) {
            double sum = 0;
            for (JsonNode f : folds) {
                double v = Double.NaN;
                for (JsonNode p : f.path("anytime")) {
                    if (p.get(0).asDouble() <= t) {
                        v = p.get(1).asDouble();
                    }
                }
                sum += v;
            }
            xs.add(Math.min(t, end));
            ys.add(sum / folds.size());
        }
        return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()};
    }
}
