package automl4j.scoring;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Columns of cells seen as rows: row {@code i} is a read-only map from each of the model's columns to its cell
 * {@code i}, read from the column when asked. What {@link ScoringModel#predictColumns} featurizes, in place of a new
 * hash map per row, which took as long as featurizing the row.
 */
final class ColumnRows extends AbstractList<Map<String, ?>> {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<?>[] cells;
    private final int size;

    /** The rows of {@code columns}' lists named in {@code names} (every one present, each of {@code size} cells). */
    ColumnRows(List<String> names, Map<String, ? extends List<?>> columns, int size) {
        this.names = names;
        this.cells = new List<?>[names.size()];
        for (int k = 0; k < cells.length; k++) {
            index.put(names.get(k), k);
            cells[k] = columns.get(names.get(k));
        }
        this.size = size;
    }

    @Override
    public Map<String, ?> get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size);
        }
        return new Row(i);
    }

    @Override
    public int size() {
        return size;
    }

    /** Row {@code i}: a cell per column, read on demand. */
    private final class Row extends AbstractMap<String, Object> {
        private final int row;

        Row(int row) {
            this.row = row;
        }

        @Override
        public Object get(Object key) {
            Integer k = index.get(key);
            return k == null ? null : cells[k].get(row);
        }

        @Override
        public boolean containsKey(Object key) {
            return index.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int k;

                        @Override
                        public boolean hasNext() {
                            return k < cells.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            int at = k++;
                            return new SimpleImmutableEntry<>(names.get(at), cells[at].get(row));
                        }
                    };
                }

                @Override
                public int size() {
                    return cells.length;
                }
            };
        }
    }
}
