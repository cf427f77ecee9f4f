package automl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code automl4j-bom} lists every published module of the build at the build's version, so that a user who imports
 * it gets a version for each artifact the README names; a module added to the parent without the BOM fails here.
 */
class BomCompletenessTest {
    private static final Path ROOT = Path.of("..");
    /** Not published: the BOM itself, the command-line tool and its container image (maven.deploy.skip). */
    private static final List<String> UNPUBLISHED = List.of("bom", "bench", "container");

    @Test
    void theBomListsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Element parent = read(ROOT.resolve("pom.xml"));
        String version = text(parent, "version");
        List<String> published = new ArrayList<>();
        NodeList modules = child(parent, "modules").getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String dir = modules.item(i).getTextContent().trim();
            if (!UNPUBLISHED.contains(dir)) {
                published.add(text(read(ROOT.resolve(dir).resolve("pom.xml")), "artifactId"));
            }
        }
        Element bom = read(ROOT.resolve("bom/pom.xml"));
        assertThat(text(bom, "version")).as("the BOM's version").isEqualTo(version);
        List<String> listed = new ArrayList<>();
        NodeList deps = child(child(bom, "dependencyManagement"), "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(text(d, "groupId")).isEqualTo("io.automl4j");
            String v = text(d, "version");
            assertThat(v.equals(version) || v.equals("${project.version}")).as(text(d, "artifactId") + " at " + v).isTrue();
            listed.add(text(d, "artifactId"));
        }
        assertThat(listed).as("published modules: %s", published).containsAll(published);
    }

    private static Element read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("<" + e.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element e, String name) {
        return child(e, name).getTextContent().trim();
    }
}
