package automl4j.learners.lightgbm;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.lightgbmlib;

/**
 * Native copies of Java arrays for LightGBM's C API, each freed by {@code close()}. The SWIG binding has no bulk copy,
 * so cells are set one JNI call at a time (a few nanoseconds each: about 0.1 s for ten million cells).
 */
final class NativeArrays {
    private NativeArrays() {
    }

    /** A native copy of {@code v[from, to)}. */
    static Floats floats(float[] v, int from, int to) {
        SWIGTYPE_p_float p = lightgbmlib.new_floatArray(Math.max(1, to - from));
        for (int i = from; i < to; i++) {
            lightgbmlib.floatArray_setitem(p, i - from, v[i]);
        }
        return new Floats(p);
    }

    /** A native copy of {@code v[from, to)}, each value minus {@code shift}. */
    static Ints ints(int[] v, int from, int to, int shift) {
        SWIGTYPE_p_int p = lightgbmlib.new_intArray(Math.max(1, to - from));
        for (int i = from; i < to; i++) {
            lightgbmlib.intArray_setitem(p, i - from, v[i] - shift);
        }
        return new Ints(p);
    }

    /** A native array of {@code n} doubles, for results. */
    static Doubles doubles(long n) {
        return new Doubles(lightgbmlib.new_doubleArray(Math.max(1, n)));
    }

    /** Native floats. */
    record Floats(SWIGTYPE_p_float pointer) implements AutoCloseable {
        @Override
        public void close() {
            lightgbmlib.delete_floatArray(pointer);
        }
    }

    /** Native 32-bit integers. */
    record Ints(SWIGTYPE_p_int pointer) implements AutoCloseable {
        @Override
        public void close() {
            lightgbmlib.delete_intArray(pointer);
        }
    }

    /** Native doubles. */
    record Doubles(SWIGTYPE_p_double pointer) implements AutoCloseable {
        double get(long i) {
            return lightgbmlib.doubleArray_getitem(pointer, i);
        }

        @Override
        public void close() {
            lightgbmlib.delete_doubleArray(pointer);
        }
    }
}
