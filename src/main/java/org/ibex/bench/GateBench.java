package org.ibex.bench;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.Progress;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * 1:1 at the gate through the HTTP API: travellers enrolled with two fingers of an FVC set (two fingers of one
 * database make one traveller), then verified with two other impressions of the same fingers: image decoding,
 * two template extractions, two comparisons, the stored evidence and the access log, end to end. The baseline is
 * an authenticated no-op ({@code GET /api/me}) measured the same way in the same run.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, description = "Benchmark 1:1 fingerprint verification at the gate.")
public final class GateBench implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder holding DB1_B … with FFF_I.tif images")
    public Path data;
    @Option(names = "--verifications", defaultValue = "300")
    public int verifications;
    @Option(names = "--clients", defaultValue = "2")
    public int clients;

    /** A traveller: person id and the two enrolled fingers' impressions by number. */
    private record Traveller(long personId, List<FvcDataset.Impression> first, List<FvcDataset.Impression> second, double dpi) {
    }

    @Override
    public Integer call() throws Exception {
        FvcDataset dataset = FvcDataset.load(data, Map.of());
        Path folder = Files.createTempDirectory("ibex-bench-gate");
        try (Node node = Node.open(folder, Map.of(), Clock.systemUTC())) {
            String post = "GATE-" + Long.toString(System.nanoTime(), 36).toUpperCase();
            node.services.posts().add(new Post(post, "Benchmark gate", Post.Kind.AIRPORT, ZoneId.of("UTC")));
            String officer = "bench." + post.toLowerCase();
            User user = new User(officer, Role.OFFICER, post);
            node.services.accounts().seed(Operator.actor("benchmark"), user, "bench-password");
            Actor actor = new Actor(user, "benchmark", "127.0.0.1");
            List<Traveller> travellers = enrol(node, dataset, post, actor);
            try (WebServer server = WebServer.start(new ServerSettings("127.0.0.1", 0, null, null), node.services)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String token = HttpLoad.login(http, server.baseUrl(), officer, "bench-password");
                IntFunction<HttpRequest> me = i -> HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/me"))
                        .header("Authorization", "Bearer " + token).GET().build();
                List<Probe> probes = probes(travellers);
                IntFunction<HttpRequest> verify = i -> {
                    Probe probe = probes.get(i % probes.size());
                    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/persons/" + probe.personId()
                                    + "/fingerprints/verify"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(probe.body())).build();
                };
                System.out.printf("1:1 at the gate through HTTP on loopback: %d travellers enrolled with 2 fingers each%n",
                        travellers.size());
                HttpLoad.run(http, "warm-up", verify, Math.min(100, verifications), clients, false);
                HttpLoad.run(http, "warm-up", me, 1000, clients, false);
                HttpLoad.Result baseline = HttpLoad.run(http, "baseline /api/me, 1 client", me, 1000, 1, true);
                HttpLoad.Result one = HttpLoad.run(http, "verify 2 fingers, 1 client", verify, verifications, 1, true);
                HttpLoad.Result many = HttpLoad.run(http, "verify 2 fingers, " + clients + " clients", verify, verifications,
                        clients, true);
                System.out.printf("ratio verify/baseline, 1 client: p50 %.1fx, p99 %.1fx%n", one.p50() / baseline.p50(),
                        one.p99() / baseline.p99());
                System.out.printf("SUMMARY p50=%.1fms p99=%.1fms verifications/s=%.1f with %d clients (target: p99<=300ms)%n",
                        one.p50(), one.p99(), many.perSecond(), clients);
            }
        }
        return 0;
    }

    /** Pairs fingers 1+2, 3+4 … of each database into travellers, enrolled with impression 1 (not timed). */
    private static List<Traveller> enrol(Node node, FvcDataset dataset, String post, Actor actor) throws Exception {
        List<Traveller> travellers = new ArrayList<>();
        Progress progress = new Progress("enrol", dataset.databases().stream().mapToInt(d -> d.fingers().size() / 2).sum());
        int n = 0;
        for (FvcDataset.Database database : dataset.databases()) {
            List<Integer> fingers = database.fingers();
            for (int f = 0; f + 1 < fingers.size(); f += 2) {
                List<FvcDataset.Impression> a = impressions(database, fingers.get(f));
                List<FvcDataset.Impression> b = impressions(database, fingers.get(f + 1));
                String mrz = MrzWriter.td3("UTO", "GATE", "TRAVELLER", String.format("G%08d", n++), "UTO",
                        LocalDate.of(1980, 1, 1).plusDays(n), "F", LocalDate.now().plusYears(5), null);
                long personId = node.services.border().record(new CrossingRequest(null, Direction.ENTRY, post, null, mrz,
                        null, null, null, null), actor).crossing().personId();
                node.services.biometrics().enrol(personId, "person " + personId, List.of(
                        capture(FingerPosition.RIGHT_INDEX, a.get(0), database.assumedDpi()),
                        capture(FingerPosition.LEFT_INDEX, b.get(0), database.assumedDpi())), List.of(), null, actor);
                travellers.add(new Traveller(personId, a, b, database.assumedDpi()));
                progress.advance(1);
            }
        }
        progress.done();
        return travellers;
    }

    private static List<FvcDataset.Impression> impressions(FvcDataset.Database database, int finger) {
        return database.impressions().stream().filter(i -> i.finger() == finger).toList();
    }

    private static FingerCapture capture(FingerPosition position, FvcDataset.Impression impression, double dpi)
            throws java.io.IOException {
        return new FingerCapture(position, Files.readAllBytes(impression.file()), dpi);
    }

    /** A verification request ready to send: whose prints, and the body with two fingers. */
    private record Probe(long personId, String body) {
    }

    /** For each traveller, requests with impressions 2..8 of both fingers. */
    private static List<Probe> probes(List<Traveller> travellers) throws java.io.IOException {
        List<Probe> bodies = new ArrayList<>();
        for (int impression = 1; impression < 8; impression++) {
            for (Traveller t : travellers) {
                if (impression >= t.first().size() || impression >= t.second().size()) {
                    continue;
                }
                bodies.add(new Probe(t.personId(), "{\"fingers\":[" + finger(2, t.first().get(impression), t.dpi()) + ","
                        + finger(7, t.second().get(impression), t.dpi()) + "]}"));
            }
        }
        return bodies;
    }

    private static String finger(int position, FvcDataset.Impression impression, double dpi) throws java.io.IOException {
        return "{\"position\":" + position + ",\"dpi\":" + dpi + ",\"image\":\""
                + Base64.getEncoder().encodeToString(Files.readAllBytes(impression.file())) + "\"}";
    }
}
