package org.ibex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex demo} as a new user runs it: in a JVM of its own, from an empty folder with no {@code ../shared}
 * beside it, so it has only what the jar carries (built-in names, no fingerprints). It seeds, serves, and the
 * analyst of the README logs in over HTTP and lists the overstayers.
 */
class DemoFromEmptyFolderTest {
    private static final Pattern SERVING = Pattern.compile("IBEX demo node: (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process demo;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void theDemoSeedsAndServesFromAnEmptyFolderAndTheAnalystReadsTheOverstayers() throws Exception {
        // The working folder's parent is empty too: nothing at ../shared, as after unpacking the jar anywhere.
        Path empty = Files.createDirectories(dir.resolve("anywhere").resolve("empty"));
        StoreConfig store = TestDatabases.freshConfig(empty.resolve("ibex-demo"));
        List<String> output = new ArrayList<>();
        CompletableFuture<URI> served = new CompletableFuture<>();

        demo = start(empty, store, output, served);
        URI url;
        try {
            url = served.get(240, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the demo did not serve: " + e + "\n" + String.join("\n", lines(output)), e);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(url.resolve("/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"analyst\",\"password\":\"demo-analyst-pass\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("the README's analyst login: %s", login.body()).isEqualTo(200);
        String token = JSON.readTree(login.body()).path("token").asText();
        HttpResponse<String> overstayers = http.send(HttpRequest.newBuilder(url.resolve("/api/overstayers"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overstayers.statusCode()).as(overstayers.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(overstayers.body());
        assertThat(list.isArray()).as("overstayers as a JSON array: %s", overstayers.body()).isTrue();
        assertThat(list.size()).as("some of the seeded travellers overstay").isPositive();

        List<String> printed = lines(output);
        assertThat(printed).as("the built-in names seed the demo").anyMatch(l -> l.startsWith("seeded "));
        assertThat(printed).as("the missing prints are named, not an error")
                .anyMatch(l -> l.startsWith("no fingerprints enrolled: the FVC2002 prints are not at "));
        assertThat(String.join("\n", printed)).as("no print is offered when the prints are not there")
                .doesNotContain("../shared").doesNotContain("Exception");
        assertThat(Files.isDirectory(empty.resolve("ibex-demo"))).as("the demo's folder is made where it runs").isTrue();
        assertThat(Files.exists(dir.resolve("anywhere").resolve("shared"))).isFalse();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs {@code ibex demo --port 0} in {@code folder}, copying its output and completing {@code served}. */
    private static Process start(Path folder, StoreConfig store, List<String> output, CompletableFuture<URI> served)
            throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", absoluteClassPath(), "org.ibex.cli.Main", "demo", "--port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Nothing of the test's own: no IBEX_SHARED pointing at the shared data, no other node's settings.
        environment.keySet().removeIf(name -> name.startsWith("IBEX_"));
        if (TestDatabases.postgres()) {
            environment.putAll(Map.of("IBEX_JDBC_URL", store.jdbcUrl(), "IBEX_JDBC_USER", store.user(),
                    "IBEX_JDBC_PASSWORD", store.password()));
        }
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                        served.complete(URI.create(serving.group(1)));
                    }
                }
            } catch (IOException e) {
                served.completeExceptionally(e);
            }
            served.completeExceptionally(new IllegalStateException("its output ended"));
        }, "output of the demo");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** The test's class path with every entry absolute, since the child runs in another folder. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> lines(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }
}
