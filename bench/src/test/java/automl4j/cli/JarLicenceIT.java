package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The shaded automl.jar says which licence applies to it and carries the licence texts and notices (issue 18). */
class JarLicenceIT {
    private static final Path JAR = Path.of(System.getProperty("automl.jar", "target/automl.jar"));

    private static String entry(JarFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertThat(e).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void manifestAndLicenceFilesSayTheJarIsGpl3OrLaterAndKeepTheLibrariesNotices() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-License")).isEqualTo("GPL-3.0-or-later");
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isNotBlank();

            String license = entry(jar, "LICENSE");
            assertThat(license).startsWith("automl.jar: the AutoML4J command-line tool")
                    .contains("GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007")
                    .contains("GNU LESSER GENERAL PUBLIC LICENSE")
                    .contains("UNICODE LICENSE V3");   // ICU4J's, appended after ours

            String apache = entry(jar, "META-INF/LICENSE");
            assertThat(apache.stripLeading()).startsWith("Apache License");
            String notice = entry(jar, "META-INF/NOTICE");
            assertThat(notice).startsWith("AutoML4J\nCopyright").contains("Smile 3.1.1");
        }
    }
}
