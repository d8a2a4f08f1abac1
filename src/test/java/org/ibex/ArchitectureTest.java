package org.ibex;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of the code: packages without cycles, layers that depend only downward, no class over ~400 lines. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/ibex");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.ibex\\.([a-z]+)\\.");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");

    @Test
    void packagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            findCycle(graph, start, start, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles).as("package dependencies %s", graph).isEmpty();
    }

    /**
     * Data flows one way: cli on top; node composes the domain with web; demo and bench drive nodes from outside;
     * web serves the domain as an API and screens as pages (beside it, using its services); the domain packages know
     * none of these, and store knows no domain package.
     */
    @Test
    void layersDependOnlyDownward() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        Map<String, Set<String>> forbidden = Map.of(
                "node", Set.of("cli", "demo", "bench"),
                "demo", Set.of("cli"),
                "bench", Set.of("cli", "demo"),
                "web", Set.of("cli", "node", "demo", "bench", "screens"),
                "screens", Set.of("cli", "node", "demo", "bench"));
        Set<String> edge = Set.of("cli", "node", "demo", "bench", "web", "screens");
        graph.forEach((from, to) -> {
            Set<String> refused = edge.contains(from) ? forbidden.getOrDefault(from, Set.of()) : edge;
            assertThat(to.stream().filter(refused::contains).toList())
                    .as("package %s must not depend on %s", from, refused).isEmpty();
        });
        assertThat(graph.get("store")).as("store is the bottom: it depends on no domain package").isEmpty();
        assertThat(graph).as("the composition root, the demo and the benchmarks have packages of their own")
                .containsKeys("node", "demo", "bench");
    }

    /**
     * The exchange is the one door between nodes: only the transport ({@code delivery}) and the PKI it stands on
     * ({@code trust}) open network connections; pillars register handlers with it. Benchmarks and the demo drive
     * nodes from outside, over their HTTP APIs.
     */
    @Test
    void onlyTheExchangeOpensConnectionsBetweenNodes() throws IOException {
        Pattern network = Pattern.compile("java\\.net\\.http|javax\\.net\\.ssl|java\\.net\\.(Server)?Socket\\b"
                + "|HttpURLConnection|HttpsURLConnection");
        Set<String> allowed = Set.of("delivery", "trust", "bench", "demo");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> doors = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> SOURCES.relativize(p).getNameCount() > 1
                            && !allowed.contains(SOURCES.relativize(p).getName(0).toString()))
                    .filter(p -> network.matcher(read(p)).find()).map(Path::toString).toList();
            assertThat(doors).as("classes that open connections outside the exchange").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noClassIsLongerThanAboutFourHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 400)
                    .map(p -> p + " (" + lines(p) + " lines)").toList();
            assertThat(tooLong).isEmpty();
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file).getName(0).toString();
                if (own.endsWith(".java")) {
                    continue;
                }
                Set<String> targets = graph.computeIfAbsent(own, k -> new TreeSet<>());
                // A class named in a string (the entry point a child process runs) is not a compile-time dependency.
                Matcher matcher = REFERENCE.matcher(STRING.matcher(Files.readString(file)).replaceAll("\"\""));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(own)) {
                        targets.add(matcher.group(1));
                    }
                }
            }
        }
        return graph;
    }

    private static void findCycle(Map<String, Set<String>> graph, String start, String at, List<String> path,
                                  Set<String> seen, List<String> cycles) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(graph, start, next, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
