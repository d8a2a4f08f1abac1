package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.ManagedAccounts;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.WantedPrints;
import org.ibex.border.PostRepository;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.border.StayRuleRepository;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.replication.FederationRoles;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ListReplicas;
import org.ibex.watchlist.WatchlistInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A post's side: takes in snapshots and deltas from its headquarters, and only from it, into its own tables in the
 * message's transaction (a list through the watchlist domain, so screening follows; the stay rules whole), and
 * records the copy's version and dates. A delta whose base is not the version held is not applied: the post asks
 * headquarters for a snapshot instead. A list that is this post's own is never replaced by headquarters' copy, nor
 * an account made at this post by headquarters' accounts.
 */
final class ReferenceReceiver implements InboxHandler {
    private final FederationRoles roles;
    private final ListReplicas lists;
    private final WantedPrints wanted;
    private final ReferenceCopies copies = new ReferenceCopies();
    private final ManagedAccounts accounts = new ManagedAccounts();
    private final ExchangeNode exchange;
    private final AccessLog accessLog;
    private final Clock clock;

    ReferenceReceiver(FederationRoles roles, ListReplicas lists, WantedPrints wanted, ExchangeNode exchange,
                      AccessLog accessLog, Clock clock) {
        this.roles = roles;
        this.lists = lists;
        this.wanted = wanted;
        this.exchange = exchange;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        Optional<NodeIdentity> headquarters = roles.headquarters();
        if (headquarters.isEmpty() || !headquarters.get().equals(message.sender())) {
            return "refused: " + message.sender() + " is not the headquarters of " + roles.self();
        }
        ReferencePayload payload;
        try {
            payload = ReferencePayload.decode(message.type(), message.payload());
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
        Optional<ReferenceCopy> held = copies.find(connection, payload.dataset());
        if (payload.isDelta() && (held.isEmpty() || held.get().version() != payload.baseVersion())) {
            resync(connection, headquarters.get(), payload.dataset(), held);
            return "refused: delta of " + payload.dataset() + " from v" + payload.baseVersion() + " but this post holds "
                    + held.map(c -> "v" + c.version()).orElse("no copy") + "; asked headquarters for a snapshot";
        }
        Stored stored;
        try {
            stored = payload.isRenewal() ? new Stored(held.get().items(), "renewed", null) : apply(connection, payload);
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
        if (stored.refusal() != null) {
            return "refused: " + stored.refusal();
        }
        Instant now = clock.instant();
        long items = stored.items();
        copies.save(connection, new ReferenceCopy(payload.dataset(), payload.kind(), payload.version(),
                message.sender().toString(), payload.issuedAt(), now, payload.expiresAt(), items));
        String what = (payload.isRenewal() ? "renewal" : payload.isDelta() ? "delta from v" + payload.baseVersion()
                : "snapshot") + " v" + payload.version();
        accessLog.record(connection, new AccessLog.Access(message.sender().toString(), "node", "reference.apply",
                "reference/" + payload.dataset() + " " + what + " " + stored.outcome(), ReferencePublisher.PURPOSE,
                null));
        return payload.dataset() + " " + what + ": " + stored.outcome();
    }

    /** What storing a copy did: how many items the copy holds now and what changed, or why it was refused. */
    private record Stored(long items, String outcome, String refusal) {
        static Stored refused(String why) {
            return new Stored(0, null, why);
        }
    }

    private Stored apply(Connection connection, ReferencePayload payload) throws SQLException {
        if (ReferencePayload.STAY_RULES.equals(payload.kind())) {
            Map<StayRuleKey, StayRule> rules = stayRules(payload.items());
            StayRuleRepository.replaceAll(connection, rules);
            return new Stored(rules.size(), rules.size() + " rules replaced", null);
        }
        if (ReferencePayload.USERS.equals(payload.kind())) {
            return users(connection, payload);
        }
        if (ReferencePayload.WANTED_PRINTS.equals(payload.kind())) {
            if (payload.isDelta()) {
                return Stored.refused("wanted prints travel as snapshots only");
            }
            int held = wanted.replaceCopies(connection, WantedItems.read(payload.items()));
            return new Stored(held, held + " wanted persons' prints held", null);
        }
        String listId = payload.dataset().substring(Datasets.LIST_PREFIX.length());
        WatchlistInfo info = Datasets.listInfo(payload.meta());
        if (!info.id().equals(listId)) {
            return Stored.refused("dataset " + payload.dataset() + " describes list " + info.id());
        }
        if (lists.isPostList(connection, listId)) {
            return Stored.refused("list " + listId + " is this post's own list; headquarters' copy is not applied");
        }
        ListReplicas.Applied applied = payload.isDelta()
                ? lists.applyDelta(connection, info, payload.items(), payload.removed(), roles.headquarters()
                .orElseThrow().toString(), clock.instant())
                : lists.applySnapshot(connection, info, payload.items(), roles.headquarters().orElseThrow()
                .toString(), clock.instant());
        return new Stored(applied.persons() + applied.documents(), "list version v" + applied.version() + " "
                + applied.change().summary(), null);
    }

    /**
     * Headquarters' accounts for this post, whole: the border posts they name are made from headquarters' rows when
     * missing (an account must name a post that exists here), then the accounts applied, each change audited.
     */
    private Stored users(Connection connection, ReferencePayload payload) throws SQLException {
        if (payload.isDelta()) {
            return Stored.refused("users travel as snapshots only");
        }
        UserItems.Read read = UserItems.read(payload.items());
        String headquarters = roles.headquarters().orElseThrow().toString();
        for (org.ibex.border.Post post : read.posts().values()) {
            if (PostRepository.ensure(connection, post)) {
                audit(connection, headquarters, "post.add", "post/" + post.id() + " kind=" + post.kind()
                        + " zone=" + post.zone().getId() + " (for headquarters' accounts)");
            }
        }
        ManagedAccounts.Applied applied = accounts.apply(connection, headquarters, read.accounts());
        for (ManagedAccounts.Change change : applied.changes()) {
            audit(connection, headquarters, change.action(), change.subject());
        }
        return new Stored(read.accounts().size(), applied.summary(), null);
    }

    private void audit(Connection connection, String headquarters, String action, String subject)
            throws SQLException {
        accessLog.record(connection, new AccessLog.Access(headquarters, "node", action, subject,
                ReferencePublisher.PURPOSE, null));
    }

    private static Map<StayRuleKey, StayRule> stayRules(JsonNode items) {
        if (!items.isArray()) {
            throw new IllegalArgumentException("reference payload: items of stay-rules must be an array");
        }
        Map<StayRuleKey, StayRule> rules = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String nationality = text(item, "nationality");
            String permit = text(item, "permitType");
            StayRule.Kind kind;
            try {
                kind = StayRule.Kind.valueOf(item.path("kind").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reference payload: stay rule kind must be one of "
                        + java.util.Arrays.toString(StayRule.Kind.values()), e);
            }
            rules.put(new StayRuleKey(nationality, permit), StayPolicy.configured(kind, item.path("days").asInt(),
                    item.path("windowDays").asInt()));
        }
        return rules;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > 40) {
            throw new IllegalArgumentException("reference payload: stay rule " + field
                    + " must be text of at most 40 characters");
        }
        return value.asText();
    }

    private void resync(Connection connection, NodeIdentity headquarters, String dataset,
                        Optional<ReferenceCopy> held) throws SQLException {
        exchange.enqueue(connection, exchange.message(headquarters, ResyncRequests.TYPE, ReferencePublisher.PURPOSE,
                "application/json", ResyncRequests.payload(dataset, held.map(ReferenceCopy::version)
                        .orElse(null))));
        exchange.nudge();
    }
}
