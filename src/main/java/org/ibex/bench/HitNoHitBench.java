package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementDraft;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.Party;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.SignedAgreement;
import org.ibex.delivery.ExchangeNode;
import org.ibex.node.Node;
import org.ibex.node.Teardown;
import org.ibex.store.DataFolder;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Identity confirmation with a partner state, end to end: XXB's immigration sends UTO's anonymous fingerprint probes
 * over the real exchange (mutual TLS on loopback, both nodes in this process, each as {@code ibex serve} runs it) and
 * each is timed until its answer is recorded at the requester; UTO searches a gallery of {@code --gallery} fingers.
 * Baseline in the same run: UTO's own national 1:N search of the same probe on the same gallery. It then checks that
 * every answer is what the national search says, and looks for the probes at UTO after their receipt.
 */
@Command(name = "hitnohit", mixinStandardHelpOptions = true,
        description = "Benchmark hit/no-hit probes to a partner state against its national 1:N search.")
public final class HitNoHitBench implements Callable<Integer> {
    public static final double TARGET_P99_MILLIS = 2000;
    static final NodeIdentity REQUESTER = NodeIdentity.parse("XXB/IMM/HQ");
    static final NodeIdentity RESPONDER = NodeIdentity.parse("UTO/IMM/HQ");
    private static final Actor OFFICER = new Actor(new User("liaison.xxb", Role.ANALYST, null), "bench", "bench");
    private static final Actor NATIONAL = new Actor(new User("national.search", Role.ANALYST, null), "bench", "bench");
    private static final Actor ADMIN = new Actor(new User("admin", Role.ADMIN, null), "bench agreement", "bench");

    @Option(names = "--gallery", defaultValue = "100000", description = "fingers in the responder's gallery, real and synthetic (default ${DEFAULT-VALUE})")
    public int gallery;
    @Option(names = "--probes", defaultValue = "200", description = "timed probes, half mated, half non-mated (default ${DEFAULT-VALUE})")
    public int probes;
    @Option(names = "--warm-up", defaultValue = "10", description = "untimed probes first, checked like the others (default ${DEFAULT-VALUE})")
    public int warmUp;
    @Option(names = "--seed", defaultValue = "2026", description = "randomness of the gallery and the probes' order (default ${DEFAULT-VALUE})")
    public long seed;
    @Option(names = "--data", defaultValue = "../shared/data/fingerprints/fvc2002", paramLabel = "DIR",
            description = "FVC-style folder of DBn_B/FFF_I.tif images (default ${DEFAULT-VALUE})")
    public Path data;

    @Override
    public Integer call() throws Exception {
        validate();
        int cores = Runtime.getRuntime().availableProcessors();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        PartnerFingers fingers = new PartnerFingers(data, seed, cores);
        if (gallery < fingers.realFingers()) {
            throw new IllegalArgumentException("--gallery must hold the " + fingers.realFingers() + " real fingers"
                    + " enrolled from " + data + ", was " + gallery);
        }
        PartnerFingers.Built built = fingers.build(gallery, warmUp + probes);
        System.out.printf("hit/no-hit %s -> %s on loopback, mutual TLS, both nodes in this process; %d cores, load"
                + " average %.1f; H2 in each data folder%n", REQUESTER, RESPONDER, cores, loadBefore);
        System.out.printf("gallery: %d real fingers (impression 1 of every other FVC finger) + %d synthetic = %d;"
                        + " probes: %d warm-up + %d timed, alternating mated (another impression of an enrolled"
                        + " finger) and non-mated (a finger held out)%n", built.real(), gallery - built.real(), gallery,
                warmUp, probes);
        try (Teardown teardown = new Teardown()) {
            BenchFederation federation = teardown.add(BenchFederation.create(REQUESTER, RESPONDER));
            Map<String, String> settings = federation.environment();
            long enrolStart = System.nanoTime();
            try (Database store = Database.open(DataFolder.open(federation.receiverData(), settings).storeConfig())) {
                PartnerGallery.enrol(store, built.gallery());
            }
            double enrolSeconds = (System.nanoTime() - enrolStart) / 1e9;
            long openStart = System.nanoTime();
            Node responder = Node.open(federation.receiverData(), settings, Clock.systemUTC());
            Node requester;
            try {
                requester = Node.open(federation.senderData(), settings, Clock.systemUTC());
            } catch (RuntimeException e) {
                responder.close();
                throw e;
            }
            System.out.printf("gallery stored in %.1f s (%.0f fingers/s, batches of persons and subjects); responder"
                    + " opened and loaded it in %.1f s; federation in %s%n", enrolSeconds, gallery / enrolSeconds,
                    (System.nanoTime() - openStart) / 1e9, federation.root());
            Teardown nodes = new Teardown();
            nodes.add(requester);
            nodes.add(responder);
            List<PartnerProbeRuns.Answer> answers;
            try {
                agree(requester, responder);
                start(requester);
                start(responder);
                PartnerProbeRuns runs = new PartnerProbeRuns(requester.services.confirmation().orElseThrow().probes(),
                        requester.database, responder.services.biometrics(), responder.database, RESPONDER, OFFICER,
                        NATIONAL);
                answers = new ArrayList<>(runs.run("warm-up", built.probes().subList(0, warmUp)));
                answers.addAll(runs.run("probes", built.probes().subList(warmUp, warmUp + probes)));
                HitNoHitReport report = new HitNoHitReport(answers, warmUp, gallery);
                report.printAnswers();
                ProbeTraces traces = report.traces();
                report.printSelfCheck(traces.templatesInTables(requester.database));
                ProbeTraces.Found tables = traces.templatesInTables(responder.database);
                ProbeTraces.Found digests = traces.digestsElsewhere(responder.database);
                long wires = ProbeTraces.unerasedProbeWires(responder.database);
                ProbeTraces.Found filesOpen = traces.templatesInFiles(federation.receiverData());
                nodes.close();
                ProbeTraces.Found filesClosed = traces.templatesInFiles(federation.receiverData());
                report.printSummary(tables, digests, wires, filesOpen, filesClosed, loadBefore);
            } finally {
                nodes.close();
            }
        }
        return 0;
    }

    /** One agreement, signed by both nodes and installed at both: XXB/IMM may ask UTO/IMM identity probes. */
    private static void agree(Node requester, Node responder) throws Exception {
        AgreementRule rule = new AgreementRule(Party.parse("XXB/IMM"), Party.parse("UTO/IMM"),
                Set.of(QueryType.IDENTITY), Set.of(PartnerProbeRuns.PURPOSE), Set.of(Category.HIT, Category.BIOMETRIC),
                1_000_000, 1_000_000, 30, false, Set.of(), AgreementRule.DEFAULT_REFERENCE_HOURS);
        AgreementDraft draft = new AgreementDraft("XXB-UTO-BENCH", 1, "Bench identity confirmation",
                List.of(Party.parse("XXB/IMM"), Party.parse("UTO/IMM")), LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1), List.of(rule));
        SignedAgreement signed = AgreementFile.read(draft.write());
        for (Node node : List.of(requester, responder)) {
            signed = AgreementFile.sign(signed, node.exchange.orElseThrow().membership().credentials());
        }
        byte[] file = AgreementFile.write(signed);
        for (Node node : List.of(requester, responder)) {
            node.services.agreements().orElseThrow().install(file, ADMIN);
        }
    }

    /** The exchange as {@code ibex serve} starts it: its endpoint's port, its 200 ms sender and processor period. */
    private static void start(Node node) {
        ExchangeNode exchange = node.exchange.orElseThrow();
        exchange.start("127.0.0.1", exchange.membership().credentials().endpoint().getPort(), Duration.ofMillis(200),
                node.settings.directoryPull());
    }

    private void validate() {
        if (gallery < 1 || gallery > 10_000_000) {
            throw new IllegalArgumentException("--gallery must be 1 to 10000000, was " + gallery);
        }
        if (probes < 2 || probes > 100_000) {
            throw new IllegalArgumentException("--probes must be 2 to 100000 (one mated, one non-mated at least), was "
                    + probes);
        }
        if (warmUp < 0 || warmUp > 10_000) {
            throw new IllegalArgumentException("--warm-up must be 0 to 10000, was " + warmUp);
        }
        if (!java.nio.file.Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data must be a folder of FVC-style DBn_B/FFF_I.tif images, was "
                    + data);
        }
    }
}
