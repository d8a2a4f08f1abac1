package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementDraft;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.Party;
import org.ibex.border.Post;
import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.replication.FederatedNodes;
import org.ibex.web.ServerSettings;
import org.ibex.web.TestNode;
import org.ibex.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreements pages over HTTP: roles, CSRF, hostile uploads and ids, each refused with a page that names the
 * problem and changes nothing; a node outside a federation says so.
 */
class AgreementScreensHttpTest {
    private static final String IMM = "UTO/IMM/HQ";
    private static final String POL = "UTO/POL/HQ";
    private static final String PASSWORD = "lantern quietly harbour 42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    private static FederatedNodes nodes;
    private static Node immigration;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        nodes = new FederatedNodes(Files.createTempDirectory("ibex-agreement-screens"), IMM, POL);
        immigration = nodes.openStopped(IMM);
        immigration.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT,
                ZoneId.of("Europe/Vilnius")));
        for (String[] user : new String[][]{{"admin", "admin", null}, {"analyst", "analyst", null},
                {"sup.air", "supervisor", "UTO-AIR"}, {"officer.air", "officer", "UTO-AIR"}}) {
            immigration.services.accounts().createWithPassword(OPERATOR, user[0], user[1], user[2], PASSWORD);
        }
        immigration.services.agreements().orElseThrow().install(signed("UTO-POL-IMM"), OPERATOR);
        server = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), immigration.services,
                List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        nodes.close();
    }

    private static AgreementDraft draft(String id) {
        return new AgreementDraft(id, 1, "Police questions", List.of(Party.parse("UTO/POL"), Party.parse("UTO/IMM")),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), List.of(AgreementDraft.rule(
                "asker=UTO/POL;answerer=UTO/IMM;queries=crossings;purposes=criminal-investigation;categories=hit;"
                        + "per-day=10;per-year=100;retention-days=7;approval=false")));
    }

    private static byte[] signed(String id) throws Exception {
        return AgreementFile.write(AgreementFile.sign(AgreementFile.sign(draft(id).read(), nodes.pki().node(POL)),
                nodes.pki().node(IMM)));
    }

    private static PageClient as(String user) {
        return new PageClient(server.baseUrl()).login(user, PASSWORD);
    }

    private static HttpResponse<String> upload(PageClient client, byte[] file) {
        return client.multipart("/agreements", Map.of(), List.of(new PageClient.Upload("file", "agreement.json",
                "application/json", file)));
    }

    private static boolean installed(String id) {
        return immigration.services.agreements().orElseThrow().all().stream().anyMatch(a -> a.id().equals(id));
    }

    @Test
    void readersSeeTheAgreementsAndOfficersAreRefused() {
        for (String reader : new String[]{"admin", "analyst", "sup.air"}) {
            HttpResponse<String> page = as(reader).get("/agreements");
            assertThat(page.statusCode()).as(reader).isEqualTo(200);
            assertThat(page.body()).contains("UTO-POL-IMM@v1", "UTO/POL/HQ", "0 of 10");
            assertThat(page.body().contains("id=\"agreement-install\"")).as(reader + " sees the install form")
                    .isEqualTo(reader.equals("admin"));
        }
        assertThat(as("officer.air").get("/agreements").statusCode()).isEqualTo(403);
        assertThat(as("officer.air").get("/agreements/UTO-POL-IMM").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAnAdminInstallsOrRevokesAndNeverWithoutTheToken() throws Exception {
        byte[] file = signed("UTO-POL-IMM-ROLES");
        for (String user : new String[]{"analyst", "sup.air", "officer.air"}) {
            assertThat(upload(as(user), file).statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).post("/agreements/UTO-POL-IMM/revoke", Map.of("reason", "no")).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(as("admin").postWithoutToken("/agreements/UTO-POL-IMM/revoke", Map.of("reason", "no"))
                .statusCode()).isEqualTo(403);
        assertThat(installed("UTO-POL-IMM-ROLES")).isFalse();
        assertThat(immigration.services.agreements().orElseThrow().usable()).extracting(a -> a.id())
                .contains("UTO-POL-IMM");
    }

    @Test
    void hostileUploadsAreRefusedWithTheReasonAndInstallNothing() throws Exception {
        PageClient admin = as("admin");
        Map<String, byte[]> hostile = Map.of(
                "The file is not an agreement file", "<agreement/>".getBytes(),
                "agreement.rulez is not a field", new String(draft("UTO-HOSTILE").write()).replace("\"rules\"", "\"rulez\"")
                        .getBytes(),
                "signatures: party UTO/POL has not signed", draft("UTO-HOSTILE").write(),
                "at most 256 KiB", new byte[AgreementFile.MAX_BYTES + 1],
                "Choose the signed agreement file", new byte[0]);
        for (Map.Entry<String, byte[]> file : hostile.entrySet()) {
            HttpResponse<String> page = upload(admin, file.getValue());
            assertThat(page.statusCode()).as(file.getKey()).isEqualTo(400);
            assertThat(page.body()).contains("<title>Error:", "error-summary", file.getKey())
                    .doesNotContain("Exception");
        }
        assertThat(installed("UTO-HOSTILE")).isFalse();

        HttpResponse<String> done = upload(admin, signed("UTO-POL-IMM-NEW"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElse(""))
                .isEqualTo("/agreements/UTO-POL-IMM-NEW?installed=UTO-POL-IMM-NEW@v1");
    }

    @Test
    void aRevokeNeedsAReasonAndAnAgreementInForce() {
        PageClient admin = as("admin");
        for (String reason : new String[]{"", "   ", "r".repeat(501)}) {
            HttpResponse<String> page = admin.post("/agreements/UTO-POL-IMM/revoke", Map.of("reason", reason));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("Enter why the agreement ends");
        }
        assertThat(admin.post("/agreements/UTO-NEVER/revoke", Map.of("reason", "gone")).statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/agreements/not-an-id!").statusCode()).isEqualTo(404);
        assertThat(admin.get("/agreements/UTO-NEVER").statusCode()).isEqualTo(404);
        assertThat(immigration.services.agreements().orElseThrow().usable()).extracting(a -> a.id())
                .contains("UTO-POL-IMM");
    }

    @Test
    void aNodeOutsideAFederationSaysItHasNoAgreements() {
        try (TestNode node = new TestNode(Clock.systemUTC());
             WebServer screens = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null),
                     node.services, List.of())) {
            PageClient admin = new PageClient(screens.baseUrl()).login("admin", TestNode.PASSWORD);
            HttpResponse<String> page = admin.get("/agreements");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("This node has not joined a federation", "ibex exchange join")
                    .doesNotContain("agreement-install");
            HttpResponse<String> refused = admin.multipart("/agreements", Map.of(), List.of(
                    new PageClient.Upload("file", "a.json", "application/json", "{}".getBytes())));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("cannot install agreements");
        }
    }
}
