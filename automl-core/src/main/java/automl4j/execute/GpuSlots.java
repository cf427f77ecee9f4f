package automl4j.execute;

import java.util.List;

/**
 * The GPUs a search gives trials, one trial per GPU at a time: which are free, and whether GPU trials are still worth
 * starting (not after a fit asked for a GPU trained on the CPU: the library has no CUDA or sees no usable GPU).
 */
final class GpuSlots {
    private final List<Gpus.Gpu> gpus;
    private final boolean[] busy;
    private boolean disabled;

    GpuSlots(List<Gpus.Gpu> gpus) {
        this.gpus = List.copyOf(gpus);
        this.busy = new boolean[gpus.size()];
    }

    /** Number of GPUs, busy or not, while enabled; 0 once disabled. */
    int count() {
        return disabled ? 0 : gpus.size();
    }

    /** Whether a trial could start on a GPU now. */
    boolean anyFree() {
        if (disabled) {
            return false;
        }
        for (boolean b : busy) {
            if (!b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks the first free GPU busy.
     *
     * @return its CUDA device index
     * @throws IllegalStateException if none is free
     */
    int take() {
        for (int i = 0; i < busy.length; i++) {
            if (!busy[i] && !disabled) {
                busy[i] = true;
                return gpus.get(i).index();
            }
        }
        throw new IllegalStateException("no free GPU");
    }

    /** Frees the GPU with CUDA device index {@code index}. */
    void release(int index) {
        for (int i = 0; i < busy.length; i++) {
            if (gpus.get(i).index() == index) {
                busy[i] = false;
            }
        }
    }

    /** No GPU trial starts from now on (running ones finish). */
    void disable() {
        disabled = true;
    }

    /** The CUDA device name of GPU {@code index}, as learners take it: {@code cuda:index}. */
    static String device(int index) {
        return "cuda:" + index;
    }
}
