package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.document.MrzWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may change which watchlist, and what a change leaves behind: national lists are kept by list managers,
 * a post's lists by its supervisors; the owner comes from the node's records; every import and rollback is a
 * stored version, audited with its counts; emptying or halving a list needs the exact number confirmed.
 */
class WatchlistGovernanceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNodeWithANationalList() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        api = new ApiCalls(node);
        node.addUser("supervisor.b", Role.SUPERVISOR, "POST-B");
        api.expect(200, "PUT", "/api/watchlists/national-alerts?format=csv&owner=National%20police", "list.manager",
                persons("NA", 10));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** A CSV of {@code count} persons with distinct surnames, ids PREFIX-1..PREFIX-count. */
    private static String persons(String prefix, int count) {
        return "id,name\n" + IntStream.rangeClosed(1, count)
                .mapToObj(i -> prefix + "-" + i + "," + SURNAMES[i - 1] + " Ivan\n").collect(Collectors.joining());
    }

    private static final String[] SURNAMES = {"Kuznetsov", "Smirnov", "Popov", "Vasiliev", "Petrov", "Sokolov",
            "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev"};

    private static JsonNode list(String id) {
        for (JsonNode row : api.expect(200, "GET", "/api/watchlists", "analyst", null)) {
            if (row.at("/list/id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no list " + id);
    }

    private static String passport(String surname, String number) {
        return MrzWriter.td3("RUS", surname, "IVAN", number, "RUS", LocalDate.of(1970, 1, 1), "M",
                LocalDate.of(2031, 1, 1), null);
    }

    @Test
    void aSupervisorCannotReplaceANationalListAndItsTravellerIsStillStopped() {
        HttpResponse<String> replaced = api.send("PUT", "/api/watchlists/national-alerts?format=csv&owner=supervisor.a",
                "supervisor.a", "id,name\nX1,Nobody Atall\n");

        assertThat(replaced.statusCode()).as("a national list is kept by list managers: " + replaced.body()).isEqualTo(403);
        assertThat(replaced.body()).contains("national");
        assertThat(list("national-alerts").path("persons").asInt()).as("its ten persons stay").isEqualTo(10);
        assertThat(list("national-alerts").at("/list/owner").asText()).isEqualTo("National police");
        JsonNode crossing = api.enter("officer.a", "POST-A", passport("KUZNETSOV", "RU7000001"));
        assertThat(crossing.at("/crossing/decision").asText()).as("the listed traveller is still referred")
                .isEqualTo("REFER");
        assertThat(api.send("POST", "/api/watchlists/national-alerts/rollback?version=1", "supervisor.a", null)
                .statusCode()).as("nor may a supervisor roll a national list back").isEqualTo(403);
        assertThat(api.expect(200, "GET", "/api/access-log?limit=100", "admin", null).toString())
                .as("the refused attempts are on record").contains("watchlist.import.refused")
                .contains("list/national-alerts forbidden").contains("watchlist.rollback.refused");
    }

    @Test
    void aPostsListIsKeptByThatPostsSupervisorsOnly() {
        JsonNode created = api.expect(200, "PUT", "/api/watchlists/air-alerts?format=csv", "supervisor.a", persons("AA", 3));
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(list("air-alerts").path("post").asText()).as("the list belongs to the creator's post").isEqualTo("POST-A");
        assertThat(list("air-alerts").at("/list/owner").asText()).isEqualTo("POST-A");
        assertThat(list("national-alerts").path("post").isNull()).as("a list manager's list is national").isTrue();

        assertThat(api.send("PUT", "/api/watchlists/air-alerts?format=csv", "supervisor.b", persons("AA", 4)).statusCode())
                .as("another post's supervisor").isEqualTo(403);
        assertThat(api.send("PUT", "/api/watchlists/air-alerts?format=csv", "list.manager", persons("AA", 4)).statusCode())
                .as("list managers keep national lists, not a post's").isEqualTo(403);
        assertThat(api.send("PUT", "/api/watchlists/air-alerts?format=csv", "officer.a", persons("AA", 4)).statusCode())
                .isEqualTo(403);
        assertThat(api.expect(200, "PUT", "/api/watchlists/air-alerts?format=csv", "supervisor.a", persons("AA", 4))
                .path("version").asInt()).as("its own supervisor may").isEqualTo(2);
    }

    @Test
    void theOwnerComesFromTheNodesRecordsNeverFromTheRequest() {
        HttpResponse<String> renamed = api.send("PUT", "/api/watchlists/national-alerts?format=csv&owner=Someone%20else",
                "list.manager", persons("NA", 10));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(400);
        assertThat(ApiCalls.json(renamed).path("field").asText()).isEqualTo("owner");
        assertThat(list("national-alerts").at("/list/owner").asText()).isEqualTo("National police");

        HttpResponse<String> anonymous = api.send("PUT", "/api/watchlists/no-owner?format=csv", "list.manager", persons("NO", 2));
        assertThat(anonymous.statusCode()).as("a national list names its owner when created: " + anonymous.body())
                .isEqualTo(400);
        assertThat(ApiCalls.json(anonymous).path("field").asText()).isEqualTo("owner");
        assertThat(api.send("PUT", "/api/watchlists/post-owned?format=csv&owner=Interpol", "supervisor.a", persons("PO", 2))
                .statusCode()).as("a post's list is owned by its post").isEqualTo(400);
    }

    @Test
    void everyImportIsAuditedWithItsCountsAndVersion() {
        api.expect(200, "PUT", "/api/watchlists/audited?format=csv&owner=Customs", "list.manager", persons("AU", 10));
        String changed = persons("AU", 11).replace("AU-1,Kuznetsov", "AU-1,Kuznetsova").replace("AU-2,Smirnov Ivan\n", "");

        JsonNode result = api.expect(200, "PUT", "/api/watchlists/audited?format=csv", "list.manager", changed);

        assertThat(result.path("version").asInt()).isEqualTo(2);
        assertThat(result.path("change").toString()).isEqualTo(
                "{\"before\":10,\"after\":10,\"added\":1,\"removed\":1,\"changed\":1}");
        String log = api.expect(200, "GET", "/api/access-log?limit=100", "admin", null).toString();
        assertThat(log).as("the import, its version and counts are in the access log")
                .contains("list/audited v2 before=10 after=10 added=1 removed=1 changed=1")
                .contains("list/audited v1 before=0 after=10 added=10 removed=0 changed=0")
                .contains("watchlist.import").contains("list.manager");
    }

    @Test
    void anImportThatWouldEmptyOrHalveAListNeedsTheExactNumberConfirmed() {
        api.expect(200, "PUT", "/api/watchlists/halved?format=csv&owner=Customs", "list.manager", persons("HV", 10));

        HttpResponse<String> unconfirmed = api.send("PUT", "/api/watchlists/halved?format=csv", "list.manager",
                persons("HV", 4));
        assertThat(unconfirmed.statusCode()).as(unconfirmed.body()).isEqualTo(409);
        JsonNode error = ApiCalls.json(unconfirmed);
        assertThat(error.path("error").asText()).isEqualTo("confirmation-required");
        assertThat(error.path("field").asText()).isEqualTo("confirmRemoval");
        assertThat(error.path("message").asText()).as("says how many and how to confirm")
                .contains("remove 6 of the 10").contains("confirmRemoval=6");
        assertThat(api.send("PUT", "/api/watchlists/halved?format=csv&confirmRemoval=5", "list.manager", persons("HV", 4))
                .statusCode()).as("a wrong number does not confirm").isEqualTo(409);
        assertThat(list("halved").path("persons").asInt()).as("nothing changed yet").isEqualTo(10);

        api.expect(200, "PUT", "/api/watchlists/halved?format=csv", "list.manager", persons("HV", 5));
        assertThat(list("halved").path("persons").asInt()).as("removing exactly half needs no confirmation").isEqualTo(5);
        assertThat(api.send("PUT", "/api/watchlists/halved?format=csv", "list.manager", "id,name\n").statusCode())
                .as("emptying a list needs confirming").isEqualTo(409);
        api.expect(200, "PUT", "/api/watchlists/halved?format=csv&confirmRemoval=5", "list.manager", "id,name\n");
        assertThat(list("halved").path("persons").asInt()).isZero();
    }

    @Test
    void earlierVersionsAreKeptAndARollbackRestoresOneAsANewAuditedVersion() {
        api.expect(200, "PUT", "/api/watchlists/restorable?format=csv&owner=Customs", "list.manager", persons("RS", 12));
        api.expect(200, "PUT", "/api/watchlists/restorable?format=csv&confirmRemoval=11", "list.manager", persons("RS", 1));
        assertThat(api.expect(200, "POST", "/api/screen", "officer.a", Map.of("name", "IVAN ALEKSEEV")).toString())
                .as("the removed entry is no longer screened").doesNotContain("RS-12");

        JsonNode versions = api.expect(200, "GET", "/api/watchlists/restorable/versions", "supervisor.a", null);
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).path("removed").asInt()).isEqualTo(11);
        assertThat(versions.get(1).path("persons").asInt()).isEqualTo(12);

        JsonNode rolledBack = api.expect(200, "POST", "/api/watchlists/restorable/rollback?version=1", "list.manager", null);

        assertThat(rolledBack.at("/version/version").asInt()).as("a rollback is itself a new version").isEqualTo(3);
        assertThat(rolledBack.at("/version/restoredFrom").asInt()).isEqualTo(1);
        assertThat(rolledBack.at("/change/added").asInt()).isEqualTo(11);
        assertThat(list("restorable").path("persons").asInt()).isEqualTo(12);
        assertThat(api.expect(200, "POST", "/api/screen", "officer.a", Map.of("name", "IVAN ALEKSEEV")).toString())
                .as("the screening index follows the rollback").contains("RS-12");
        assertThat(api.expect(200, "GET", "/api/access-log?limit=100", "admin", null).toString())
                .contains("watchlist.rollback").contains("list/restorable v3 from v1 before=1 after=12 added=11");
        assertThat(api.send("POST", "/api/watchlists/restorable/rollback?version=9", "list.manager", null).statusCode())
                .as("an unknown version is bad input").isEqualTo(400);
        assertThat(api.send("GET", "/api/watchlists/nothing-here/versions", "list.manager", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aListThatPredatesVersionsKeepsItsContentAsABaseline() {
        node.database.inTransaction(c -> {
            try (var insert = c.createStatement()) {
                insert.executeUpdate("INSERT INTO watchlist(id, name, owner, sharing_label, threshold_pct, updated_at)"
                        + " VALUES ('legacy', 'Legacy', 'Old owner', 'national', 85, CURRENT_TIMESTAMP)");
                insert.executeUpdate("INSERT INTO watchlist_person(list_id, entry_id, names, action)"
                        + " VALUES ('legacy', 'L1', '[\"Legacy Person\"]', 'REFER_TO_SECOND_LINE')");
            }
            return null;
        });
        assertThat(api.send("PUT", "/api/watchlists/legacy?format=csv", "supervisor.a", persons("LG", 2)).statusCode())
                .as("a list made before posts kept lists is national").isEqualTo(403);

        api.expect(200, "PUT", "/api/watchlists/legacy?format=csv&confirmRemoval=1", "list.manager", persons("LG", 2));

        JsonNode versions = api.expect(200, "GET", "/api/watchlists/legacy/versions", "list.manager", null);
        assertThat(versions.get(1).path("change").asText()).isEqualTo("baseline");
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        api.expect(200, "POST", "/api/watchlists/legacy/rollback?version=1&confirmRemoval=2", "list.manager", null);
        assertThat(list("legacy").path("persons").asInt()).as("the content from before versions is back").isEqualTo(1);
    }
}
