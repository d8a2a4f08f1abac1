package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.watchlist.EntryPage;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.StoredHit;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.ListKeeper;
import org.ibex.watchlist.WatchlistService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watchlists: officers screen and decide on hits; supervisors keep their post's lists and list managers the
 * national ones (the service checks which list is whose).
 */
final class WatchlistRoutes {
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private static final Set<Role> KEEPERS = Set.of(Role.SUPERVISOR, Role.LIST_MANAGER);
    private static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.LIST_MANAGER);
    private final Services services;
    private final ObjectMapper mapper;

    record DispositionRequest(StoredHit.Outcome outcome, String reason) {
    }

    record RevocationRequest(String reason) {
    }

    WatchlistRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/watchlists", READERS, ctx -> {
                    WatchlistService lists = services.watchlists();
                    ctx.json(lists.records().stream().map(record -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("list", record.info());
                        row.put("post", record.postId());
                        row.put("persons", lists.personCount(record.info().id()));
                        row.put("documents", lists.documentCount(record.info().id()));
                        return row;
                    }).toList());
                }),
                Endpoint.of(HandlerType.PUT, "/api/watchlists/{id}", KEEPERS, ctx -> {
                    String id = listId(ctx);
                    String format = ctx.queryParam("format");
                    if (format == null) {
                        throw ApiException.badRequest("format", "format is required: csv, json, un-xml or opensanctions");
                    }
                    ListImport request = new ListImport(id, blankToNull(ctx.queryParam("name")),
                            blankToNull(ctx.queryParam("owner")), blankToNull(ctx.queryParam("sharing")),
                            threshold(ctx.queryParam("threshold")), count(ctx, "confirmRemoval"));
                    Path file = Files.createTempFile("ibex-watchlist", "." + extension(format));
                    try {
                        Files.write(file, ctx.body().getBytes(StandardCharsets.UTF_8));
                        WatchlistService.ImportResult result = services.watchlists().importFile(request, file, format,
                                null, Requests.actor(ctx));
                        ctx.status(result.imported() ? 200 : 400).json(result);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }),
                Endpoint.of(HandlerType.GET, "/api/watchlists/{id}/entries", READERS, this::entries),
                Endpoint.of(HandlerType.GET, "/api/watchlists/{id}/versions", READERS,
                        ctx -> ctx.json(services.watchlists().versions(listId(ctx), Requests.actor(ctx)))),
                Endpoint.of(HandlerType.POST, "/api/watchlists/{id}/rollback", KEEPERS, ctx -> {
                    String id = listId(ctx);
                    Integer version = count(ctx, "version");
                    if (version == null || version < 1) {
                        throw ApiException.badRequest("version", "version is required: the number of the version to"
                                + " restore, from GET /api/watchlists/" + id + "/versions");
                    }
                    ListKeeper.Outcome outcome = services.watchlists().rollback(id, version, count(ctx, "confirmRemoval"),
                            Requests.actor(ctx));
                    ctx.json(Map.of("version", outcome.version(), "change", outcome.change()));
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
                }),
                Endpoint.of(HandlerType.POST, "/api/clearances/{id}/revoke", Set.of(Role.SUPERVISOR), ctx -> {
                    RevocationRequest request = Requests.body(ctx, mapper, RevocationRequest.class);
                    ctx.json(services.hitReview().revokeClearance(Requests.pathId(ctx, "id"), request.reason(),
                            Requests.actor(ctx)));
                }));
    }

    /** A page of a list's entries: an object with the list, its entries and the link to the next page (null on the last). */
    private void entries(Context ctx) {
        String kindText = ctx.queryParam("kind");
        EntryQuery.Kind kind;
        if (kindText == null || kindText.isBlank() || kindText.strip().equalsIgnoreCase("person")) {
            kind = EntryQuery.Kind.PERSON;
        } else if (kindText.strip().equalsIgnoreCase("document")) {
            kind = EntryQuery.Kind.DOCUMENT;
        } else {
            throw ApiException.badRequest("kind", "kind must be person or document (got '" + kindText + "')");
        }
        String name = ctx.queryParam("name");
        String number = ctx.queryParam("number");
        if (kind == EntryQuery.Kind.PERSON && number != null) {
            throw ApiException.badRequest("number", "number searches document entries: add kind=document");
        }
        if (kind == EntryQuery.Kind.DOCUMENT && name != null) {
            throw ApiException.badRequest("name", "name searches person entries: leave out kind=document");
        }
        EntryPage page = services.watchlists().entries(new EntryQuery(listId(ctx), kind,
                kind == EntryQuery.Kind.PERSON ? name : number, ctx.queryParam("after"), Requests.limit(ctx)),
                Requests.actor(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", page.list());
        body.put("post", page.post());
        body.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        body.put("entries", kind == EntryQuery.Kind.PERSON ? page.persons() : page.documents());
        body.put("next", page.nextAfter() == null ? null : Paging.next(ctx, "after", page.nextAfter()));
        ctx.json(body);
    }

    private static String listId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[A-Za-z0-9._-]{1,60}")) {
            throw ApiException.badRequest("id", "list id must be 1..60 of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A non-negative whole number from the query, or null when absent. */
    private static Integer count(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        return (int) Requests.wholeNumber(name, value, 0, Integer.MAX_VALUE);
    }

    private static Integer threshold(String value) {
        if (value == null) {
            return null;
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
