package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /api/posts/{id}/node}: admins say which node serves a post; anything else is refused on its field. */
class PostNodeApiTest {
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        node = new TestNode(Clock.systemUTC());
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anAdminAssignsAndClearsTheNodeOfAPost() {
        JsonNode set = api.expect(200, "PUT", "/api/posts/POST-A/node", "admin", Map.of("node", "UTO/IMM/POST-A"));
        assertThat(set.path("postId").asText()).isEqualTo("POST-A");
        assertThat(set.path("node").asText()).isEqualTo("UTO/IMM/POST-A");
        assertThat(api.expect(200, "PUT", "/api/posts/POST-A/node", "admin", Map.of("node", "")).path("node").isNull())
                .isTrue();
    }

    @Test
    void otherRolesBadNodeIdsUnknownPostsAndBrokenBodiesAreRefused() {
        api.expect(403, "PUT", "/api/posts/POST-A/node", "supervisor.a", Map.of("node", "UTO/IMM/POST-A"));
        api.expect(403, "PUT", "/api/posts/POST-A/node", "list.manager", Map.of("node", "UTO/IMM/POST-A"));
        assertThat(api.expect(400, "PUT", "/api/posts/POST-A/node", "admin", Map.of("node", "../../etc"))
                .path("field").asText()).isEqualTo("node");
        api.expect(404, "PUT", "/api/posts/NO-SUCH/node", "admin", Map.of("node", "UTO/IMM/POST-A"));
        api.expect(400, "PUT", "/api/posts/POST-A/node", "admin", "{\"node\": [1, 2]");
    }
}
