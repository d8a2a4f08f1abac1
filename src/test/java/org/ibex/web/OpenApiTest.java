package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.store.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document describes exactly the endpoints the server routes, and how each is guarded. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static TestNode node;
    private static List<Endpoint> endpoints;
    private static JsonNode document;

    @BeforeAll
    static void startNode() throws IOException {
        node = new TestNode(Clock.systemUTC());
        endpoints = new Api(node.services, Json.mapper()).endpoints();
        document = ApiCalls.JSON.readTree(OpsRoutes.readOpenApi());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void documentListsExactlyTheRoutedEndpoints() {
        Set<String> routed = endpoints.stream().map(e -> e.method().name() + " " + e.path()).collect(Collectors.toSet());

        assertThat(operations().keySet())
                .as("every endpoint of Api is documented under its registered path, and nothing else is")
                .containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void documentIsOpenApi303WithBearerAuth() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asText()).isEqualTo("http");
    }

    @Test
    void everyOperationAsksForATokenExactlyWhenTheEndpointIsProtected() {
        Map<String, JsonNode> operations = operations();
        for (Endpoint endpoint : endpoints) {
            JsonNode security = operations.get(endpoint.method().name() + " " + endpoint.path()).path("security");
            boolean bearer = security.isArray() && security.size() == 1 && security.get(0).has("bearerAuth");
            if (endpoint.isPublic()) {
                assertThat(security.isArray() && security.isEmpty())
                        .as("%s %s is public, so its operation must override the global security with []",
                                endpoint.method(), endpoint.path())
                        .isTrue();
            } else {
                assertThat(bearer).as("%s %s needs a token, so its operation must require bearerAuth",
                        endpoint.method(), endpoint.path()).isTrue();
            }
        }
    }

    @Test
    void everyProtectedOperationNamesTheRolesTheGuardAllows() {
        Map<String, JsonNode> operations = operations();
        for (Endpoint endpoint : endpoints) {
            String description = operations.get(endpoint.method().name() + " " + endpoint.path())
                    .path("description").asText();
            if (endpoint.isPublic()) {
                assertThat(description).as("public operations say so").startsWith("Public");
                continue;
            }
            assertThat(description).as("%s %s describes its roles", endpoint.method(), endpoint.path())
                    .startsWith("Roles allowed: ");
            String list = description.substring("Roles allowed: ".length(), description.indexOf('.'));
            Set<Role> documented = Arrays.stream(list.split(",\\s*"))
                    .map(Role::parse).collect(Collectors.toSet());
            assertThat(documented).as("roles documented for %s %s are those the Guard checks",
                    endpoint.method(), endpoint.path()).isEqualTo(endpoint.roles());
        }
    }

    @Test
    void everySchemaReferenceResolves() {
        Set<String> refs = new HashSet<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode())
                    .as("$ref %s points into the document", ref).isFalse();
        }
    }

    @Test
    void documentIsServedWithoutLogin() throws IOException {
        HttpResponse<String> response = node.send("GET", "/openapi.json", null, null);

        assertThat(response.statusCode()).as("API clients fetch the document before they can log in").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(ApiCalls.JSON.readTree(response.body())).as("the served document is the packaged one")
                .isEqualTo(document);
    }

    /** "METHOD /path" of every operation in the document. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new HashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }
}
