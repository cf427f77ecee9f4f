package automl4j.datasets;

import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table every reader builds: one text column per header name, null cells missing (the featurizer parses them). */
final class TextColumns {
    private TextColumns() {
    }

    /** A table named {@code name} of the columns' cells, column {@code c} named {@code header.get(c)}. */
    static Table table(String name, List<String> header, List<List<String>> columns) {
        Table table = Table.create(name);
        for (int c = 0; c < header.size(); c++) {
            StringColumn col = StringColumn.create(header.get(c));
            for (String v : columns.get(c)) {
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append(v);
                }
            }
            table.addColumns(col);
        }
        return table;
    }
}
