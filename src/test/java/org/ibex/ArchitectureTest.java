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

/** The shape of the code: domain packages without cycles, web and cli on top, no class over ~400 lines. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/ibex");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.ibex\\.([a-z]+)\\.");

    @Test
    void packagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            findCycle(graph, start, start, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles).as("package dependencies %s", graph).isEmpty();
    }

    @Test
    void nothingBelowTheEdgeDependsOnWebOrCli() throws IOException {
        dependencies().forEach((from, to) -> {
            if (!from.equals("web") && !from.equals("cli")) {
                assertThat(to).as("package %s must not depend on the web or cli layer", from).doesNotContain("web", "cli");
            }
        });
        assertThat(dependencies().get("store")).as("store is the bottom: it depends on no domain package").isEmpty();
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
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
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
