package automl4j.learners.lightgbm;

import com.microsoft.ml.lightgbm.lightgbmlib;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads LightGBM's two native libraries from the lightgbmlib jar, once per class loader. The jar ships them as
 * resources ({@code com/microsoft/ml/lightgbm/<os>/x86_64/lib_lightgbm*}) but has no loader of its own (SynapseML
 * brings one), so they are copied into a fresh temporary folder of this process and loaded from there:
 * {@code lib_lightgbm} first, because {@code lib_lightgbm_swig} names it as a dependency by its soname. Every process
 * (each worker JVM too) gets its own copies, so concurrent processes never race on one file; on Linux and macOS the
 * copies are deleted right after loading (the mapping stays), elsewhere when the JVM exits.
 */
final class LgbmNatives {
    private static final String ROOT = "com/microsoft/ml/lightgbm/";
    private static boolean loaded;

    private LgbmNatives() {
    }

    /**
     * Loads the natives unless this class loader already has.
     *
     * @throws IllegalStateException naming the platform when the jar has no natives for it, or the library that failed
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String folder;
        String suffix;
        if (os.contains("linux")) {
            folder = "linux";
            suffix = ".so";
        } else if (os.contains("mac")) {
            folder = "osx";
            suffix = ".dylib";
        } else if (os.contains("windows")) {
            folder = "windows";
            suffix = ".dll";
        } else {
            throw new IllegalStateException("lightgbm has no native library for operating system '" + os
                    + "'; lightgbmlib ships Linux, macOS and Windows on x86_64 only");
        }
        if (!(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("lightgbm has no native library for architecture '" + arch
                    + "'; lightgbmlib ships x86_64 only");
        }
        try {
            Path dir = Files.createTempDirectory("automl4j-lightgbm");
            dir.toFile().deleteOnExit();   // registered first, so deleted after the files registered below
            Path lib = extract(ROOT + folder + "/x86_64/lib_lightgbm" + suffix, dir);
            Path swig = extract(ROOT + folder + "/x86_64/lib_lightgbm_swig" + suffix, dir);
            System.load(lib.toString());
            System.load(swig.toString());
            deleteOrLater(swig);
            deleteOrLater(lib);
            deleteOrLater(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy LightGBM's native libraries to a temporary folder: " + e.getMessage(), e);
        }
        loaded = true;
    }

    private static Path extract(String resource, Path dir) throws IOException {
        try (InputStream in = lightgbmlib.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lightgbmlib jar lacks native library " + resource);
            }
            Path out = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }

    private static void deleteOrLater(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            // Windows keeps a loaded DLL's file locked (and so its folder full): delete when the JVM exits.
            p.toFile().deleteOnExit();
        }
    }
}
