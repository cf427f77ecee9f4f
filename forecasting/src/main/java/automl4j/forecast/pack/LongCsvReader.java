package automl4j.forecast.pack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a collection's long CSV, {@code series_id,t,date,value,split}, header first, any column order; a file whose
 * name ends in {@code .gz} is gunzipped. Every series must have the rows t = 1..n once each, its training rows
 * before its test rows, and exactly the collection's horizon of test rows.
 */
final class LongCsvReader {
    private static final List<String> COLUMNS = List.of("series_id", "t", "date", "value", "split");

    private LongCsvReader() {
    }

    /** Opens a file, gunzipping it when its name ends in .gz. */
    static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One row: its line number for messages, then its fields. */
    private record Row(int line, int t, String date, double value, boolean train) {
    }

    static SeriesCollection read(Path file, CollectionInfo info) {
        String name = file.getFileName().toString();
        Map<String, List<Row>> bySeries = new LinkedHashMap<>();
        try (BufferedReader r = open(file)) {
            String header = r.readLine();
            if (header == null) {
                throw new PackFormatException(name + ": the file is empty; expected the header "
                        + String.join(",", COLUMNS));
            }
            List<String> names = List.of(fields(header));
            int[] at = new int[COLUMNS.size()];
            for (int c = 0; c < at.length; c++) {
                at[c] = names.indexOf(COLUMNS.get(c));
                if (at[c] < 0) {
                    throw new PackFormatException(name + ": column '" + COLUMNS.get(c) + "' not found; columns are "
                            + names);
                }
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = fields(line);
                if (f.length != names.size()) {
                    throw new PackFormatException(name + ": row " + lineNo + " must have " + names.size()
                            + " fields, but had " + f.length);
                }
                String id = f[at[0]];
                if (id.isEmpty()) {
                    throw new PackFormatException(name + ": row " + lineNo + ", column 'series_id' must not be empty");
                }
                int t = parseInt(f[at[1]], name, lineNo);
                double value = parseValue(f[at[3]], name, lineNo);
                String split = f[at[4]];
                if (!split.equals("train") && !split.equals("test")) {
                    throw new PackFormatException(name + ": row " + lineNo + ", column 'split' must be train or test,"
                            + " but was '" + split + "'");
                }
                bySeries.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Row(lineNo, t, f[at[2]], value, split.equals("train")));
            }
        } catch (IOException e) {
            throw new PackFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
        List<Series> series = new ArrayList<>(bySeries.size());
        bySeries.forEach((id, rows) -> series.add(toSeries(name, id, rows, info.horizon())));
        return new SeriesCollection(info, series);
    }

    private static Series toSeries(String file, String id, List<Row> rows, int horizon) {
        Row[] byT = new Row[rows.size()];
        for (Row row : rows) {
            if (row.t() < 1 || row.t() > byT.length) {
                throw new PackFormatException(file + ": row " + row.line() + ", column 't' must be in [1, "
                        + byT.length + "] (series '" + id + "' has " + byT.length + " rows), but was " + row.t());
            }
            if (byT[row.t() - 1] != null) {
                throw new PackFormatException(file + ": row " + row.line() + ": series '" + id + "' has t = " + row.t()
                        + " twice (first at row " + byT[row.t() - 1].line() + ")");
            }
            byT[row.t() - 1] = row;
        }
        int nTrain = 0;
        while (nTrain < byT.length && byT[nTrain].train()) {
            nTrain++;
        }
        for (int k = nTrain; k < byT.length; k++) {
            if (byT[k].train()) {
                throw new PackFormatException(file + ": row " + byT[k].line() + ": series '" + id
                        + "' has a train row at t = " + (k + 1) + " after its first test row (t = " + (nTrain + 1) + ")");
            }
        }
        if (nTrain == 0) {
            throw new PackFormatException(file + ": series '" + id + "' (row " + rows.get(0).line()
                    + ") has no train rows");
        }
        if (byT.length - nTrain != horizon) {
            throw new PackFormatException(file + ": series '" + id + "' (row " + rows.get(0).line() + ") must have "
                    + horizon + " test rows (the collection's horizon), but had " + (byT.length - nTrain));
        }
        double[] train = new double[nTrain];
        double[] test = new double[byT.length - nTrain];
        List<String> dates = new ArrayList<>(byT.length);
        for (int k = 0; k < byT.length; k++) {
            if (k < nTrain) {
                train[k] = byT[k].value();
            } else {
                test[k - nTrain] = byT[k].value();
            }
            dates.add(byT[k].date());
        }
        return new Series(id, train, test, dates);
    }

    /** Splits a line at commas, dropping the quotes around a quoted field (the pack's fields hold no commas). */
    static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            f[i] = s;
        }
        return f;
    }

    private static int parseInt(String s, String file, int line) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new PackFormatException(file + ": row " + line + ", column 't' must be an integer, but was '" + s
                    + "'");
        }
    }

    private static double parseValue(String s, String file, int line) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw new PackFormatException(file + ": row " + line + ", column 'value' must be a finite number, but was '"
                    + s + "'");
        }
        return v;
    }
}
