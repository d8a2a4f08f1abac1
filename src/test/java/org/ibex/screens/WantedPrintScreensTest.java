package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wanted prints page's server side without a browser: who may read it and who may flag, and hostile input
 * answered as field errors with the value escaped, never a 500 and never a flag.
 */
class WantedPrintScreensTest {
    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.get();
    }

    @Test
    void officersAreTurnedAwayAndOnlyListManagersFlagOrLift() {
        PageClient officer = new PageClient(site).login("officer.air", "demo-officer-pass");
        assertThat(officer.get("/wanted-prints").statusCode()).isEqualTo(403);
        PageClient supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> read = supervisor.get("/wanted-prints");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("action=\"/wanted-prints\"");
        assertThat(supervisor.post("/wanted-prints", Map.of("personId", "1", "reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(supervisor.post("/wanted-prints/lift", Map.of("subjectId", "1", "liftReason", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void hostileInputComesBackAsFieldErrorsWithTheValueEscaped() {
        PageClient manager = new PageClient(site).login("listmanager", "demo-listmanager-pass");
        long flags = flags();
        HttpResponse<String> notANumber = manager.post("/wanted-prints", Map.of("personId", "<script>1",
                "subjectId", "", "reason", "warrant"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("href=\"#personId\"", "Enter a whole number", "value=\"&lt;script")
                .doesNotContain("<script>1");
        HttpResponse<String> both = manager.post("/wanted-prints", Map.of("personId", "1", "subjectId", "1",
                "reason", "warrant"));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("href=\"#subjectId\"", "Enter a person number or a subject number, not both");
        HttpResponse<String> unknown = manager.post("/wanted-prints", Map.of("subjectId", "999999", "reason", "x"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("href=\"#subjectId\"", "No fingerprints are enrolled under this number");
        HttpResponse<String> noReason = manager.post("/wanted-prints", Map.of("subjectId", "1", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");
        HttpResponse<String> lift = manager.post("/wanted-prints/lift", Map.of("subjectId", "x1",
                "liftReason", "done"));
        assertThat(lift.statusCode()).isEqualTo(400);
        assertThat(lift.body()).contains("These fingerprints are not flagged as wanted");
        assertThat(flags()).as("no refused request stored a flag").isEqualTo(flags);
    }

    private static long flags() {
        return site.node.database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM wanted_print"); java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
