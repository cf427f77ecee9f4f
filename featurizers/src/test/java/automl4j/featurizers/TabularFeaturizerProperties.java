package automl4j.featurizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import automl4j.data.Classification;
import automl4j.data.Target;
import automl4j.featurize.FittedTransform;
import automl4j.learn.FeatureMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TabularFeaturizerProperties {
    static final Target TARGET = new Target("y", new Classification(List.of("a", "b")));

    /** A table of random numeric, boolean, date, text, low- and high-cardinality columns with missing values. */
    static Table randomTable(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        Table t = Table.create("random");
        int columns = 1 + r.nextInt(5);
        for (int c = 0; c < columns; c++) {
            double missingRate = r.nextInt(3) == 0 ? 0 : r.nextDouble(0, 0.5);
            int kind = r.nextInt(6);
            int cardinality = 1 + r.nextInt(kind == 2 ? 200 : 8);
            if (kind == 0) {
                DoubleColumn col = DoubleColumn.create("n" + c);
                for (int i = 0; i < rows; i++) {
                    if (r.nextDouble() < missingRate) {
                        col.appendMissing();
                    } else {
                        col.append(r.nextGaussian() * 100);
                    }
                }
                t.addColumns(col);
            } else {
                StringColumn col = StringColumn.create("s" + c);
                for (int i = 0; i < rows; i++) {
                    if (r.nextDouble() < missingRate) {
                        col.appendMissing();
                    } else {
                        col.append(switch (kind) {
                            case 3 -> r.nextBoolean() ? "yes" : "no";
                            case 4 -> String.format(java.util.Locale.ROOT, "20%02d-%02d-%02d", r.nextInt(30), 1 + r.nextInt(12),
                                    1 + r.nextInt(28));
                            case 5 -> "word" + r.nextInt(20) + " and word" + r.nextInt(20) + " then w" + r.nextInt(50)
                                    + " maybe v" + r.nextInt(cardinality) + " end";
                            default -> "v" + r.nextInt(cardinality);
                        });
                    }
                }
                t.addColumns(col);
            }
        }
        DoubleColumn signal = DoubleColumn.create("always", IntStream.range(0, rows).mapToDouble(i -> r.nextDouble()).toArray());
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < rows; i++) {
            y.append(r.nextBoolean() ? "a" : "b");
        }
        return t.addColumns(signal, y);
    }

    /** Class indexes of {@code rows} of the table's target column. */
    static double[] labels(Table t, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = t.stringColumn("y").get(rows[i]).equals("a") ? 0 : 1;
        }
        return out;
    }

    static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    void keepsRowCountLeavesNoNanAndIsDeterministic() {
        qt().withExamples(60).forAll(longs().all(), integers().between(6, 120)).checkAssert((seed, rows) -> {
            Table t = randomTable(seed, rows);
            int[] train = IntStream.range(0, rows).filter(i -> i % 3 != 0).toArray();
            if (train.length == 0) {
                return;
            }
            FittedTransform f = new TabularFeaturizer().fit(t, train, TARGET, labels(t, train));
            FeatureMatrix x = f.transform(t, null);
            assertThat(x.rows()).isEqualTo(rows);
            for (float v : x.toArray()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            FittedTransform again = new TabularFeaturizer().fit(t, train, TARGET, labels(t, train));
            assertThat(again.transform(t, null).toArray()).isEqualTo(x.toArray());
            assertThat(again.export()).isEqualTo(f.export());
        });
    }

    @Test
    void validationRowsNeverReachTheFittedTransform() {
        qt().withExamples(60).forAll(longs().all(), integers().between(10, 120)).checkAssert((seed, rows) -> {
            Table t = randomTable(seed, rows);
            int[] train = IntStream.range(0, rows).filter(i -> i % 4 != 0).toArray();
            // Changing every validation row must not change what was learned from the training rows.
            Table changed = t.copy();
            Table scrambled = randomTable(seed + 1, rows);
            for (int i = 0; i < rows; i += 4) {
                for (String c : t.columnNames()) {
                    if (scrambled.columnNames().contains(c) && scrambled.column(c).type() == t.column(c).type()) {
                        copyCell(scrambled, changed, c, i);
                    } else {
                        changed.column(c).setMissing(i);
                    }
                }
            }
            byte[] a = new TabularFeaturizer().fit(t, train, TARGET, labels(t, train)).export();
            byte[] b = new TabularFeaturizer().fit(changed, train, TARGET, labels(t, train)).export();
            assertThat(b).isEqualTo(a);
        });
    }

    @Test
    void fittingOnASplitEqualsFittingOnATableOfItsTrainingRowsOnly() {
        qt().withExamples(40).forAll(longs().all(), integers().between(10, 120)).checkAssert((seed, rows) -> {
            Table t = randomTable(seed, rows);
            int[] train = IntStream.range(0, rows).filter(i -> i % 5 != 2).toArray();
            Table trainOnly = t.rows(train);
            byte[] onSplit = new TabularFeaturizer().fit(t, train, TARGET, labels(t, train)).export();
            byte[] alone = new TabularFeaturizer().fit(trainOnly, all(train.length), TARGET, labels(t, train)).export();
            assertThat(new String(alone, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(onSplit, java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyCell(Table from, Table to, String column, int row) {
        tech.tablesaw.columns.Column src = from.column(column);
        tech.tablesaw.columns.Column dst = to.column(column);
        if (src.isMissing(row)) {
            dst.setMissing(row);
        } else {
            dst.set(row, src.get(row));
        }
    }

    @Test
    void exportThenLoadGivesTheSameFeatures() {
        qt().withExamples(40).forAll(longs().all(), integers().between(5, 80)).checkAssert((seed, rows) -> {
            Table t = randomTable(seed, rows);
            FittedTransform f = new TabularFeaturizer().fit(t, all(rows), TARGET, labels(t, all(rows)));
            FittedTransform loaded = new TabularFeaturizer().load(f.export());
            assertThat(Arrays.equals(loaded.transform(t, null).toArray(), f.transform(t, null).toArray())).isTrue();
            assertThat(loaded.featureNames()).isEqualTo(f.featureNames());
        });
    }
}
