package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.StoredHit;
import org.ibex.watchlist.WatchlistInfo;
import org.ibex.watchlist.WatchlistService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Watchlists: officers screen and decide on hits; supervisors also manage the lists. */
final class WatchlistRoutes {
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private final Services services;
    private final ObjectMapper mapper;

    record DispositionRequest(StoredHit.Outcome outcome, String reason) {
    }

    WatchlistRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/watchlists", Set.of(Role.SUPERVISOR, Role.ANALYST), ctx -> {
                    WatchlistService lists = services.watchlists();
                    ctx.json(lists.lists().stream().map(info -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("list", info);
                        row.put("persons", lists.personCount(info.id()));
                        row.put("documents", lists.documentCount(info.id()));
                        return row;
                    }).toList());
                }),
                Endpoint.of(HandlerType.PUT, "/api/watchlists/{id}", Set.of(Role.SUPERVISOR), ctx -> {
                    String id = ctx.pathParam("id");
                    if (!id.matches("[A-Za-z0-9._-]{1,60}")) {
                        throw ApiException.badRequest("id", "list id must be 1..60 of A-Z a-z 0-9 . _ -");
                    }
                    String format = ctx.queryParam("format");
                    if (format == null) {
                        throw ApiException.badRequest("format", "format is required: csv, json, un-xml or opensanctions");
                    }
                    WatchlistInfo info = new WatchlistInfo(id, param(ctx.queryParam("name"), id),
                            param(ctx.queryParam("owner"), Requests.actor(ctx).username()),
                            param(ctx.queryParam("sharing"), "national"), threshold(ctx.queryParam("threshold"),
                            services.watchlists().defaultThresholdPercent()));
                    Path file = Files.createTempFile("ibex-watchlist", "." + extension(format));
                    try {
                        Files.write(file, ctx.body().getBytes(StandardCharsets.UTF_8));
                        WatchlistService.ImportResult result = services.watchlists().importFile(info, file, format, null);
                        ctx.status(result.imported() ? 200 : 400).json(result);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }),
                Endpoint.of(HandlerType.POST, "/api/screen", INSPECTORS, ctx -> {
                    ScreeningQuery query = Requests.body(ctx, mapper, ScreeningQuery.class);
                    if (query.name() == null && query.documentNumber() == null) {
                        throw ApiException.badRequest("name", "a name or a documentNumber is required");
                    }
                    ctx.json(services.watchlists().screen(query, 20, Requests.actor(ctx)));
                }),
                Endpoint.of(HandlerType.GET, "/api/crossings/{id}/hits", Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST),
                        ctx -> ctx.json(services.hitReview().hitsOf(Requests.pathId(ctx, "id"), Requests.actor(ctx)))),
                Endpoint.of(HandlerType.POST, "/api/crossings/{id}/hits/{hitId}/disposition", INSPECTORS, ctx -> {
                    DispositionRequest request = Requests.body(ctx, mapper, DispositionRequest.class);
                    ctx.json(services.hitReview().dispose(Requests.pathId(ctx, "id"), Requests.pathId(ctx, "hitId"),
                            request.outcome(), request.reason(), Requests.actor(ctx)));
                }));
    }

    private static String param(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int threshold(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int percent = Integer.parseInt(value);
            if (percent < 1 || percent > 100) {
                throw new NumberFormatException();
            }
            return percent;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("threshold", "threshold must be a percentage 1..100 (got '" + value + "')");
        }
    }

    private static String extension(String format) {
        return switch (format) {
            case "csv", "opensanctions" -> "csv";
            case "json" -> "json";
            case "un-xml" -> "xml";
            default -> throw ApiException.badRequest("format", "format must be csv, json, un-xml or opensanctions (got '"
                    + format + "')");
        };
    }
}
