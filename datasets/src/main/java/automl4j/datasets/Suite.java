package automl4j.datasets;

import automl4j.data.Tasks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a benchmark suite manifest ({@code suite.json}, see {@code ../shared/bench/PROTOCOL.md}) and its fold files. */
public final class Suite {
    private Suite() {
    }

    /**
     * The non-forecasting datasets of the suite at {@code manifest}, in file order; paths resolve against its folder.
     *
     * @throws DataFormatException naming the manifest and the entry for a missing field or an unknown task
     */
    public static List<SuiteEntry> read(Path manifest) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new DataFormatException("cannot read suite manifest " + manifest + ": " + e.getMessage(), e);
        }
        JsonNode list = root.path("datasets");
        if (!list.isArray()) {
            throw new DataFormatException(manifest + ": expected a 'datasets' list");
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<SuiteEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            String task = field(e, "task", manifest, i);
            if (task.equals("forecasting")) {
                i++;
                continue;
            }
            String type;
            try {
                type = Tasks.parseLabel(task);
            } catch (IllegalArgumentException ex) {
                throw new DataFormatException(manifest + ", dataset " + i + ": " + ex.getMessage());
            }
            entries.add(new SuiteEntry(field(e, "name", manifest, i), base.resolve(field(e, "file", manifest, i)), type,
                    field(e, "target", manifest, i), base.resolve(field(e, "folds_file", manifest, i))));
            i++;
        }
        return entries;
    }

    /**
     * The outer fold of each data row, checked to be 0..4 and to match {@code rows}.
     *
     * @throws DataFormatException naming the file and line
     */
    public static int[] readFolds(Path file, int rows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new DataFormatException("cannot read folds file " + file + ": " + e.getMessage(), e);
        }
        List<Integer> folds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                int f = Integer.parseInt(s);
                if (f < 0 || f > 4) {
                    throw new NumberFormatException();
                }
                folds.add(f);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file + ", line " + (i + 1) + ": expected a fold id 0..4, but found '" + s + "'");
            }
        }
        if (folds.size() != rows) {
            throw new DataFormatException(file + " has " + folds.size() + " fold ids but the data has " + rows + " rows");
        }
        return folds.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String field(JsonNode e, String key, Path manifest, int i) {
        JsonNode v = e.get(key);
        if (v == null || !v.isTextual()) {
            throw new DataFormatException(manifest + ", dataset " + i + ": field '" + key + "' is missing or not text");
        }
        return v.asText();
    }
}
