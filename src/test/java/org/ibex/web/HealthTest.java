package org.ibex.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {
    @Test
    void healthAnswersWithoutLoginAndEverythingElseAsksForIt() {
        try (TestNode node = new TestNode(Clock.systemUTC())) {
            assertThat(node.send("GET", "/health", null, null).statusCode()).isEqualTo(200);
            assertThat(node.send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
            String token = node.login("officer.a");
            assertThat(node.send("GET", "/api/me", token, null).body()).contains("officer.a");
        }
    }
}
