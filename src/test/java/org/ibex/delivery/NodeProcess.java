package org.ibex.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.access.TestAccounts;
import org.ibex.trust.CaFolder;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.Passphrase;
import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A joined data folder served by its own {@code ibex serve} JVM, which a test starts, stops, kills and restarts. */
public final class NodeProcess implements AutoCloseable {
    /** Fixed endpoint ports are drawn from here up to the ephemeral range. */
    private static final int FIXED_PORTS_FROM = 20000;
    private static final java.util.Random RANDOM = new java.util.Random();
    /** Ports this test JVM has handed out, never handed out twice. */
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
    private static final String PASSPHRASE_TEXT = "correct horse battery";
    public static final Passphrase PASSPHRASE = Passphrase.of(PASSPHRASE_TEXT);
    private static final String ADMIN = "fault-admin";
    private static final String PASSWORD = "a long enough test password";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SERVING = Pattern.compile("ibex node serving (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String node;
    public final Path data;
    public final StoreConfig store;
    public final URI exchangeEndpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Settings given to the node's process as IBEX_ environment variables, as an operator may give them. */
    private final Map<String, String> settings = new java.util.TreeMap<>();
    private Process process;
    private CompletableFuture<URI> ready;
    private URI api;
    private String token;

    private NodeProcess(String node, Path data, StoreConfig store, URI exchangeEndpoint) {
        this.node = node;
        this.data = data;
        this.store = store;
        this.exchangeEndpoint = exchangeEndpoint;
        this.log = data.resolveSibling(data.getFileName() + ".log");
    }

    /**
     * Makes {@code data} a node as {@code ibex exchange join} does, on a fresh database (H2 in the folder, or a new
     * PostgreSQL schema), with an admin account for the status API. Nothing runs yet.
     */
    public static NodeProcess join(Path data, NodeCredentials credentials, Path anchorPem, Path directoryFile)
            throws Exception {
        Path nodeFolder = data.resolveSibling(data.getFileName() + "-node");
        credentials.save(nodeFolder, PASSPHRASE);
        Files.createDirectories(data);
        Membership.join(data.resolve("exchange"), nodeFolder, anchorPem, directoryFile, PASSPHRASE,
                Clock.systemUTC());
        StoreConfig store = TestDatabases.freshConfig(data);
        // Opened here only to migrate and add the admin; closed before any child opens it (H2 locks the file).
        try (Database database = Database.open(store)) {
            TestAccounts.seed(database, new User(ADMIN, Role.ADMIN, null), PASSWORD);
        }
        return new NodeProcess(credentials.node().toString(), data, store, credentials.endpoint());
    }

    /** Writes the root's {@code ca.pem} as {@code ibex pki init-root} does, and returns its path. */
    public static Path writeAnchor(Path folder, CertificateAuthority root) throws Exception {
        new CaFolder(folder).create(root, PASSPHRASE);
        return folder.resolve("ca.pem");
    }

    /**
     * A port free on loopback now, for a certificate's endpoint before its node is started. It lies below the
     * kernel's ephemeral range, which {@code --port 0} draws from: a port from that range, free while its node was
     * down, was once handed to the restarted node's own API, and its exchange could not listen.
     */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIXED_PORTS_FROM + RANDOM.nextInt(ephemeralFrom() - FIXED_PORTS_FROM);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another program holds it: draw again
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIXED_PORTS_FROM + " and "
                + ephemeralFrom());
    }

    /** The first port of the kernel's ephemeral range (Linux's default when it cannot be read). */
    private static int ephemeralFrom() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int from = Integer.parseInt(range.split("\\s+")[0]);
            return from > FIXED_PORTS_FROM + 1000 ? from : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    /** Gives the node a setting such as {@code exchange.directory-seconds} from its next start on. */
    public NodeProcess setting(String name, String value) {
        settings.put("IBEX_" + name.toUpperCase().replace('.', '_').replace('-', '_'), value);
        return this;
    }

    /** Starts {@code ibex serve} and returns once both its API and its federation endpoint listen. */
    public NodeProcess start() throws Exception {
        return launch().awaitStarted();
    }

    /** Starts {@code ibex serve} without waiting for it, so that a test can do other work while it starts. */
    public NodeProcess launch() throws IOException {
        if (running()) {
            throw new IllegalStateException(node + " is already running");
        }
        append("---- start " + Instant.now());
        process = java("serve", "--data", data.toString(), "--port", "0").start();
        api = null;
        token = null;
        ready = new CompletableFuture<>();
        Process started = process;
        CompletableFuture<URI> signal = ready;
        Thread reader = new Thread(() -> drain(started, signal), "output of " + node);
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** Waits until the launched node's API and federation endpoint listen. */
    public NodeProcess awaitStarted() throws Exception {
        try {
            api = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(node + " did not start: " + e + "\n" + logTail(), e);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook runs, whatever transaction was open is lost. */
    public void kill() throws InterruptedException {
        if (process != null) {
            append("---- kill -9 " + Instant.now());
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM, then waits for the shutdown hook to close server and store. */
    public void stop() throws InterruptedException {
        stopAll(this);
    }

    /** Stops the nodes together, as {@link #stop()} does one, so that their shutdowns overlap. */
    public static void stopAll(NodeProcess... nodes) throws InterruptedException {
        for (NodeProcess node : nodes) {
            if (node.running()) {
                node.append("---- stop " + Instant.now());
                node.process.destroy();
            }
        }
        for (NodeProcess node : nodes) {
            if (node.process != null && !node.process.waitFor(60, TimeUnit.SECONDS)) {
                node.process.destroyForcibly().waitFor();
                throw new IllegalStateException(node.node + " did not stop within 60 s\n" + node.logTail());
            }
        }
    }

    /** The base of the running node's HTTP API, for a test that logs in with accounts of its own. */
    public URI api() {
        if (api == null) {
            throw new IllegalStateException(node + " is not serving");
        }
        return api;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Runs {@code ibex ARGS} against this node's data folder in a JVM of its own; returns the exit code. */
    public int command(String... args) throws Exception {
        append("---- ibex " + String.join(" ", args));
        Process child = java(args).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("ibex " + String.join(" ", args) + " did not end\n" + logTail());
            }
            return child.exitValue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** {@code GET /api/exchange/status} as an admin. */
    public JsonNode exchangeStatus() throws Exception {
        if (token == null) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(api.resolve("/api/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", ADMIN,
                            "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login at " + node + ": " + login.statusCode() + " " + login.body());
            }
            token = JSON.readTree(login.body()).path("token").asText();
        }
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(api.resolve("/api/exchange/status"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200) {
            throw new IllegalStateException("status of " + node + ": " + status.statusCode() + " " + status.body());
        }
        return JSON.readTree(status.body());
    }

    /** One of the status totals: received, processed, queued, delivered, rejected. */
    public long total(String name) throws Exception {
        return exchangeStatus().path("totals").path(name).asLong();
    }

    /** Reads the node's database; only while it is stopped, since H2 lets one process at a time open it. */
    <T> T read(Database.SqlWork<T> work) {
        if (running()) {
            throw new IllegalStateException("stop " + node + " before reading its database");
        }
        try (Database database = Database.open(store)) {
            return database.read(work);
        }
    }

    public long count(String sql) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The running JVM's threads, to show where a node that stopped making progress waits. */
    public String threadDump() {
        if (!running()) {
            return node + " is not running";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "no thread dump of " + node + ": " + e;
        }
    }

    /** The last lines this node's processes printed, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return "---- " + log + " (last 60 lines)\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The settings the node's process is started with (passphrase, store), for a test that opens the stopped node in
     * its own JVM with {@code Node.open}, as an operator's shell command does.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("IBEX_PKI_PASSPHRASE", PASSPHRASE_TEXT,
                "IBEX_JDBC_URL", store.jdbcUrl()));
        if (store.user() != null) {
            environment.put("IBEX_JDBC_USER", store.user());
        }
        if (store.password() != null) {
            environment.put("IBEX_JDBC_PASSWORD", store.password());
        }
        environment.putAll(settings);
        return Map.copyOf(environment);
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.ibex.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Only what this node is given: an IBEX_ variable of the test's own environment must not leak in.
        environment.keySet().removeIf(name -> name.startsWith("IBEX_"));
        environment.putAll(Map.of("IBEX_PKI_PASSPHRASE", PASSPHRASE_TEXT, "IBEX_JDBC_URL", store.jdbcUrl(),
                "IBEX_JDBC_USER", store.user(), "IBEX_JDBC_PASSWORD", store.password()));
        environment.putAll(settings);
        return builder;
    }

    /** Copies the child's output to the log and completes {@code started} when the exchange endpoint listens. */
    private void drain(Process child, CompletableFuture<URI> started) {
        URI web = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                append(line);
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    web = URI.create(serving.group(1));
                } else if (web != null && line.startsWith("exchange " + node + " listening on port")) {
                    started.complete(web);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.completeExceptionally(new IllegalStateException("its output ended"
                + (child.isAlive() ? "" : " and it exited with " + child.exitValue())));
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
