package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementDraft;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.Party;
import org.ibex.agreement.SignedAgreement;
import org.ibex.border.Post;
import org.ibex.delivery.TestFederation;
import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.replication.FederatedNodes;
import org.ibex.store.Sql;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreements pages of an immigration node in English and Arabic: its agreements with police and labour (one
 * superseded, one revoked, one near its daily quota), an admin installing a file (an unsigned one refused with the
 * reason) and revoking it (a reason required); an analyst reads without the forms; an officer is refused.
 */
class AgreementBrowserTest {
    private static final String IMM = "UTO/IMM/HQ";
    private static final String POL = "UTO/POL/HQ";
    private static final String LAB = "UTO/LAB/HQ";
    private static final String PASSWORD = "lantern quietly harbour 42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    private static FederatedNodes nodes;
    private static Path files;
    private static WebServer server;
    private static Browser browser;

    @BeforeAll
    static void federation() throws Exception {
        files = Files.createTempDirectory("ibex-agreement-browser");
        nodes = new FederatedNodes(files, IMM, POL, LAB);
        Node immigration = nodes.openStopped(IMM);
        AgreementBook book = immigration.services.agreements().orElseThrow();
        book.install(signed(draft("UTO-POL-IMM", 1, "Police questions to immigration", POL,
                "asker=UTO/POL;answerer=UTO/IMM;queries=crossings,presence;purposes=criminal-investigation;"
                        + "categories=hit,biographic,travel-history;per-day=100;per-year=10000;retention-days=90;"
                        + "approval=false")), OPERATOR);
        book.install(signed(draft("UTO-POL-IMM", 2, "Police questions to immigration", POL,
                "asker=UTO/POL;answerer=UTO/IMM;queries=crossings,presence;purposes=criminal-investigation;"
                        + "categories=hit,biographic,travel-history;per-day=100;per-year=10000;retention-days=90;"
                        + "approval=false",
                "asker=UTO/IMM;answerer=UTO/POL;queries=wanted;purposes=border-control;categories=hit,biographic;"
                        + "per-day=5;per-year=1000;retention-days=30;approval=true")), OPERATOR);
        book.install(signed(draft("UTO-LAB-IMM", 1, "Work permit holders in the country", LAB,
                "asker=UTO/LAB;answerer=UTO/IMM;queries=presence;purposes=labour-inspection;categories=hit;"
                        + "per-day=20;per-year=2000;retention-days=14;approval=true")), OPERATOR);
        book.revoke("UTO-LAB-IMM", "replaced by the 2027 memorandum", OPERATOR);
        for (int i = 0; i < 5; i++) {
            asked(immigration, POL, "UTO-POL-IMM", 2, Instant.now().minus(Duration.ofMinutes(10L * i)));
        }
        immigration.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT,
                ZoneId.of("Europe/Vilnius")));
        immigration.services.accounts().createWithPassword(OPERATOR, "admin", "admin", null, PASSWORD);
        immigration.services.accounts().createWithPassword(OPERATOR, "analyst", "analyst", null, PASSWORD);
        immigration.services.accounts().createWithPassword(OPERATOR, "officer", "officer", "UTO-AIR", PASSWORD);
        server = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), immigration.services,
                List.of());
        browser = new Browser(server.baseUrl(), 1280, 1000);
    }

    @AfterAll
    static void close() {
        browser.close();
        server.close();
        nodes.close();
    }

    private static AgreementDraft draft(String id, int version, String title, String other, String... rules) {
        return new AgreementDraft(id, version, title, List.of(Party.parse(other.substring(0, 7)),
                Party.parse("UTO/IMM")), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                java.util.Arrays.stream(rules).map(AgreementDraft::rule).toList());
    }

    private static byte[] signed(AgreementDraft draft) throws Exception {
        TestFederation pki = nodes.pki();
        SignedAgreement signed = draft.read();
        for (String node : List.of(POL, LAB, IMM)) {
            if (draft.parties().stream().anyMatch(p -> p.covers(pki.node(node).node()))) {
                signed = AgreementFile.sign(signed, pki.node(node));
            }
        }
        return AgreementFile.write(signed);
    }

    private static void asked(Node node, String answerer, String id, int version, Instant at) {
        node.services.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_question(question_id,"
                    + " answerer, agreement_id, agreement_version, query_type, purpose, categories, asked_by, asked_at,"
                    + " state) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, UUID.randomUUID().toString(), answerer, id, version, "wanted", "border-control",
                        "hit", "officer", at, "ANSWERED");
                return insert.executeUpdate();
            }
        });
    }

    @Test
    void anAdminReadsInstallsAndRevokesAgreementsInEnglish() throws Exception {
        adminFlow("en");
    }

    @Test
    void anAdminReadsInstallsAndRevokesAgreementsInArabic() throws Exception {
        adminFlow("ar");
    }

    @Test
    void anAnalystReadsWithoutTheFormsAndAnOfficerIsRefused() {
        start("en", "analyst");
        browser.open("/agreements");
        browser.waitFor(By.id("agreement-UTO-POL-IMM-v2"));
        assertThat(browser.driver.findElements(By.id("agreement-install"))).isEmpty();
        browser.open("/agreements/UTO-POL-IMM");
        browser.waitFor(By.id("agreement-UTO-POL-IMM-v1"));
        assertThat(browser.driver.findElements(By.id("agreement-revoke"))).isEmpty();
        logout();

        start("en", "officer");
        browser.open("/agreements");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("You cannot open this page");
        assertThat(browser.driver.findElements(By.cssSelector("nav a[href='/agreements']"))).isEmpty();
        logout();
    }

    private void adminFlow(String locale) throws Exception {
        start(locale, "admin");
        browser.find(By.cssSelector("nav a[href='/agreements']")).click();
        browser.waitFor(By.id("agreement-UTO-POL-IMM-v2"));
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo(locale.equals("ar") ? "rtl"
                : "ltr");
        String page = browser.text(By.tagName("main")).replace('\u200f', ' ').replace('\u2068', ' ')
                .replace('\u2069', ' ');
        assertThat(page).contains("UTO-POL-IMM@v2", "UTO-LAB-IMM@v1", "UTO/POL · UTO/POL/HQ",
                "UTO/IMM · UTO/IMM/HQ", "criminal-investigation");
        assertThat(browser.find(By.id("agreement-UTO-POL-IMM-v2"))
                .findElements(By.cssSelector(".agreement-rules tbody .tag.error")))
                .as("the daily quota of immigration's wanted questions is used up").hasSize(1);
        assertThat(browser.find(By.id("agreement-UTO-LAB-IMM-v1")).findElements(By.cssSelector(".tag.error")))
                .as("revoked").hasSize(1);
        browser.check(locale, "agreements-list");

        Path unsigned = files.resolve("unsigned-" + locale + ".json");
        String id = "UTO-POL-IMM-" + locale.toUpperCase(Locale.ROOT);
        AgreementDraft mine = draft(id, 1, "Border police exchange", POL,
                "asker=UTO/POL;answerer=UTO/IMM;queries=crossings;purposes=criminal-investigation;categories=hit;"
                        + "per-day=10;per-year=100;retention-days=7;approval=false");
        Files.write(unsigned, mine.write());
        browser.find(By.id("file")).sendKeys(unsigned.toAbsolutePath().toString());
        browser.clickToNextPage(By.cssSelector("#agreement-install button[type=submit]"));
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.text(By.id("file-error"))).contains("signatures", "UTO/POL");
        assertThat(browser.driver.getTitle()).startsWith(locale.equals("en") ? "Error:" : "");
        browser.check(locale, "agreements-install-refused");

        Path signedFile = files.resolve("signed-" + locale + ".json");
        Files.write(signedFile, signed(mine));
        browser.find(By.id("file")).sendKeys(signedFile.toAbsolutePath().toString());
        browser.clickToNextPage(By.cssSelector("#agreement-install button[type=submit]"));
        browser.waitFor(By.id("agreement-" + id + "-v1"));
        assertThat(browser.text(By.cssSelector(".notice"))).contains(id + "@v1");

        browser.clickToNextPage(By.cssSelector("#agreement-revoke button[type=submit]"));
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.check(locale, "agreement-revoke-refused");
        browser.find(By.id("reason")).sendKeys("test of the revoke form");
        browser.clickToNextPage(By.cssSelector("#agreement-revoke button[type=submit]"));
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(browser.driver.findElements(By.id("agreement-revoke"))).as("nothing left in force").isEmpty();
        assertThat(browser.text(By.id("agreement-" + id + "-v1"))).contains("test of the revoke form");

        browser.open("/agreements/UTO-POL-IMM");
        browser.waitFor(By.id("agreement-UTO-POL-IMM-v1"));
        browser.check(locale, "agreement-detail");
        logout();
    }

    private static void start(String locale, String user) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login(user, PASSWORD);
    }

    private static void logout() {
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
