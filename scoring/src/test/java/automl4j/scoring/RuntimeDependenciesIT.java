package automl4j.scoring;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user who depends on automl4j-scoring gets at run time, as Maven resolved it for this build
 * ({@code target/runtime-dependencies.txt}, written by the dependency plugin): every artifact under an Apache, BSD or
 * MIT licence (read from its POM, or its parents' where it declares none), none of the engine, Tablesaw or Smile, and
 * the artifact with its dependencies under 10 MB. Writes what it found to {@code target/runtime-dependencies-report.txt}.
 */
class RuntimeDependenciesIT {
    private static final Path TARGET = Path.of("target");
    private static final long MAX_BYTES = 10L * 1024 * 1024;
    // group:artifact:type[:classifier]:version:scope:path[ -- module name]
    private static final Pattern LINE = Pattern.compile(
            "^\\s*([^:\\s]+):([^:]+):([^:]+):(?:([^:]+):)?([^:]+):(compile|runtime):(.+?)(?: -- module .*)?$");
    private static final List<String> ALLOWED = List.of("apache", "bsd", "mit");
    private static final List<String> FORBIDDEN_GROUPS = List.of("com.github.haifengl", "tech.tablesaw", "ml.dmlc");

    record Artifact(String group, String name, String version, Path jar, List<String> licences) {
    }

    @Test
    void runtimeDependenciesAreApacheBsdOrMitAndSmall() throws Exception {
        List<Artifact> artifacts = new ArrayList<>();
        for (String line : Files.readAllLines(TARGET.resolve("runtime-dependencies.txt"))) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Path jar = Path.of(m.group(7).trim());
                artifacts.add(new Artifact(m.group(1), m.group(2), m.group(5), jar, licences(jar, m.group(1), m.group(2), m.group(5))));
            }
        }
        assertThat(artifacts).as("runtime dependencies parsed").isNotEmpty();
        Path own;
        try (Stream<Path> files = Files.list(TARGET)) {
            own = files.filter(p -> p.getFileName().toString().matches("automl4j-scoring-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the module's jar is not in target/ (run under verify)"));
        }
        long total = Files.size(own);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-60s %10d  %s%n", own.getFileName(), Files.size(own), "Apache-2.0 (this project)"));
        for (Artifact a : artifacts) {
            long size = Files.size(a.jar());
            total += size;
            report.append(String.format(Locale.ROOT, "%-60s %10d  %s%n", a.group() + ":" + a.name() + ":" + a.version(), size, a.licences()));
        }
        report.append(String.format(Locale.ROOT, "%-60s %10d%n", "total", total));
        Files.writeString(TARGET.resolve("runtime-dependencies-report.txt"), report);

        for (Artifact a : artifacts) {
            assertThat(a.licences()).as(a.group() + ":" + a.name() + " declares a licence").isNotEmpty();
            assertThat(a.licences()).as(a.group() + ":" + a.name() + " is under Apache, BSD or MIT")
                    .anyMatch(RuntimeDependenciesIT::allowed);
            assertThat(FORBIDDEN_GROUPS).as(a.group() + ":" + a.name() + " is not the engine's").doesNotContain(a.group());
            assertThat(a.group().equals("io.automl4j")).as(a.name() + " is not an engine module").isFalse();
        }
        assertThat(total).as("the artifact and its run-time dependencies, in bytes:%n%s", report).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void licenceNamesAreReadStrictly() {
        assertThat(List.of("The Apache Software License, Version 2.0", "Apache-2.0", "BSD-3-Clause", "The MIT License",
                "The 3-Clause BSD License")).allMatch(RuntimeDependenciesIT::allowed);
        assertThat(List.of("GNU General Public License v3.0", "GPL-3.0-or-later", "LGPL 2.1", "Eclipse Public License 2.0",
                "Mozilla Public License 2.0", "Submit")).noneMatch(RuntimeDependenciesIT::allowed);
    }

    static boolean allowed(String licence) {
        String l = licence.toLowerCase(Locale.ROOT);
        if (l.contains("gpl") || l.contains("general public")) {
            return false;
        }
        return ALLOWED.stream().anyMatch(a -> l.matches(".*\\b" + a + "\\b.*"));
    }

    /** The licence names of the artifact's POM, or of its nearest parent POM that names any. */
    private static List<String> licences(Path jar, String group, String name, String version) throws Exception {
        Path repository = jar.getParent().getParent().getParent();
        for (String ignored : group.split("\\.")) {
            repository = repository.getParent();
        }
        String g = group;
        String a = name;
        String v = version;
        for (int depth = 0; depth < 10; depth++) {
            Path pom = repository.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
            if (!Files.isRegularFile(pom)) {
                throw new IOException("POM not found in the local repository: " + pom);
            }
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            Element project = doc.getDocumentElement();
            List<String> names = new ArrayList<>();
            Element licenses = child(project, "licenses");
            if (licenses != null) {
                NodeList list = licenses.getElementsByTagName("name");
                for (int i = 0; i < list.getLength(); i++) {
                    names.add(list.item(i).getTextContent().trim());
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
            Element parent = child(project, "parent");
            if (parent == null) {
                return names;
            }
            g = text(parent, "groupId");
            a = text(parent, "artifactId");
            v = text(parent, "version");
        }
        return List.of();
    }

    private static Element child(Element e, String name) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }
}
