package org.ibex.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** /metrics counts each request under the status it was answered with, and unknown paths under one label. */
class RequestMetricsTest {

    @Test
    void forbiddenAndMissingAreCountedWithTheStatusActuallySent() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            assertThat(api.send("GET", "/api/users", "officer.a", null).statusCode()).isEqualTo(403);
            assertThat(api.send("GET", "/api/crossings/987654", "officer.a", null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/crossings", "officer.a", null).statusCode()).isEqualTo(200);

            String metrics = api.send("GET", "/metrics", "analyst", null).body();

            assertThat(metrics).as("the 403 is counted as a 403, so error rates can be alerted on")
                    .contains("ibex_http_requests_seconds_count{method=\"GET\",path=\"/api/users\",status=\"403\",} 1.0")
                    .doesNotContain("path=\"/api/users\",status=\"200\"");
            assertThat(metrics).as("the 404 of an unknown record is counted under its route and its real status")
                    .contains("ibex_http_requests_seconds_count{method=\"GET\",path=\"/api/crossings/{id}\",status=\"404\",} 1.0");
            assertThat(metrics).as("a success is still a 200")
                    .contains("ibex_http_requests_seconds_count{method=\"GET\",path=\"/api/crossings\",status=\"200\",} 1.0");
        }
    }

    @Test
    void unknownPathsShareOneLabelSoAScannerCannotGrowTheMetrics() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            ApiCalls api = new ApiCalls(node);
            for (int i = 0; i < 5; i++) {
                assertThat(api.send("GET", "/wp-admin/probe-" + i, null, null).statusCode()).isEqualTo(404);
            }
            assertThat(api.send("GET", "/api/login", null, null).statusCode()).isEqualTo(405);

            String metrics = api.send("GET", "/metrics", "admin", null).body();

            assertThat(metrics).as("five unknown paths, one series")
                    .contains("ibex_http_requests_seconds_count{method=\"GET\",path=\"unmatched\",status=\"404\",} 5.0")
                    .doesNotContain("probe-");
            assertThat(metrics).as("a wrong method is counted with its 405")
                    .contains("path=\"unmatched\",status=\"405\"");
        }
    }
}
