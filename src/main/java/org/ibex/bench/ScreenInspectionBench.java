package org.ibex.bench;

import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.WebApplication;
import org.ibex.screens.Csrf;
import org.ibex.screens.Shell;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The officer's inspection screen against the API it is built on, in one run on one server: the API's one-call
 * inspection ({@code POST /api/crossings}) as the baseline, and the screen's two steps as a browser with htmx sends
 * them (assess the MRZ, then record the proposal with Enter), a fresh passport each time, with the same number of
 * crossings and clients. Both run twice, in the order API, screen, screen, API, so drift in a busy machine's load
 * weighs on both alike.
 */
@Command(name = "screens", mixinStandardHelpOptions = true,
        description = "Benchmark the officer's inspection screen (assess + record) against the API's one-call inspection.")
public final class ScreenInspectionBench implements Callable<Integer> {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern UID = Pattern.compile("name=\"uid\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "bench-password";

    @Mixin
    public BenchDatabase databaseServer;
    @Option(names = "--crossings", defaultValue = "2000", description = "crossings measured on each side (API and screen)")
    public int crossings;
    @Option(names = "--clients", defaultValue = "2", description = "concurrent HTTP clients on each side")
    public int clients;

    /** Where the figures go; a test reads them. */
    PrintStream out = System.out;

    private final AtomicInteger apiSequence = new AtomicInteger();
    private final AtomicInteger screenSequence = new AtomicInteger();

    /** The latencies of one side, in nanoseconds, and the wall time its measured runs took. */
    private static final class Side {
        final Latencies total;
        final Latencies assess;
        final Latencies record;
        long nanos;
        int count;

        Side(int capacity) {
            total = new Latencies(capacity);
            assess = new Latencies(capacity);
            record = new Latencies(capacity);
        }

        double perSecond() {
            return count / (nanos / 1e9);
        }
    }

    /** The screen as one logged-in officer's browser: the session cookie and the page's CSRF token. */
    private record Browser(String base, String cookie, String csrf) {
    }

    @Override
    public Integer call() throws Exception {
        if (crossings < 2 || clients < 1) {
            throw new IllegalArgumentException("--crossings must be at least 2 and --clients at least 1");
        }
        Path folder = Files.createTempDirectory("ibex-bench");
        Map<String, String> env = databaseServer.environment();
        String database = databaseServer.postgres() ? "postgresql" : "h2";
        try (Node node = Node.open(folder, env, Clock.systemUTC())) {
            run(node, database);
        } finally {
            delete(folder);
        }
        return 0;
    }

    private void run(Node node, String database) throws Exception {
        String post = "BENCH-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        node.services.posts().add(new Post(post, "Benchmark post", Post.Kind.AIRPORT, ZoneId.of("UTC")));
        node.stayRules.put(new StayRuleKey(null, null), StayRule.rolling(90, 180));
        String officer = "bench." + post.toLowerCase(Locale.ROOT);
        node.services.accounts().seed(Operator.actor("benchmark"), new User(officer, Role.OFFICER, post), PASSWORD);
        try (WebServer server = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), node.services,
                java.util.List.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String base = server.baseUrl();
            String token = HttpLoad.login(http, base, officer, PASSWORD);
            Browser browser = login(http, base, officer);
            out.printf("inspection screen against the API, HTTP/1.1 on loopback, database %s, %d crossings each, "
                    + "%d clients, %d cores%n", database, crossings, clients, Runtime.getRuntime().availableProcessors());

            int warm = Math.min(500, crossings);
            Side warmApi = new Side(warm);
            Side warmScreen = new Side(warm);
            measure("warm-up API", warm, i -> api(http, base, token, post, warmApi));
            measure("warm-up screen", warm, i -> screen(http, browser, warmScreen));

            Side api = new Side(crossings);
            Side screen = new Side(crossings);
            int first = crossings / 2;
            int second = crossings - first;
            api.nanos += measure("API 1/2", first, i -> api(http, base, token, post, api));
            screen.nanos += measure("screen 1/2", first, i -> screen(http, browser, screen));
            screen.nanos += measure("screen 2/2", second, i -> screen(http, browser, screen));
            api.nanos += measure("API 2/2", second, i -> api(http, base, token, post, api));
            api.count = crossings;
            screen.count = crossings;

            int recordedApi = recorded(node, post, "A");
            int recordedScreen = recorded(node, post, "S");
            out.println("access-log entries of the run, each in a transaction of its own or of the crossing's: "
                    + accessLog(node, officer));
            report(database, api, screen, recordedApi, recordedScreen);
            if (recordedApi != warm + crossings || recordedScreen != warm + crossings) {
                throw new IllegalStateException("expected " + (warm + crossings) + " crossings recorded on each side, "
                        + "found " + recordedApi + " through the API and " + recordedScreen + " through the screen");
            }
        }
    }

    /** The node's temporary folder, once the node is closed. */
    private static void delete(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private long measure(String label, int total, LoadRun.Operation operation) throws Exception {
        long t0 = System.nanoTime();
        LoadRun.run(label, total, clients, operation);
        return System.nanoTime() - t0;
    }

    private void report(String database, Side api, Side screen, int recordedApi, int recordedScreen) {
        line("API  POST /api/crossings", api.total, api.perSecond(), "crossings/s");
        line("screen  assess", screen.assess, Double.NaN, "");
        line("screen  record", screen.record, Double.NaN, "");
        line("screen  assess + record", screen.total, screen.perSecond(), "crossings/s");
        out.printf(Locale.ROOT, "ratio screen/API (assess + record against one call): p50 %.2fx  p95 %.2fx  p99 %.2fx  "
                        + "throughput %.2f%n", ratio(screen.total, api.total, 50), ratio(screen.total, api.total, 95),
                ratio(screen.total, api.total, 99), screen.perSecond() / api.perSecond());
        out.printf(Locale.ROOT, "ratio of each step to one API call: assess p50 %.2fx p99 %.2fx; record p50 %.2fx p99 %.2fx%n",
                ratio(screen.assess, api.total, 50), ratio(screen.assess, api.total, 99),
                ratio(screen.record, api.total, 50), ratio(screen.record, api.total, 99));
        out.printf("crossings recorded (warm-up included): %d through the API, %d through the screen%n",
                recordedApi, recordedScreen);
        out.printf(Locale.ROOT, "SUMMARY db=%s crossings=%d clients=%d api_p50_ms=%.2f api_p95_ms=%.2f api_p99_ms=%.2f "
                        + "api_per_s=%.0f screen_p50_ms=%.2f screen_p95_ms=%.2f screen_p99_ms=%.2f screen_per_s=%.0f "
                        + "assess_p50_ms=%.2f assess_p99_ms=%.2f record_p50_ms=%.2f record_p99_ms=%.2f "
                        + "ratio_p50=%.2f ratio_p95=%.2f ratio_p99=%.2f ratio_throughput=%.2f "
                        + "ratio_assess_p50=%.2f ratio_record_p50=%.2f recorded_api=%d recorded_screen=%d%n",
                database, crossings, clients, api.total.percentileMillis(50), api.total.percentileMillis(95),
                api.total.percentileMillis(99), api.perSecond(), screen.total.percentileMillis(50),
                screen.total.percentileMillis(95), screen.total.percentileMillis(99), screen.perSecond(),
                screen.assess.percentileMillis(50), screen.assess.percentileMillis(99),
                screen.record.percentileMillis(50), screen.record.percentileMillis(99),
                ratio(screen.total, api.total, 50), ratio(screen.total, api.total, 95), ratio(screen.total, api.total, 99),
                screen.perSecond() / api.perSecond(), ratio(screen.assess, api.total, 50),
                ratio(screen.record, api.total, 50), recordedApi, recordedScreen);
    }

    private void line(String label, Latencies latencies, double perSecond, String unit) {
        out.printf(Locale.ROOT, "%-26s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms%s%n", label,
                latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99),
                Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "  %7.0f %s", perSecond, unit));
    }

    private static double ratio(Latencies of, Latencies to, double percentile) {
        return of.percentileMillis(percentile) / to.percentileMillis(percentile);
    }

    /** The API's one-call inspection, as {@link InspectionBench} sends it. */
    private void api(HttpClient http, String base, String token, String post, Side side) throws Exception {
        String mrz = passport('A', apiSequence.incrementAndGet());
        String body = "{\"direction\":\"ENTRY\",\"postId\":\"" + post + "\",\"mrz\":\"" + mrz.replace("\n", "\\n") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/crossings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST /api/crossings answered " + response.statusCode() + ": " + response.body());
        }
        side.total.add(nanos);
    }

    /**
     * The screen's loop for one traveller: the desk's form (multipart, as its file field makes the browser send it)
     * assessed, then the proposal confirmed with the uid the assessment's page carries. The latency is the two
     * requests' together, without what the client does between them.
     */
    private void screen(HttpClient http, Browser browser, Side side) throws Exception {
        String mrz = passport('S', screenSequence.incrementAndGet());
        String boundary = "----ibexbench" + UUID.randomUUID().toString().replace("-", "");
        String multipart = part(boundary, Csrf.FIELD, browser.csrf()) + part(boundary, "uid", UUID.randomUUID().toString())
                + part(boundary, "direction", "ENTRY") + part(boundary, "mrz", mrz.replace("\n", "\r\n"))
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prints\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n";
        HttpRequest assess = htmx(browser, "/inspection/assess", "multipart/form-data; boundary=" + boundary, multipart);
        long t0 = System.nanoTime();
        HttpResponse<String> assessed = http.send(assess, HttpResponse.BodyHandlers.ofString());
        long assessNanos = System.nanoTime() - t0;
        Matcher uid = UID.matcher(assessed.body());
        if (assessed.statusCode() != 200 || !assessed.body().contains("id=\"confirm\"") || !uid.find()) {
            throw new IllegalStateException("POST /inspection/assess answered " + assessed.statusCode()
                    + " without a proposal to confirm: " + head(assessed.body()));
        }
        String form = field(Csrf.FIELD, browser.csrf()) + "&" + field("uid", uid.group(1)) + "&"
                + field("direction", "ENTRY") + "&" + field("mrz", mrz) + "&" + field("printsKept", "false");
        HttpRequest record = htmx(browser, "/inspection/record", "application/x-www-form-urlencoded", form);
        long t1 = System.nanoTime();
        HttpResponse<String> recorded = http.send(record, HttpResponse.BodyHandlers.ofString());
        long recordNanos = System.nanoTime() - t1;
        if (recorded.statusCode() != 200 || !recorded.body().contains("insp-recorded")) {
            throw new IllegalStateException("POST /inspection/record answered " + recorded.statusCode()
                    + " without a recorded crossing: " + head(recorded.body()));
        }
        side.assess.add(assessNanos);
        side.record.add(recordNanos);
        side.total.add(assessNanos + recordNanos);
    }

    /** A POST as htmx sends it from the desk: its headers, the page's origin, the session cookie and the token. */
    private static HttpRequest htmx(Browser browser, String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(browser.base() + path)).header("Content-Type", contentType)
                .header("Origin", browser.base()).header("Cookie", browser.cookie())
                .header("HX-Request", "true").header("HX-Target", "desk")
                .header("HX-Current-URL", browser.base() + "/inspection").header(Csrf.HEADER, browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Logs in through the login form and reads the CSRF token from the desk, as the browser does. */
    private static Browser login(HttpClient http, String base, String officer) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(field("username", officer) + "&" + field("password", PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Shell.SESSION_COOKIE + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("POST /login answered " + login.statusCode()
                        + " without a session"));
        HttpResponse<String> desk = http.send(HttpRequest.newBuilder(URI.create(base + "/inspection"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(desk.body());
        if (desk.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /inspection answered " + desk.statusCode() + " without a form");
        }
        return new Browser(base, cookie, csrf.group(1));
    }

    /** The officer's access-log entries by action: the durable writes each side makes beside its crossings. */
    private static Map<String, Integer> accessLog(Node node, String officer) {
        return node.database.read(c -> {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            try (var statement = c.prepareStatement(
                    "SELECT action, COUNT(*) FROM access_log WHERE actor = ? GROUP BY action")) {
                statement.setString(1, officer);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Crossings recorded at the benchmark's post under document numbers of one series. */
    private static int recorded(Node node, String post, String series) {
        return node.database.read(c -> {
            try (var statement = c.prepareStatement(
                    "SELECT COUNT(*) FROM crossing WHERE post_id = ? AND document_number LIKE ?")) {
                statement.setString(1, post);
                statement.setString(2, series + "%");
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** A fresh traveller's passport, built alike on both sides; the series letter starts the document number. */
    static String passport(char series, int n) {
        return MrzWriter.td3("UTO", "TRAVELLER", "N" + Integer.toString(n, 26).toUpperCase(Locale.ROOT).replaceAll("[0-9]", "X"),
                String.format(Locale.ROOT, "%c%08d", series, n), "XXA", LocalDate.of(1980, 1, 1).plusDays(n % 9000),
                n % 2 == 0 ? "F" : "M", LocalDate.now().plusYears(4), null);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
