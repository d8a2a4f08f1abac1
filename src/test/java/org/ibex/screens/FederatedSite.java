package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
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
import java.util.Map;
import java.util.Random;

/**
 * Two agencies of Utopia on one federation, for the screens the demo node cannot show: immigration
 * ({@code UTO/IMM/HQ}) and police ({@code UTO/POL/HQ}), each a whole node as {@code ibex serve} assembles it (its
 * own data folder, exchange over mutual TLS on loopback, web server), both with the demo's posts and users. They
 * share one signed agreement: police asks immigration about crossings and presence for criminal investigations;
 * immigration asks police whether a traveller is wanted for border control, each answer approved by a supervisor.
 * Immigration holds one traveller who crossed at the airport ({@link #ANNA}) and one who crossed by land
 * ({@link #BORIS}). Built on first use and closed when the test JVM ends.
 */
public final class FederatedSite {
    public static final String IMM = "UTO/IMM/HQ";
    public static final String POL = "UTO/POL/HQ";
    public static final long ANNA = 7;
    public static final long BORIS = 8;
    public static final String AGREEMENT = "UTO-POL-IMM";
    private static FederatedSite shared;
    public final Side immigration;
    public final Side police;

    /** One agency's node and the web server in front of it. */
    public record Side(Node node, WebServer server) {
        public String url(String path) {
            return server.baseUrl() + path;
        }
    }

    private FederatedSite() throws Exception {
        Path dir = Files.createTempDirectory("ibex-federated");
        TestFederation pki = new TestFederation(RunningNodes.endpoints(IMM, POL));
        Path anchor = dir.resolve("anchor.pem");
        Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                pki.root.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path directory = dir.resolve("directory.json");
        Files.write(directory, pki.signedDirectory);
        immigration = start(pki, IMM, dir, anchor, directory);
        police = start(pki, POL, dir, anchor, directory);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft(AGREEMENT, 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31",
                TestAgreements.rule("UTO/POL", "UTO/IMM", "crossings,presence", "criminal-investigation",
                        "hit,biographic,travel-history", 1000, 30, false),
                TestAgreements.rule("UTO/IMM", "UTO/POL", "wanted", "border-control", "hit,biographic", 1000, 7,
                        true)), IMM, POL);
        Actor admin = new Actor(new User("admin", Role.ADMIN, null), "agreement", "test");
        immigration.node().services.inquiry().orElseThrow().agreements().install(agreement, admin);
        police.node().services.inquiry().orElseThrow().agreements().install(agreement, admin);
        crossed(ANNA, "ERIKSSON", "ANNA MARIA", LocalDate.of(1974, 8, 12), "UTO-AIR", "L898902C3");
        crossed(BORIS, "PETROV", "BORIS", LocalDate.of(1980, 2, 3), "UTO-LAND", "X1234567");
    }

    private static Side start(TestFederation pki, String id, Path dir, Path anchor, Path directory)
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
        return new Side(node, server);
    }

    private void crossed(long id, String surname, String givenNames, LocalDate born, String post, String document) {
        immigration.node().database.inTransaction(c -> {
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                    + " date_of_birth, nationality, sex, created_at) VALUES (?, ?, ?, ?, 'UTO', 'F', ?)")) {
                Sql.bindAll(person, id, surname, givenNames, born, Instant.now());
                person.executeUpdate();
            }
            try (PreparedStatement crossing = c.prepareStatement("INSERT INTO crossing(uid, direction, post_id,"
                    + " officer, occurred_at, zone_id, person_id, document_code, issuing_state, document_number,"
                    + " nationality, surname, given_names, sex, checks, decision, reasons, recorded_at) VALUES"
                    + " (?, 'ENTRY', ?, 'officer', ?, 'UTC', ?, 'P', 'UTO', ?, 'UTO', ?, ?, 'F', '[]', 'ADMIT', '[]',"
                    + " ?)")) {
                Sql.bindAll(crossing, "fed-" + id, post, Instant.parse("2026-11-30T08:15:00Z"), id, document,
                        surname, givenNames, Instant.now());
                crossing.executeUpdate();
            }
            return null;
        });
    }

    /** The one federation of this test run. */
    public static synchronized FederatedSite get() {
        if (shared == null) {
            try {
                shared = new FederatedSite();
            } catch (Exception e) {
                throw new IllegalStateException("the federated site did not start: " + e, e);
            }
            FederatedSite site = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Side side : new Side[]{site.police, site.immigration}) {
                    side.server().close();
                    side.node().close();
                }
            }));
        }
        return shared;
    }
}
