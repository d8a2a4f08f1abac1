package org.ibex.reference;

import org.ibex.audit.AccessLog;
import org.ibex.delivery.ExchangeNode;
import org.ibex.replication.FederationRoles;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Envelope;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headquarters' loop: for every post and dataset, sends what the post lacks on the post's {@code reference} stream
 * (ordered), each envelope queued in the transaction that records it in {@code reference_publication} and audits
 * it. A post that never got a dataset gets a snapshot; a watchlist that moved goes as a delta from the version last
 * sent (the stream delivers that one first); a small dataset goes whole; a copy that aged half its allowance is
 * renewed with an empty delta, so a post that is online never goes stale. The accounts of a post's border posts are
 * made for that post alone.
 */
final class ReferencePublisher {
    static final String PURPOSE = "reference data to posts";
    private final Database database;
    private final ExchangeNode exchange;
    private final FederationRoles roles;
    private final Datasets datasets;
    private final Publications publications = new Publications();
    private final AccessLog accessLog;
    private final ReferenceSettings settings;
    private final Clock clock;

    ReferencePublisher(Database database, ExchangeNode exchange, FederationRoles roles, Datasets datasets,
                       AccessLog accessLog, ReferenceSettings settings, Clock clock) {
        this.database = database;
        this.exchange = exchange;
        this.roles = roles;
        this.datasets = datasets;
        this.accessLog = accessLog;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over every post; returns how many envelopes it queued. */
    synchronized int publishDue() {
        List<NodeIdentity> posts = roles.posts();
        if (posts.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Dataset> current = database.inTransaction(connection -> datasets.current(connection, now));
        // One payload per (dataset, base, version) a pass: twenty posts behind by the same delta share its bytes.
        Map<String, Optional<byte[]>> made = new HashMap<>();
        int queued = 0;
        for (NodeIdentity post : posts) {
            Map<String, Publications.Sent> sent = database.read(connection -> publications.of(connection,
                    post.toString()));
            List<Dataset> forPost = new java.util.ArrayList<>(current);
            forPost.add(database.inTransaction(connection -> datasets.users(connection, post, now)));
            for (Dataset dataset : forPost) {
                Publications.Sent last = sent.get(dataset.id());
                if (last != null && last.version() == dataset.version()
                        && last.publishedAt().isAfter(now.minus(settings.renewAfter()))) {
                    continue;
                }
                queued += database.inTransaction(connection -> publish(connection, post, dataset, last, now, made));
            }
        }
        if (queued > 0) {
            exchange.nudge();
        }
        return queued;
    }

    private int publish(Connection connection, NodeIdentity post, Dataset dataset, Publications.Sent last,
                        Instant now, Map<String, Optional<byte[]>> made) throws SQLException {
        Instant expires = now.plus(settings.validity());
        // A dataset made for one post (its accounts) is cached for that post only.
        String key = dataset.id() + (Datasets.perPost(dataset) ? " for " + post : "");
        String how;
        Optional<byte[]> payload;
        String type;
        if (last != null && last.version() == dataset.version()) {
            how = "renewal";
            type = ReferencePayload.DELTA;
            payload = made.computeIfAbsent("renew " + key, k -> Optional.of(
                    Datasets.renewal(dataset, now, expires).encode()));
        } else {
            long base = last == null || last.version() > dataset.version() ? 0 : last.version();
            payload = cached(made, "delta " + key + " " + base, () -> datasets.delta(connection, dataset,
                    base, now, expires));
            how = "delta from v" + base;
            type = ReferencePayload.DELTA;
            if (payload.isEmpty()) {
                payload = cached(made, "snapshot " + key, () -> datasets.snapshot(connection, dataset, now,
                        expires));
                how = "snapshot";
                type = ReferencePayload.SNAPSHOT;
            }
        }
        if (payload.isEmpty()) {
            return 0; // the version vanished between reading and building: the next pass sees the new one
        }
        Envelope envelope = exchange.message(post, type, PURPOSE, ReferencePayload.CONTENT_TYPE, payload.get())
                .inStream(ReferencePayload.STREAM, 0);
        exchange.enqueue(connection, envelope);
        publications.record(connection, post.toString(), new Publications.Sent(dataset.id(), dataset.kind(),
                dataset.version(), now, envelope.id()));
        accessLog.record(connection, new AccessLog.Access(roles.self().toString(), "node", "reference.publish",
                "reference/" + dataset.id() + " v" + dataset.version() + " " + how + " post/" + post, PURPOSE,
                null));
        return 1;
    }

    /** A payload made once a pass, an empty one (no delta possible) remembered too. */
    private static Optional<byte[]> cached(Map<String, Optional<byte[]>> made, String key, Build build)
            throws SQLException {
        Optional<byte[]> known = made.get(key);
        if (known != null) {
            return known;
        }
        Optional<byte[]> built = build.payload().map(ReferencePayload::encode);
        made.put(key, built);
        return built;
    }

    @FunctionalInterface
    private interface Build {
        Optional<ReferencePayload> payload() throws SQLException;
    }
}
