package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.demo.DemoSeeder;
import org.ibex.inquiry.TestAgreements;
import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.store.Sql;
import org.ibex.trust.Membership;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two states on one federation, for the identity confirmation screens: the requester {@code XXB/IMM/HQ} and the
 * responder {@code UTO/IMM/HQ}, each a whole node as {@code ibex serve} assembles it, with the demo's posts and users.
 * Their agreement lets XXB ask UTO who a person is by the prints (or whether a document is lost or stolen) for
 * identity confirmation, and then ask for the release of identity details, travel history and documents, each
 * release approved by a UTO supervisor. UTO's gallery holds one XXB national, {@link #SURNAME}, by his right and
 * left index fingers (FVC2002 DB1_B 101 and 102, first impressions). Built on first use, closed with the JVM.
 */
public final class ConfirmationSite {
    public static final String XXB = "XXB/IMM/HQ";
    public static final String UTO = "UTO/IMM/HQ";
    public static final String AGREEMENT = "XXB-UTO-CONFIRM";
    public static final String PURPOSE = "identity-confirmation";
    public static final long PERSON = 31;
    public static final String SURNAME = "OKONKWO";
    private static final Path FVC = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
            "fvc2002", "DB1_B");
    private static ConfirmationSite shared;
    public final FederatedSite.Side requester;
    public final FederatedSite.Side responder;

    private ConfirmationSite() throws Exception {
        Path dir = Files.createTempDirectory("ibex-confirmation");
        TestFederation pki = new TestFederation(RunningNodes.endpoints(XXB, UTO));
        Path anchor = dir.resolve("anchor.pem");
        Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                pki.root.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path directory = dir.resolve("directory.json");
        Files.write(directory, pki.signedDirectory);
        requester = start(pki, XXB, dir, anchor, directory);
        responder = start(pki, UTO, dir, anchor, directory);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft(AGREEMENT, 1, "XXB/IMM", "UTO/IMM",
                "2020-01-01", "2099-12-31",
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "identity,document-status", PURPOSE, "hit,biometric",
                        1000, 30, false, "own-nationals", 48),
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "release", PURPOSE,
                        "biographic,travel-history,documents", 1000, 30, true)), XXB, UTO);
        Actor admin = new Actor(new User("admin", Role.ADMIN, null), "agreement", "test");
        requester.node().services.inquiry().orElseThrow().agreements().install(agreement, admin);
        responder.node().services.inquiry().orElseThrow().agreements().install(agreement, admin);
        known();
    }

    /** The right index print of the known person, another impression than the one enrolled. */
    public static byte[] knownPrint() throws java.io.IOException {
        return Files.readAllBytes(knownPrintFile());
    }

    /** A print of nobody either state knows. */
    public static byte[] unknownPrint() throws java.io.IOException {
        return Files.readAllBytes(unknownPrintFile());
    }

    public static Path knownPrintFile() {
        return FVC.resolve("101_3.tif").toAbsolutePath().normalize();
    }

    public static Path unknownPrintFile() {
        return FVC.resolve("105_2.tif").toAbsolutePath().normalize();
    }

    private static FederatedSite.Side start(TestFederation pki, String id, Path dir, Path anchor, Path directory)
            throws Exception {
        Path folder = dir.resolve(id.replace('/', '_'));
        Path credentials = folder.resolve("credentials");
        pki.node(id).save(credentials, TestFederation.PASSPHRASE);
        Path data = folder.resolve("data");
        Membership.join(data.resolve("exchange"), credentials, anchor, directory, TestFederation.PASSPHRASE,
                Clock.systemUTC());
        Node node = Node.open(data, Map.of("IBEX_PKI_PASSPHRASE", "correct horse battery"), Clock.systemUTC());
        new DemoSeeder(node, new Random(7), LocalDate.now(Clock.systemUTC())).seedReferenceData();
        URI endpoint = pki.node(id).endpoint();
        node.exchange.orElseThrow().start(endpoint.getHost(), endpoint.getPort(), Duration.ofMillis(50),
                Duration.ofMinutes(10));
        WebServer server = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), node.services,
                DemoSeeder.demoLogins());
        return new FederatedSite.Side(node, server);
    }

    /** The XXB national UTO knows: his person, one entry at UTO's airport, and his prints in UTO's gallery. */
    private void known() {
        responder.node().database.inTransaction(c -> {
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                    + " date_of_birth, nationality, sex, created_at) VALUES (?, ?, 'CHIDI', ?, 'XXB', 'M', ?)")) {
                Sql.bindAll(person, PERSON, SURNAME, LocalDate.of(1981, 5, 9), Instant.now());
                person.executeUpdate();
            }
            try (PreparedStatement crossing = c.prepareStatement("INSERT INTO crossing(uid, direction, post_id,"
                    + " officer, occurred_at, zone_id, person_id, document_code, issuing_state, document_number,"
                    + " nationality, surname, given_names, sex, checks, decision, reasons, recorded_at) VALUES"
                    + " ('conf-31', 'ENTRY', 'UTO-AIR', 'officer', ?, 'UTC', ?, 'P', 'XXB', 'XB1234567', 'XXB', ?,"
                    + " 'CHIDI', 'M', '[]', 'ADMIT', '[]', ?)")) {
                Sql.bindAll(crossing, Instant.parse("2026-10-02T06:40:00Z"), PERSON, SURNAME, Instant.now());
                crossing.executeUpdate();
            }
            return null;
        });
        responder.node().services.biometrics().enrol(PERSON, SURNAME, List.of(
                new FingerCapture(FingerPosition.RIGHT_INDEX, FvcSamples.file("DB1_B", "101_1.tif"), 500),
                new FingerCapture(FingerPosition.LEFT_INDEX, FvcSamples.file("DB1_B", "102_1.tif"), 500)),
                List.of(), null, new Actor(new User("enrolment", Role.ANALYST, null), "enrolment", "test"));
    }

    /** The one confirmation federation of this test run. */
    public static synchronized ConfirmationSite get() {
        if (shared == null) {
            try {
                shared = new ConfirmationSite();
            } catch (Exception e) {
                throw new IllegalStateException("the confirmation site did not start: " + e, e);
            }
            ConfirmationSite site = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (FederatedSite.Side side : new FederatedSite.Side[]{site.requester, site.responder}) {
                    side.server().close();
                    side.node().close();
                }
            }));
        }
        return shared;
    }
}
