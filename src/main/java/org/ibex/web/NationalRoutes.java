package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.delivery.ExchangeNode;
import org.ibex.replication.FederationRoles;
import org.ibex.replication.NationalRecords;
import org.ibex.trust.NodeIdentity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Headquarters' national store, read by admins and analysts: every post's records, where they came from, when. */
final class NationalRoutes {
    private static final int MAX_NAME = 100;
    private final Services services;
    private final NationalRecords records;

    NationalRoutes(Services services) {
        this.services = services;
        this.records = new NationalRecords(services.database(), services.accessLog());
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(HandlerType.GET, "/api/national/records", Set.of(Role.ADMIN, Role.ANALYST),
                this::list));
    }

    private void list(Context ctx) {
        NodeIdentity self = headquarters();
        NationalRecords.Query query = new NationalRecords.Query(name(ctx, "kind"), name(ctx, "post"), origin(ctx),
                instant(ctx, "from"), instant(ctx, "to"), limit(ctx), cursor(ctx));
        NationalRecords.Page page = records.list(query, Requests.actor(ctx));
        if (page.next() != null) {
            Paging.next(ctx, "before", page.next());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headquarters", self.toString());
        body.put("records", page.records());
        body.put("next", page.next());
        ctx.json(body);
    }

    /** This node, when it is a headquarters; anything else is told where the national store is kept. */
    private NodeIdentity headquarters() {
        ExchangeNode exchange = services.exchange().orElseThrow(() -> new ApiException(409, "not-headquarters", null,
                "this node has not joined a federation, so it keeps no national store"));
        FederationRoles roles = new FederationRoles(exchange.node(), () -> exchange.membership().federation()
                .directory().nodes(), null);
        if (!roles.isHeadquarters()) {
            NodeIdentity self = exchange.node();
            throw new ApiException(409, "not-headquarters", null, "node " + self + " is a post: the national store is"
                    + " kept at its headquarters, " + new NodeIdentity(self.state(), self.agency(),
                    FederationRoles.HQ_UNIT));
        }
        return exchange.node();
    }

    private static String name(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            throw ApiException.badRequest(param, param + " must be at most " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    private static String origin(Context ctx) {
        String value = name(ctx, "origin");
        try {
            return value == null ? null : NodeIdentity.parse(value).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("origin", "origin must be a node id STATE/AGENCY/UNIT: " + e.getMessage());
        }
    }

    /** An instant, or a date meaning its start (UTC). */
    private static Instant instant(Context ctx, String param) {
        String value = name(ctx, param);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(param, param + " must be a date yyyy-MM-dd or an instant such as"
                    + " 2026-03-01T08:15:00Z (got '" + value + "')");
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        try {
            int limit = value == null ? 100 : Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= NationalRecords.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below, as a number out of range is.
        }
        throw ApiException.badRequest("limit", "limit must be 1.." + NationalRecords.MAX_LIMIT + " (got '" + value
                + "')");
    }

    private static NationalRecords.Cursor cursor(Context ctx) {
        String value = ctx.queryParam("before");
        try {
            return value == null || value.isBlank() ? null : NationalRecords.Cursor.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("before", e.getMessage());
        }
    }
}
