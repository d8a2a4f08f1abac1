package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.trust.Envelope;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeIdentity;
import org.ibex.delivery.ExchangeNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The node's place in the federation: peers, backlog and last contact; operator notes and pings to peers. */
final class ExchangeRoutes {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    /** Operators may send only these; other types are sent by the capabilities that own them. */
    private static final Set<String> OPERATOR_TYPES = Set.of("exchange.note", "exchange.ping");
    private static final int MAX_TEXT = 10_000;
    private final Services services;
    private final ObjectMapper mapper;

    record NewMessage(String to, String type, String purpose, String text, String stream) {
    }

    ExchangeRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/exchange/status", Set.of(Role.ADMIN, Role.ANALYST), ctx -> {
                    ExchangeNode exchange = exchange();
                    FederationDirectory directory = exchange.membership().federation().directory();
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("node", exchange.node().toString());
                    status.put("directorySequence", directory.sequence());
                    status.put("directoryIssuedAt", directory.issuedAt());
                    status.put("directoryNextUpdate", directory.nextUpdate());
                    status.put("directoryStale", exchange.membership().federation().stale());
                    status.put("directoryLastPull", exchange.directory().last().orElse(null));
                    status.put("directoryLastAdopted", exchange.directory().lastAdopted().orElse(null));
                    status.put("senderLease", exchange.senderLease());
                    status.put("totals", exchange.totals());
                    status.put("peers", exchange.peers());
                    ctx.json(status);
                }),
                Endpoint.of(HandlerType.GET, "/api/exchange/inbox", ADMIN,
                        ctx -> ctx.json(exchange().recentInbox(Requests.limit(ctx)))),
                Endpoint.of(HandlerType.POST, "/api/exchange/messages", ADMIN, this::send));
    }

    private void send(Context ctx) {
        ExchangeNode exchange = exchange();
        NewMessage request = Requests.body(ctx, mapper, NewMessage.class);
        NodeIdentity to;
        try {
            to = NodeIdentity.parse(request.to() == null ? "" : request.to());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("to", "to must be a node id STATE/AGENCY/UNIT: " + e.getMessage());
        }
        if (exchange.membership().federation().directory().node(to).isEmpty()) {
            throw ApiException.badRequest("to", "node " + to + " is not in the federation directory");
        }
        String type = request.type() == null ? "exchange.note" : request.type();
        if (!OPERATOR_TYPES.contains(type)) {
            throw ApiException.badRequest("type", "type must be one of " + OPERATOR_TYPES);
        }
        String text = request.text() == null ? "" : request.text();
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("text", "text must be at most " + MAX_TEXT + " characters");
        }
        String purpose = request.purpose() == null || request.purpose().isBlank() ? "operator message" : request.purpose();
        Envelope envelope;
        try {
            envelope = exchange.message(to, type, purpose, "text/plain", text.getBytes(StandardCharsets.UTF_8));
            if (request.stream() != null) {
                envelope = envelope.inStream(request.stream(), 0);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("purpose", e.getMessage());
        }
        exchange.send(envelope);
        services.accessLog().record(new AccessLog.Access(Requests.actor(ctx).username(), "admin", "exchange.send",
                envelope.id(), type + " to " + to, ctx.ip()));
        ctx.status(202).json(Map.of("id", envelope.id(), "to", to.toString(), "type", type));
    }

    private ExchangeNode exchange() {
        return services.exchange().orElseThrow(() -> new ApiException(404, "not-joined", null,
                "this node has not joined a federation: see 'ibex exchange join' in the README"));
    }
}
