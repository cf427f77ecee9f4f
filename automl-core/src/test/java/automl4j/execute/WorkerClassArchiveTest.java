package automl4j.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker class archive is recorded once, reused by later JVMs, never published from a killed JVM, and a broken or
 * stale one costs only speed: it is re-recorded, or dropped when a JVM mapping it dies at start.
 */
class WorkerClassArchiveTest {
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path tmp;

    @Test
    void theFirstJvmRecordsTheArchiveAndALaterOneMapsIt() throws Exception {
        Path jar = probeJar();
        WorkerClassArchive first = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        List<String> recordOptions = first.optionsForLaunch();
        assertThat(recordOptions).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(first.optionsForLaunch()).as("one recorder per pool").isEmpty();
        Process recorder = start(jar, recordOptions);
        first.launched(recorder, recordOptions);
        assertThat(first.isRecorder(recorder)).isTrue();
        assertThat(output(recorder)).contains("probe ok");
        first.ended(recorder);
        assertThat(first.file()).isRegularFile();
        assertThat(first.intact()).isTrue();
        assertThat(Files.list(tmp.resolve("cds")).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));

        WorkerClassArchive next = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        List<String> mapOptions = next.optionsForLaunch();
        assertThat(mapOptions).containsExactly("-XX:SharedArchiveFile=" + first.file());
        List<String> logged = new ArrayList<>(mapOptions);
        logged.add("-Xlog:class+load=info");
        String out = output(start(jar, logged));
        assertThat(out).contains("probe ok");
        assertThat(out).as("the probe's class comes from the archive").containsPattern("ArchiveProbe source: shared objects file");
    }

    @Test
    void aKilledRecorderPublishesNothingAndTheNextLaunchRecordsAgain() throws Exception {
        Path jar = probeJar();
        WorkerClassArchive archive = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        List<String> options = archive.optionsForLaunch();
        Process recorder = start(jar, options);
        archive.launched(recorder, options);
        recorder.destroyForcibly();
        recorder.waitFor(30, TimeUnit.SECONDS);
        archive.ended(recorder);
        assertThat(archive.file()).doesNotExist();
        assertThat(archive.optionsForLaunch()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aTruncatedArchiveIsRecordedAgainInsteadOfMapped() throws Exception {
        Path jar = probeJar();
        Path archiveFile = recordFor(jar);
        truncate(archiveFile);
        WorkerClassArchive archive = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        assertThat(archive.intact()).isFalse();
        assertThat(archive.optionsForLaunch()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aChangedJarGetsAnArchiveOfItsOwn() throws Exception {
        Path jar = probeJar();
        Path old = recordFor(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        WorkerClassArchive changed = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        assertThat(changed.file()).isNotEqualTo(old);
        assertThat(changed.optionsForLaunch()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aClassPathWithAClassDirectoryGetsNoArchive() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "x");
        WorkerClassArchive archive = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, probeJar() + java.io.File.pathSeparator + classes);
        assertThat(archive.enabled()).isFalse();
        assertThat(archive.optionsForLaunch()).isEmpty();
    }

    @Test
    void offInTheSystemPropertyMeansNoFolder() {
        String before = System.getProperty(WorkerClassArchive.PROPERTY);
        try {
            System.setProperty(WorkerClassArchive.PROPERTY, "off");
            assertThat(WorkerClassArchive.defaultFolder()).isEmpty();
            System.setProperty(WorkerClassArchive.PROPERTY, tmp.toString());
            assertThat(WorkerClassArchive.defaultFolder()).contains(tmp);
        } finally {
            if (before == null) {
                System.clearProperty(WorkerClassArchive.PROPERTY);
            } else {
                System.setProperty(WorkerClassArchive.PROPERTY, before);
            }
        }
    }

    /**
     * A broken archive that passes its checksum (HotSpot 17 dies with SIGBUS mapping a truncated one) costs the pool
     * one JVM start: the worker that dies mapping it is replaced by one without the archive, and the archive goes.
     */
    @Test
    void aWorkerThatDiesMappingABrokenArchiveIsReplacedByOneWithoutIt() throws Exception {
        Path jar = probeJar();
        Path archiveFile = recordFor(jar);
        truncate(archiveFile);
        String key = archiveFile.getFileName().toString().replace(".jsa", "");
        Files.writeString(tmp.resolve("cds").resolve(key + ".crc"), Files.size(archiveFile) + " " + crc(archiveFile));
        WorkerClassArchive fooled = WorkerClassArchive.withKey(tmp.resolve("cds"), key);
        assertThat(fooled.intact()).as("the checksum was forged to match").isTrue();
        SplitStore noSplits = SplitStore.loading(k -> {
            throw new IllegalStateException("no trial runs in this test");
        });
        try (WorkerPool pool = new WorkerPool(1, 128, noSplits, fooled)) {
            pool.ready();   // would throw "no worker process connected" if the broken archive were mapped again
        }
        assertThat(archiveFile).doesNotExist();
        assertThat(fooled.enabled()).isFalse();
    }

    /** Records the probe's archive in {@code tmp/cds} and returns its file. */
    private Path recordFor(Path jar) throws Exception {
        WorkerClassArchive archive = WorkerClassArchive.of(tmp.resolve("cds"), JAVA_HOME, jar.toString());
        List<String> options = archive.optionsForLaunch();
        Process recorder = start(jar, options);
        archive.launched(recorder, options);
        output(recorder);
        archive.ended(recorder);
        assertThat(archive.intact()).isTrue();
        return archive.file();
    }

    private static void truncate(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        file.toFile().setWritable(true);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    /** A jar holding only {@link ArchiveProbe}: CDS archives classes from jars, not from the build's class folders. */
    private Path probeJar() throws IOException {
        Path jar = tmp.resolve("probe.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        String entry = ArchiveProbe.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ArchiveProbe.class.getClassLoader().getResourceAsStream(entry);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static Process start(Path jar, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-Xmx64m"));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), ArchiveProbe.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
