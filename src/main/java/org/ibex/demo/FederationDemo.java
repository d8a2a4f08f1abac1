package org.ibex.demo;

import org.ibex.node.ChildNode;
import org.ibex.node.NodeProcesses;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ibex demo --federation}: six nodes of two states on 127.0.0.1, each a process of its own with its own
 * data folder, certificate and ports, and messages travelling between them through their HTTP APIs. Headquarters
 * starts last, so its posts first work offline ({@link OfflinePostStory}); then a national list's change reaches
 * the posts ({@link WatchlistChangeStory}), a land post's late exit withdraws an overstay alert
 * ({@link WithdrawnAlertStory}), and the police and the labour inspectorate ask immigration questions under their
 * signed agreements, one refused and one approved by a person ({@link AgencyQuestionsStory}); and XXB confirms an
 * arrival's identity with Utopia by anonymous probes, a deletion receipt and a release Utopia's supervisor approves
 * in part ({@link IdentityConfirmationStory}).
 */
public final class FederationDemo {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String AIRPORT = "UTO/IMM/POST-AIRPORT";
    private static final String HQ = "UTO/IMM/HQ";
    private static final String POLICE = "UTO/POL/HQ";
    private static final String FOREIGN_HQ = "XXB/IMM/HQ";

    private final FederationLayout layout;
    private final PrintStream out;

    public FederationDemo(FederationLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** Runs the demo; with {@code exitAfterDemo} the nodes are stopped once the messages have arrived. */
    public int run(boolean exitAfterDemo) throws Exception {
        requirePortsFree();
        Map<String, String> environment = new FederationSetup(layout, out).prepare();
        try (NodeProcesses processes = new NodeProcesses(out)) {
            try {
                // Headquarters starts last: until then its posts work offline, as a cut-off post does.
                List<FederationLayout.Member> posts = layout.members().stream()
                        .filter(m -> !m.id().toString().equals(HQ)).toList();
                start(processes, environment, posts, "starting " + posts.size() + " nodes, each a process of its own;"
                        + " " + HQ + " later:");
                Map<String, NodeApi> apis = logIn(posts);
                OfflinePostStory story = new OfflinePostStory(out, MESSAGE_TIMEOUT);
                story.recordOffline(apis);
                FederationLayout.Member hq = layout.member(HQ);
                start(processes, environment, List.of(hq), "starting " + HQ + ":");
                Instant hqStarted = Instant.now();
                apis.putAll(logIn(List.of(hq)));
                WatchlistChangeStory lists = new WatchlistChangeStory(out, MESSAGE_TIMEOUT);
                lists.makeList(apis);
                story.followCatchUp(hqStarted, apis);
                lists.addPerson(apis);
                new WithdrawnAlertStory(out, MESSAGE_TIMEOUT).run(apis);
                new AgencyQuestionsStory(out, MESSAGE_TIMEOUT).run(apis);
                new IdentityConfirmationStory(out, MESSAGE_TIMEOUT, DemoFingerprints.sharedFolder(),
                        layout.receipts(), layout.rootCa().resolve("ca.pem")).run(apis);
                DemoMessages messages = new DemoMessages(apis, id -> layout.log(layout.member(id)), out,
                        MESSAGE_TIMEOUT);
                messages.note(LAND, HQ, "coach UTO-4411 cleared at the land post: 38 passengers, 2 referred to"
                        + " second line");
                messages.ping(HQ, FOREIGN_HQ);
                messages.note(POLICE, AIRPORT, "watch for passport L898902C3 on tonight's flights");
                new FederationSummary(layout, out).print(!exitAfterDemo);
            } catch (IOException | RuntimeException e) {
                if (processes.stopping()) {
                    return 130; // Ctrl-C during start-up: the nodes were stopped on purpose, there is no error to show
                }
                throw e;
            }
            if (exitAfterDemo) {
                return 0;
            }
            out.println("The nodes run until Ctrl-C.");
            out.flush();
            if (processes.awaitAllEnded()) {
                return 0;
            }
            out.println("every node has stopped by itself; the demo ends (see the logs above)");
            return 1;
        }
    }

    /** Refuses to start when a port is taken, naming it, rather than leaving a node to fail in its log. */
    private void requirePortsFree() {
        for (FederationLayout.Member member : layout.members()) {
            requireFree(member.exchangePort(), "the exchange port of " + member.id(), "delete " + layout.root()
                    + " and start afresh with another --base-port");
            requireFree(member.webPort(), "the web port of " + member.id(), "choose another --web-base-port");
        }
    }

    private static void requireFree(int port, String what, String remedy) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1, " + what + ", is in use (an earlier demo"
                    + " still running?); stop what holds it, or " + remedy);
        }
    }

    /** Starts the nodes at once, then waits for each to listen: start-up costs as much as the slowest node. */
    private void start(NodeProcesses processes, Map<String, String> environment, List<FederationLayout.Member> members,
                       String title) throws IOException, InterruptedException {
        out.println();
        out.println(title);
        long began = System.nanoTime();
        Map<FederationLayout.Member, ChildNode> nodes = new LinkedHashMap<>();
        for (FederationLayout.Member member : members) {
            nodes.put(member, processes.start(member.id().toString(), layout.log(member), environment, List.of(
                    "serve", "--data", layout.data(member).toString(), "--host", "127.0.0.1",
                    "--port", Integer.toString(member.webPort()))));
        }
        long deadline = began + START_TIMEOUT.toNanos();
        for (Map.Entry<FederationLayout.Member, ChildNode> node : nodes.entrySet()) {
            Duration left = Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
            node.getValue().awaitLine(line -> line.startsWith("exchange ") && line.contains(" listening on port "),
                    "its exchange endpoint listening", left);
            FederationLayout.Member member = node.getKey();
            out.printf("  %-21s %-31s pid %-7d exchange :%d  web %s  (%.1f s)%n", member.id(), member.description(),
                    node.getValue().pid(), member.exchangePort(), member.webUrl(),
                    (System.nanoTime() - began) / 1e9);
        }
        out.flush();
    }

    private Map<String, NodeApi> logIn(List<FederationLayout.Member> members) throws IOException, InterruptedException {
        Map<String, NodeApi> apis = new LinkedHashMap<>();
        for (FederationLayout.Member member : members) {
            NodeApi api = new NodeApi(member.id().toString(), member.webUrl());
            api.login(FederationSetup.ADMIN, FederationSetup.ADMIN_PASSWORD);
            apis.put(member.id().toString(), api);
        }
        return apis;
    }

    /** The demo folder's default: beside the single-node demo's. */
    public static Path defaultFolder() {
        return Path.of("ibex-federation");
    }
}
