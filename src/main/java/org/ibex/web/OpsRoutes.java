package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Health, the OpenAPI document and Prometheus metrics. */
final class OpsRoutes {
    static final String OPENAPI_RESOURCE = "/openapi.json";
    private final Services services;
    private final String openApi;

    OpsRoutes(Services services) {
        this.services = services;
        this.openApi = readOpenApi();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open(HandlerType.GET, "/health", ctx -> {
                    boolean up = services.database().read(c -> c.isValid(2));
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "down"));
                }),
                Endpoint.open(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)),
                Endpoint.of(HandlerType.GET, "/metrics", Set.of(Role.ANALYST, Role.ADMIN),
                        ctx -> ctx.contentType("text/plain; version=0.0.4").result(services.metrics().scrape())));
    }

    static String readOpenApi() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
