package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst dashboard without a browser: who may open it (analysts everything, a supervisor their own post's flows
 * and no displacement, officers nothing), its CSVs, and hostile filters answered as errors naming the field.
 */
class AnalyticsScreensHttpTest {
    private static DemoSite site;

    @BeforeAll
    static void demo() {
        site = DemoSite.get();
    }

    @Test
    void officersAndStrangersCannotOpenTheDashboard() {
        PageClient officer = new PageClient(site).login("officer.land", "demo-officer-pass");
        assertThat(officer.get("/analyst/dashboard").statusCode()).isEqualTo(403);
        assertThat(officer.get("/analyst/dashboard/csv/net-flow").statusCode()).isEqualTo(403);
        assertThat(officer.get("/analyst/dashboard/boundaries/utopia-adm1").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new PageClient(site).get("/analyst/dashboard/csv/posts");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void aSupervisorSeesTheirOwnPostsFlowsOnlyAndNoDisplacement() {
        PageClient supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> page = supervisor.get("/analyst/dashboard?post=UTO-SEA");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the post filter offers their own post only")
                .contains("<option value=\"UTO-AIR\"").doesNotContain("<option value=\"UTO-SEA\"")
                .doesNotContain("<option value=\"\"");
        assertThat(page.body()).as("displacement is the analyst's picture").doesNotContain("section-displacement");
        HttpResponse<String> posts = supervisor.get("/analyst/dashboard/csv/posts?post=UTO-SEA");
        assertThat(posts.statusCode()).isEqualTo(200);
        String[] lines = posts.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFpost,name,latitude,longitude,entries,exits");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).as("asking for another post gives their own").startsWith("UTO-AIR,");
        }
        assertThat(posts.body()).doesNotContain("UTO-SEA", "UTO-LAND");
    }

    @Test
    void anAnalystSeesTheWholeNodeAndEveryChartExportsAsCsv() {
        PageClient analyst = new PageClient(site).login("analyst", "demo-analyst-pass");
        HttpResponse<String> page = analyst.get("/analyst/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("section-net-flow", "section-posts", "section-stays", "section-displacement", "section-surges",
                "data-figures=", "echarts.min.js", "<details");
        for (String chart : DashboardCsv.CHARTS) {
            HttpResponse<String> csv = analyst.get("/analyst/dashboard/csv/" + chart);
            assertThat(csv.statusCode()).as(chart).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment;").contains(chart));
            assertThat(csv.body()).as("%s has a header row", chart).startsWith("\uFEFF").contains(",");
        }
        HttpResponse<String> geo = analyst.get("/analyst/dashboard/boundaries/utopia-adm1");
        assertThat(geo.statusCode()).isEqualTo(200);
        assertThat(geo.body()).contains("\"pcode\":\"UT03\"", "River Plain");
        assertThat(analyst.get("/analyst/dashboard/boundaries/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileFiltersAreErrorsNamingTheFieldNeverAFailure() {
        PageClient analyst = new PageClient(site).login("analyst", "demo-analyst-pass");
        for (String[] bad : new String[][]{{"from=yesterday", "from"}, {"to=2026-02-30", "to"},
                {"from=2026-05-01&to=2026-04-01", "from"}, {"from=1900-01-01", "from"}, {"post=NOWHERE", "post"},
                {"period=hour", "period"}, {"set=..%2Fetc", "set"}, {"from=%3Cscript%3E", "from"}}) {
            HttpResponse<String> page = analyst.get("/analyst/dashboard?" + bad[0]);
            assertThat(page.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(page.body()).as(bad[0]).contains("href=\"#" + bad[1] + "\"").doesNotContain("<script>");
            assertThat(page.body()).as("no figures for a refused question").doesNotContain("data-figures=");
        }
        assertThat(analyst.get("/analyst/dashboard/csv/net-flow?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(analyst.get("/analyst/dashboard/csv/passwords").statusCode()).isEqualTo(404);
    }
}
