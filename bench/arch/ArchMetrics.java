import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Architecture figures of the main sources, for the closing note of issue 15: files and lines per package, the longest
 * methods, the widest constructors, package cycles among {@code automl4j.*} packages, and public types per module.
 * Parses with javac's tree API (no classpath needed). Run from the repository root:
 * {@code java bench/arch/ArchMetrics.java}.
 */
public class ArchMetrics {
    record Method(String where, int lines, int params, boolean constructor) {}

    public static void main(String[] args) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("."))) {
            s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).sorted().forEach(sources::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null);
        JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(sources));
        Trees trees = Trees.instance(task);
        SourcePositions pos = trees.getSourcePositions();
        Map<String, int[]> perPackage = new TreeMap<>();
        Map<String, Set<String>> deps = new TreeMap<>();
        Map<String, Integer> publicTypes = new TreeMap<>();
        List<Method> methods = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
            String file = unit.getSourceFile().getName();
            String module = Path.of(".").toAbsolutePath().normalize().relativize(Path.of(file).toAbsolutePath().normalize()).getName(0).toString();
            long lines = unit.getLineMap().getLineNumber(pos.getEndPosition(unit, unit));
            int[] fl = perPackage.computeIfAbsent(module + " " + pkg, k -> new int[2]);
            fl[0]++;
            fl[1] += (int) lines;
            for (ImportTree imp : unit.getImports()) {
                String name = imp.getQualifiedIdentifier().toString();
                if (name.startsWith("automl4j.")) {
                    String target = imp.isStatic() ? name.substring(0, name.lastIndexOf('.')) : name;
                    target = target.substring(0, target.lastIndexOf('.'));
                    // a nested type: drop capitalised segments
                    while (Character.isUpperCase(target.charAt(target.lastIndexOf('.') + 1))) {
                        target = target.substring(0, target.lastIndexOf('.'));
                    }
                    if (!target.equals(pkg)) {
                        deps.computeIfAbsent(pkg, k -> new TreeSet<>()).add(target);
                    }
                }
            }
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c && c.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                    publicTypes.merge(module, 1, Integer::sum);
                }
            }
            new TreePathScanner<Void, Void>() {
                String type = "";

                @Override
                public Void visitClass(ClassTree c, Void v) {
                    String outer = type;
                    type = outer.isEmpty() ? c.getSimpleName().toString() : outer + "." + c.getSimpleName();
                    super.visitClass(c, v);
                    type = outer;
                    return null;
                }

                @Override
                public Void visitMethod(MethodTree m, Void v) {
                    if (m.getBody() != null) {
                        long start = unit.getLineMap().getLineNumber(pos.getStartPosition(unit, m));
                        long end = unit.getLineMap().getLineNumber(pos.getEndPosition(unit, m));
                        boolean ctor = m.getName().contentEquals("<init>");
                        methods.add(new Method(pkg + "." + type + (ctor ? "(constructor)" : "." + m.getName()), (int) (end - start + 1),
                                m.getParameters().size(), ctor));
                    }
                    return super.visitMethod(m, v);
                }
            }.scan(unit, null);
        }
        System.out.println("## Files and lines per package (main sources)");
        perPackage.forEach((k, v) -> System.out.printf("%-60s %4d files %6d lines%n", k, v[0], v[1]));
        System.out.println("\n## Public top-level types per module");
        publicTypes.forEach((k, v) -> System.out.printf("%-30s %4d%n", k, v));
        System.out.println("\n## Longest methods (lines)");
        methods.stream().sorted((a, b) -> b.lines - a.lines).limit(12)
                .forEach(m -> System.out.printf("%4d  %s%n", m.lines, m.where));
        System.out.println("\n## Widest constructors and methods (parameters)");
        methods.stream().sorted((a, b) -> b.params - a.params).limit(8)
                .forEach(m -> System.out.printf("%4d  %s%n", m.params, m.where));
        System.out.println("\n## Package cycles (strongly connected groups of automl4j packages)");
        List<List<String>> cycles = stronglyConnected(deps);
        if (cycles.isEmpty()) {
            System.out.println("none");
        }
        cycles.forEach(c -> System.out.println(String.join(" <-> ", c)));
    }

    /** Tarjan's algorithm; groups of more than one package are cycles. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> g) {
        Set<String> nodes = new TreeSet<>(g.keySet());
        g.values().forEach(nodes::addAll);
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> on = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                strong(n, g, index, low, stack, on, out, counter);
            }
        }
        return out;
    }

    private static void strong(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                               List<String> stack, Set<String> on, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.add(v);
        on.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, g, index, low, stack, on, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (on.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                on.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                out.add(new TreeSet<>(group).stream().toList());
            }
        }
    }
}
