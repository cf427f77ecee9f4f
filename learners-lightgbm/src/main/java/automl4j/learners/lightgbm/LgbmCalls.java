package automl4j.learners.lightgbm;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import java.util.function.ToIntFunction;

/** Checks the status codes of LightGBM's C API and reads its out-handles. */
final class LgbmCalls {
    private LgbmCalls() {
    }

    /**
     * Throws when {@code status} is not 0.
     *
     * @throws IllegalStateException {@code LightGBM <what> failed: <LightGBM's last error>}
     */
    static void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException("LightGBM " + what + " failed: " + lightgbmlib.LGBM_GetLastError());
        }
    }

    /** Calls {@code create} with a fresh out-handle, checks its status and returns the handle it wrote. */
    static SWIGTYPE_p_void handle(ToIntFunction<SWIGTYPE_p_p_void> create, String what) {
        SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
        try {
            check(create.applyAsInt(out), what);
            return lightgbmlib.voidpp_value(out);
        } finally {
            lightgbmlib.delete_voidpp(out);
        }
    }
}
