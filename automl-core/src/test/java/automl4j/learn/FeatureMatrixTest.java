package automl4j.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {
    private static final List<String> NAMES = List.of("a", "b", "c");
    //   row 0: 1 0 2
    //   row 1: 0 0 0
    //   row 2: 0 3 0
    private static final float[] DENSE = {1, 0, 2, 0, 0, 0, 0, 3, 0};

    private static FeatureMatrix sparse() {
        return FeatureMatrix.sparse(new int[] {0, 2, 2, 3}, new int[] {0, 2, 1}, new float[] {1, 2, 3}, NAMES);
    }

    @Test
    void sparseAndDenseFormsReadAlike() {
        FeatureMatrix s = sparse();
        FeatureMatrix d = FeatureMatrix.of(DENSE, 3, NAMES);
        assertThat(s.isSparse()).isTrue();
        assertThat(d.isSparse()).isFalse();
        assertThat(s.toArray()).containsExactly(DENSE);
        for (int r = 0; r < 3; r++) {
            assertThat(s.row(r)).containsExactly(d.row(r));
            for (int c = 0; c < 3; c++) {
                assertThat(s.get(r, c)).isEqualTo(d.get(r, c));
            }
        }
        FeatureMatrix picked = s.select(new int[] {2, 0});
        assertThat(picked.isSparse()).isTrue();
        assertThat(picked.toArray()).containsExactly(0, 3, 0, 1, 0, 2);
        assertThat(s.storedCells()).isEqualTo(3);
        assertThat(s.bytes()).isEqualTo(4L * 4 + 8L * 3);
        assertThat(d.bytes()).isEqualTo(4L * 9);
    }

    @Test
    void inconsistentSparseArraysAreRejected() {
        assertThatThrownBy(() -> FeatureMatrix.sparse(new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 1}, NAMES))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> FeatureMatrix.sparse(new int[] {0, 1}, new int[] {3}, new float[] {1}, NAMES))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> FeatureMatrix.sparse(new int[] {0, 2}, new int[] {0}, new float[] {1}, NAMES))
                .hasMessageContaining("rowStart must start at 0");
        assertThatThrownBy(() -> FeatureMatrix.of(DENSE, 3, NAMES).indexes()).isInstanceOf(IllegalStateException.class);
    }
}
