package automl4j.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A model file ({@code model.automl}, pipeline format versions 1 to 5) read and checked as the engine reads it, without
 * the engine: the manifest first under its limit, then only the entries it names, each under its limit, of its declared
 * size (version 3 and later) and matching its SHA-256. It holds the checked {@link Manifest} and the raw entries; turning
 * them into predictions is the job of {@link TabularTransform} and (not yet written) the model readers. Immutable,
 * thread-safe. Work in progress (issue 18 item 3): this API may still change.
 */
public final class ModelFile {
    private final String name;
    private final Manifest manifest;
    private final Map<String, byte[]> entries;

    ModelFile(String name, Manifest manifest, Map<String, byte[]> entries) {
        this.name = name;
        this.manifest = manifest;
        this.entries = Map.copyOf(entries);
    }

    /**
     * Reads and checks the file at {@code path}.
     *
     * @throws ModelFileException for every problem of the file, naming the file, the entry and what is wrong
     */
    public static ModelFile read(Path path) throws ModelFileException {
        Objects.requireNonNull(path, "path");
        String name = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return new ModelFileReader(name).read(in);
        } catch (ModelFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ModelFileException(name, null, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(name, null, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ModelFileException(name, null, "cannot be read: " + ModelFileReader.problem(e), e);
        }
    }

    /**
     * Reads and checks a model file from {@code in}, which is read to the end of the zip and not closed.
     *
     * @param name what to call the file in messages, such as its path or URL
     * @throws ModelFileException for every problem of the file, naming {@code name}, the entry and what is wrong
     */
    public static ModelFile read(InputStream in, String name) throws ModelFileException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return new ModelFileReader(name).read(in);
    }

    /** The checked manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** The exported JSON of featurizer {@code index} of {@link Manifest#featurizers()}; a copy. */
    public byte[] featurizer(int index) {
        return entries.get(manifest.featurizers().get(index).entry()).clone();
    }

    /** The payload of member {@code index} of {@link Manifest#members()}; a copy. */
    public byte[] payload(int index) {
        return entries.get(manifest.members().get(index).entry()).clone();
    }

    /**
     * The tabular featurizer {@code index} of {@link Manifest#featurizers()}, ready to transform rows.
     *
     * @throws ModelFileException if its JSON is not a tabular featurizer this module reads (see {@link TabularTransform})
     */
    public TabularTransform transform(int index) throws ModelFileException {
        Manifest.Featurizer f = manifest.featurizers().get(index);
        if (!f.id().equals("tabular")) {
            throw new ModelFileException(name, f.entry(), "is of featurizer '" + f.id() + "', but scoring reads only 'tabular'", null);
        }
        try {
            return TabularTransform.of(entries.get(f.entry()));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, f.entry() + " (tabular)", ModelFileReader.problem(e), e);
        }
    }
}
