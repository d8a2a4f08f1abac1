package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.node.Node;
import org.ibex.node.WebApplication;
import org.ibex.replication.FederatedNodes;
import org.ibex.sync.SyncSeeds;
import org.ibex.web.ServerSettings;
import org.ibex.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync page of a federation in English and Arabic: a land post that has not reached headquarters for a day,
 * with records waiting and two lists out of date, warns at the top; headquarters lists its posts with their
 * contact, backlog and staleness. A supervisor of another post is refused the post's page.
 */
class SyncBrowserTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String AIR = "UTO/IMM/POST-AIR";
    private static final String SEA = "UTO/IMM/POST-SEA";
    private static final String PASSWORD = "lantern quietly harbour 42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local");
    private static FederatedNodes nodes;
    private static WebServer post;
    private static WebServer center;
    private static Browser browser;

    @BeforeAll
    static void federation() throws Exception {
        nodes = new FederatedNodes(Files.createTempDirectory("ibex-sync-browser"), HQ, LAND, AIR, SEA);
        Node land = nodes.openStopped(LAND);
        Node hq = nodes.openStopped(HQ);
        Instant now = Instant.now();
        land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        land.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
        SyncSeeds atPost = new SyncSeeds(land);
        for (int i = 30; i > 0; i--) {
            atPost.journal("UTO-LAND", now.minus(Duration.ofMinutes(50L * i)));
        }
        atPost.shipped(HQ, 12, now.minus(Duration.ofHours(26)));
        atPost.peerContact(HQ, now.minus(Duration.ofHours(26)));
        atPost.reference("watchlist:national", "watchlist", 41, now.minus(Duration.ofHours(27)),
                now.plus(Duration.ofDays(6)), 18_250);
        atPost.reference("documents:lost-stolen", "documents", 17, now.minus(Duration.ofHours(20)),
                now.minus(Duration.ofHours(2)), 96_112);
        atPost.reference("stay-rules", "stay-rules", 5, now.minus(Duration.ofHours(3)), now.plus(Duration.ofDays(30)),
                12);
        SyncSeeds atHq = new SyncSeeds(hq);
        atHq.postContact(LAND, now.minus(Duration.ofHours(26)), 12, 12, null);
        atHq.held(LAND, 12, now.minus(Duration.ofHours(26)));
        atHq.postContact(AIR, now.minus(Duration.ofMinutes(4)), 4_800, 5_230, now.minus(Duration.ofMinutes(40)));
        atHq.held(AIR, 4_800, now.minus(Duration.ofMinutes(4)));
        for (Node node : List.of(land, hq)) {
            node.services.accounts().createWithPassword(OPERATOR, "admin", "admin", null, PASSWORD);
        }
        land.services.accounts().createWithPassword(OPERATOR, "sup.air", "supervisor", "UTO-AIR", PASSWORD);
        post = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), land.services, List.of());
        center = WebApplication.start(new ServerSettings("127.0.0.1", 0, null, null), hq.services, List.of());
        browser = new Browser(post.baseUrl(), 1280, 900);
    }

    @AfterAll
    static void close() {
        browser.close();
        post.close();
        center.close();
        nodes.close();
    }

    @Test
    void aPostAndItsHeadquartersShowTheirSyncInEnglish() {
        showBoth("en");
    }

    @Test
    void aPostAndItsHeadquartersShowTheirSyncInArabic() {
        showBoth("ar");
    }

    @Test
    void aSupervisorOfAnotherPostIsRefused() {
        browser.driver.manage().deleteAllCookies();
        browser.at(post.baseUrl()).open("/login").language("en");
        browser.login("sup.air", PASSWORD);
        browser.open("/sync");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("You cannot open this page");
        logout();
    }

    private void showBoth(String locale) {
        browser.driver.manage().deleteAllCookies();
        browser.at(post.baseUrl()).open("/login").language(locale);
        browser.login("admin", PASSWORD);
        browser.open("/sync");
        browser.waitFor(By.id("sync-warning"));
        assertThat(browser.find(By.id("sync-warning")).findElements(By.tagName("li"))).hasSize(2);
        assertThat(browser.find(By.id("sync-lists")).findElements(By.cssSelector("tbody .tag.error"))).hasSize(2);
        assertThat(browser.text(By.cssSelector("main")).replace('\u200f', ' ')).contains(LAND, HQ);
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo(locale.equals("ar") ? "rtl" : "ltr");
        browser.check(locale, "sync-post");
        logout();

        browser.driver.manage().deleteAllCookies();
        browser.at(center.baseUrl()).open("/login").language(locale);
        browser.login("admin", PASSWORD);
        browser.open("/sync");
        browser.waitFor(By.id("sync-posts"));
        assertThat(browser.find(By.id("sync-posts")).findElements(By.cssSelector("tbody tr"))).hasSize(3);
        assertThat(browser.find(By.id("sync-posts")).findElements(By.cssSelector("tbody .tag.error"))).hasSize(2);
        if (locale.equals("en")) {
            assertThat(browser.text(By.id("sync-summary"))).startsWith("3 posts, 2 of them stale");
        }
        browser.check(locale, "sync-headquarters");
        logout();
    }

    private static void logout() {
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
