package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.WatchlistService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchlist screens without a browser, where the server alone must hold: who may open and change which list
 * (refusals are pages from the server, and the domain refuses even a forged form), hostile input answered with a
 * page naming the field, never a 500, bounded uploads, and confirmation before a list is emptied.
 */
class WatchlistScreensTest {
    private static DemoSite site;
    private static WatchlistService lists;
    private static String airList;
    private static String nationalList;

    @BeforeAll
    static void lists() {
        site = DemoSite.get();
        lists = site.node.services.watchlists();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        airList = "wl-http-air-" + suffix;
        nationalList = "wl-http-nat-" + suffix;
        lists.replace(new ListImport(airList, "Air post test list", null, null, null, null),
                List.of(person(airList, "P1", "XAVRENTO OLMASQUE")), List.of(), actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR"));
        lists.replace(new ListImport(nationalList, "National test list", "Test authority", null, null, null),
                List.of(), List.of(new DocumentEntry(nationalList, "D1", "ZX" + suffix.toUpperCase(), "UTO", "P",
                        DocumentStatus.STOLEN, null, "test")), actor("listmanager", Role.LIST_MANAGER, null));
    }

    static Actor actor(String name, Role role, String post) {
        return new Actor(new User(name, role, post), "test set-up", "local");
    }

    static PersonEntry person(String list, String id, String name) {
        return new PersonEntry(list, id, List.of(name), null, null, null, "test", "test", null, null,
                EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void anOfficerCannotOpenTheWatchlistScreens() throws Exception {
        PageClient officer = login("officer.air", "demo-officer-pass");
        assertThat(officer.get("/watchlists").statusCode()).isEqualTo(403);
        assertThat(officer.get("/watchlists/import").statusCode()).isEqualTo(403);
        assertThat(officer.post("/watchlists/list/" + airList + "/add", Map.of("kind", "person", "entryId", "X",
                "name", "X", "action", "DETAIN")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorReadsANationalListButIsRefusedItsChangesByTheServer() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> page = supervisor.get("/watchlists/list/" + nationalList + "?kind=document");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("national list, kept by list managers").doesNotContain("/add?kind");
        assertThat(supervisor.get("/watchlists/list/" + nationalList + "/add?kind=document").statusCode()).isEqualTo(403);
        assertThat(supervisor.get("/watchlists/list/" + nationalList + "/expire?kind=document&entry=D1").statusCode())
                .isEqualTo(403);
        HttpResponse<String> forged = supervisor.post("/watchlists/list/" + nationalList + "/expire",
                Map.of("kind", "document", "entry", "D1", "reason", "forged", "confirm", "1"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(lists.documentCount(nationalList)).isEqualTo(1);
    }

    @Test
    void aPostsListDoesNotExistForThoseWhoMayNotReadIt() throws Exception {
        PageClient listManager = login("listmanager", "demo-listmanager-pass");
        assertThat(listManager.get("/watchlists/list/" + airList).statusCode()).isEqualTo(404);
        assertThat(listManager.get("/watchlists").body()).contains(nationalList).doesNotContain(airList);
    }

    @Test
    void hostileInputIsAPageNamingTheFieldNeverAServerError() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> bad = supervisor.post("/watchlists/list/" + airList + "/add", Map.of("kind", "person",
                "entryId", "H1", "name", "<script>alert(1)</script>", "nationality", "<b>xx</b>", "action", "DETAIN",
                "validFrom", "2026-13-45"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Error:", "Enter a real date", "href=\"#validFrom\"")
                .doesNotContain("<script>alert(1)</script>").doesNotContain("<b>xx</b>");
        HttpResponse<String> nationality = supervisor.post("/watchlists/list/" + airList + "/add", Map.of("kind",
                "person", "entryId", "H1", "name", "HOSTILE NAME", "nationality", "xx", "action", "DETAIN"));
        assertThat(nationality.statusCode()).isEqualTo(400);
        assertThat(nationality.body()).contains("href=\"#nationality\"");
        HttpResponse<String> longSearch = supervisor.get("/watchlists/list/" + airList + "?q="
                + "A".repeat(400));
        assertThat(longSearch.statusCode()).isEqualTo(400);
        assertThat(longSearch.body()).contains("name");
        assertThat(supervisor.get("/watchlists/list/bad%20id!").statusCode()).isEqualTo(400);
        HttpResponse<String> duplicate = supervisor.post("/watchlists/list/" + airList + "/add", Map.of("kind",
                "person", "entryId", "P1", "name", "ANOTHER NAME", "action", "DETAIN"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("already has an entry with this id");
        assertThat(supervisor.get("/watchlists/list/" + airList + "/edit?kind=person&entry=nope").statusCode())
                .isEqualTo(404);
        assertThat(supervisor.get("/watchlists/import/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void removingTheLastDocumentOfAListAsksForTheNumberConfirmed() throws Exception {
        String list = "wl-http-confirm-" + UUID.randomUUID().toString().substring(0, 8);
        lists.replace(new ListImport(list, "Confirm test", "Test authority", null, null, null), List.of(),
                List.of(new DocumentEntry(list, "D1", "QQ1234567", "UTO", "P", DocumentStatus.LOST, null, "test")),
                actor("listmanager", Role.LIST_MANAGER, null));
        PageClient manager = login("listmanager", "demo-listmanager-pass");
        HttpResponse<String> noReason = manager.post("/watchlists/list/" + list + "/expire",
                Map.of("kind", "document", "entry", "D1", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Enter the reason");
        HttpResponse<String> unconfirmed = manager.post("/watchlists/list/" + list + "/expire",
                Map.of("kind", "document", "entry", "D1", "reason", "found by its holder"));
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(unconfirmed.body()).contains("name=\"confirm\" value=\"1\"");
        assertThat(lists.documentCount(list)).isEqualTo(1);
        HttpResponse<String> confirmed = manager.post("/watchlists/list/" + list + "/expire",
                Map.of("kind", "document", "entry", "D1", "reason", "found by its holder", "confirm", "1"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(lists.documentCount(list)).isZero();
        assertThat(lists.versions(list, actor("listmanager", Role.LIST_MANAGER, null)).get(0).change()).isEqualTo("edit");
    }

    @Test
    void anExpiredPersonStaysListedButNoLongerMatches() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        String id = "E" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(supervisor.post("/watchlists/list/" + airList + "/add", Map.of("kind", "person", "entryId", id,
                "name", "QUENDRAVIK TOLLOMASH", "action", "REFUSE_ENTRY")).statusCode()).isEqualTo(303);
        Actor air = actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR");
        assertThat(lists.screen(org.ibex.watchlist.ScreeningQuery.byName("QUENDRAVIK TOLLOMASH"), 10, air))
                .anyMatch(hit -> hit.entryId().equals(id));
        assertThat(supervisor.post("/watchlists/list/" + airList + "/expire", Map.of("kind", "person", "entry", id,
                "reason", "subject cleared by the court")).statusCode()).isEqualTo(303);
        assertThat(lists.screen(org.ibex.watchlist.ScreeningQuery.byName("QUENDRAVIK TOLLOMASH"), 10, air))
                .noneMatch(hit -> hit.entryId().equals(id));
        PersonEntry expired = lists.entry(airList, EntryQuery.Kind.PERSON, id, air).persons().get(0);
        assertThat(expired.validUntil()).isBefore(java.time.LocalDate.now());
    }

    @Test
    void uploadsAreBoundedAndCheckedBeforeTheyAreKept() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> noFile = upload(supervisor, Map.of("list", airList), "empty.csv", new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("href=\"#file\"");
        HttpResponse<String> national = upload(supervisor, Map.of("list", nationalList), "x.csv",
                "id,name\nA,B\n".getBytes(StandardCharsets.UTF_8));
        assertThat(national.statusCode()).isEqualTo(403);
        byte[] huge = new byte[25 * 1024 * 1024];
        HttpResponse<String> tooBig = upload(supervisor, Map.of("list", airList), "big.csv", huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("too large");
        assertThat(lists.personCount(airList)).isPositive();
    }

    @Test
    void anImportRunsInTheBackgroundAndOnlyItsStarterSeesIt() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        String list = "wl-http-imp-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started = upload(supervisor, Map.of("list", list), "small.csv",
                "id,name\nI1,PELLOWRAX FINDUMARE\nI2,GROSVANT ELLIPODE\n".getBytes(StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(303);
        String job = started.headers().firstValue("Location").orElseThrow();
        assertThat(job).startsWith("/watchlists/import/");
        String page = importPage(supervisor, job, 100);
        assertThat(page).contains("Imported", "wl-added\">2<");
        assertThat(lists.personCount(list)).isEqualTo(2);
        assertThat(login("listmanager", "demo-listmanager-pass").get(job).statusCode()).isEqualTo(404);
        HttpResponse<String> refused = upload(supervisor, Map.of("list", list), "bad.csv",
                "id,name,nationality\nI1,PELLOWRAX FINDUMARE,zz\n".getBytes(StandardCharsets.UTF_8));
        String badJob = refused.headers().firstValue("Location").orElseThrow();
        page = importPage(supervisor, badJob, 100);
        assertThat(page).contains("Not imported", "nationality");
        assertThat(lists.personCount(list)).isEqualTo(2);
    }

    @Test
    void theRealUnListImportsThroughTheScreensAndDocumentEntriesAreEdited() throws Exception {
        Path un = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists",
                "un_consolidated_2018-10-29.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(un), "shared UN list not present");
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        String list = "wl-http-un-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started = upload(supervisor, Map.of("list", list, "format", "un-xml"),
                "un_consolidated_2018-10-29.xml", Files.readAllBytes(un));
        assertThat(started.statusCode()).isEqualTo(303);
        String job = started.headers().firstValue("Location").orElseThrow();
        String page = importPage(supervisor, job, 600);
        assertThat(page).contains("Imported");
        int persons = lists.personCount(list);
        assertThat(persons).isGreaterThan(500);
        Actor air = actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR");
        try {
            assertThat(supervisor.post("/watchlists/list/" + list + "/add", Map.of("kind", "document", "entryId",
                    "DOC-1", "documentNumber", "ab 12-34", "issuingState", "uto", "status", "STOLEN")).statusCode())
                    .isEqualTo(303);
            assertThat(lists.entry(list, EntryQuery.Kind.DOCUMENT, "DOC-1", air).documents().get(0).documentNumber())
                    .isEqualTo("AB1234");
            HttpResponse<String> edit = supervisor.get("/watchlists/list/" + list + "/edit?kind=document&entry=DOC-1");
            assertThat(edit.body()).contains("value=\"AB1234\"", "value=\"STOLEN\" selected");
            assertThat(supervisor.post("/watchlists/list/" + list + "/edit", Map.of("kind", "document", "entry",
                    "DOC-1", "documentNumber", "AB1234", "issuingState", "UTO", "status", "LOST")).statusCode())
                    .isEqualTo(303);
            assertThat(supervisor.get("/watchlists/list/" + list + "?kind=document&q=b12").body())
                    .contains("AB1234", "Lost");
        } finally {
            // Real names stay out of the screening of the other tests at this post.
            lists.replace(new ListImport(list, null, null, null, null, persons + 1), List.of(), List.of(), air);
        }
    }

    @Test
    void anImportThatWouldEmptyMostOfAListAsksForTheNumberThenGoesAhead() throws Exception {
        PageClient supervisor = login("supervisor.air", "demo-supervisor-pass");
        String list = "wl-http-shrink-" + UUID.randomUUID().toString().substring(0, 8);
        lists.replace(new ListImport(list, "Shrink test", null, null, null, null), List.of(person(list, "S1",
                "MORVATEL QUINSK"), person(list, "S2", "DRAVOLIN KESTRU"), person(list, "S3", "PELMOSTRA VINQ")),
                List.of(), actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR"));
        byte[] one = "id,name\nS1,MORVATEL QUINSK\n".getBytes(StandardCharsets.UTF_8);
        String page = finished(supervisor, upload(supervisor, Map.of("list", list), "one.csv", one));
        assertThat(page).contains("Confirmation needed", "/watchlists/import?list=" + list + "&amp;confirm=2");
        assertThat(lists.personCount(list)).isEqualTo(3);
        assertThat(supervisor.get("/watchlists/import?list=" + list + "&confirm=2").body())
                .contains("name=\"confirm\" type=\"text\" value=\"2\"");
        page = finished(supervisor, upload(supervisor, Map.of("list", list, "confirm", "2"), "one.csv", one));
        assertThat(page).contains("Imported");
        assertThat(lists.personCount(list)).isEqualTo(1);
    }

    /** The page of a started import once it finished. */
    private static String finished(PageClient client, HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).isEqualTo(303);
        return importPage(client, started.headers().firstValue("Location").orElseThrow(), 200);
    }

    /** The page of an import once it is done, or the last one seen after that many looks a tenth of a second apart. */
    private static String importPage(PageClient client, String job, int looks) throws InterruptedException {
        String page = "";
        for (int i = 0; i < looks && !page.contains("wl-import-done"); i++) {
            Thread.sleep(100);
            page = client.get(job).body();
        }
        return page;
    }

    @Test
    void theFourLanguagesHaveTheSameWatchlistWords() {
        java.util.Set<Object> english = Texts.bundle("watchlist", Lang.of("en").orElseThrow()).keySet();
        for (Lang lang : Lang.values()) {
            assertThat(Texts.bundle("watchlist", lang).keySet()).as(lang.code()).isEqualTo(english);
        }
    }

    private static PageClient login(String username, String password) {
        return new PageClient(site).login(username, password);
    }

    /** A list file posted to the import form, as a browser sends the file picked. */
    private static HttpResponse<String> upload(PageClient client, Map<String, String> fields, String fileName,
            byte[] content) {
        return client.multipart("/watchlists/import", fields,
                List.of(new PageClient.Upload("file", fileName, "text/csv", content)));
    }
}
