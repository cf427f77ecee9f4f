package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpusTest {
    @Test
    void readsNvidiaSmiOutputAndSkipsOtherLines() {
        String out = "0, NVIDIA H100 80GB HBM3, 81559\n1, NVIDIA A10G, 23028\nNVIDIA-SMI has failed because it couldn't communicate\n";
        assertThat(Gpus.parse(out)).containsExactly(new Gpus.Gpu(0, "NVIDIA H100 80GB HBM3", 81559),
                new Gpus.Gpu(1, "NVIDIA A10G", 23028));
        assertThat(Gpus.parse("")).isEmpty();
        assertThat(Gpus.describe(Gpus.parse(out), java.util.List.of("xgboost"))).contains("cuda:0 NVIDIA H100 80GB HBM3 (81559 MiB)");
        assertThat(Gpus.describe(Gpus.parse(""), java.util.List.of("xgboost"))).contains("none found");
    }
}
