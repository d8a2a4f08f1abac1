package org.ibex.sync;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.journal.RecordJournal;
import org.ibex.replication.FederationRoles;
import org.ibex.replication.RecordShipper;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A federated node's sync state, computed from its tables at each call: the post view on a post (headquarters'
 * contact, outgoing backlog, reference copies' ages), the headquarters view on a headquarters (every post's last
 * contact, reported backlog, records held, staleness).
 */
public final class SyncStatus {
    /** What this node is in its federation, which decides the view it answers. */
    public enum Place { POST, HEADQUARTERS, NEITHER }

    private final Database database;
    private final FederationRoles roles;
    private final SyncSettings settings;
    private final Clock clock;
    private final RecordJournal journal = new RecordJournal();

    public SyncStatus(Database database, FederationRoles roles, SyncSettings settings, Clock clock) {
        this.database = database;
        this.roles = roles;
        this.settings = settings;
        this.clock = clock;
    }

    public Place place() {
        if (roles.isHeadquarters()) {
            return Place.HEADQUARTERS;
        }
        return roles.headquarters().isPresent() ? Place.POST : Place.NEITHER;
    }

    public String node() {
        return roles.self().toString();
    }

    /**
     * The view {@code user} may see: analysts and admins see this node's view; a supervisor only a post's, and only
     * when this node records for the supervisor's post; everyone else nothing.
     *
     * @throws AccessDeniedException   when the user may not see it
     * @throws SyncUnavailableException on a node that is neither a headquarters nor a post of a listed one
     */
    public Object viewFor(User user) {
        Place place = place();
        if (place == Place.NEITHER) {
            throw new SyncUnavailableException("node " + node() + " is neither a headquarters (unit HQ) nor a post"
                    + " whose headquarters is in the federation directory, so it has no sync state");
        }
        switch (user.role()) {
            case ADMIN, ANALYST -> {
                return place == Place.HEADQUARTERS ? headquarters() : post();
            }
            case SUPERVISOR -> {
                if (place == Place.HEADQUARTERS) {
                    throw new AccessDeniedException("supervisor " + user.username() + " sees the sync state of their"
                            + " own post's node; headquarters' view of every post is for analysts and admins");
                }
                if (!database.read(connection -> SyncTables.records(connection, user.postId()))) {
                    throw new AccessDeniedException("supervisor " + user.username() + " belongs to post "
                            + user.postId() + ", which node " + node() + " does not record for");
                }
                return post();
            }
            default -> throw new AccessDeniedException(user.role().label() + " " + user.username()
                    + " may not see the sync state; it is for " + Role.ADMIN.label() + ", " + Role.ANALYST.label()
                    + " and a post's " + Role.SUPERVISOR.label());
        }
    }

    /** The post view; on a node that is not a post, a {@link SyncUnavailableException}. */
    public PostSync post() {
        NodeIdentity hq = roles.headquarters().orElseThrow(() -> new SyncUnavailableException("node " + node()
                + " is not a post of a headquarters in the federation directory"));
        Instant now = clock.instant();
        return database.read(connection -> {
            Instant contact = SyncTables.lastContacts(connection).get(hq.toString());
            Long since = secondsSince(contact, now);
            long head = journal.head(connection);
            long shipped = RecordShipper.shippedUpTo(connection, hq);
            SyncTables.Pending pending = SyncTables.pendingTo(connection, hq.toString());
            Instant firstUnqueued = head > shipped ? journal.capturedAt(connection, shipped + 1).orElse(null) : null;
            List<ReferenceAge> references = SyncTables.references(connection, now, settings.referenceMaxAge());
            return new PostSync(PostSync.ROLE, node(), hq.toString(), contact, since, quiet(since),
                    settings.quietAfter().toHours(), head, shipped, Math.max(0, head - shipped), pending.count(),
                    earlier(firstUnqueued, pending.count() > 0 ? pending.oldestQueuedAt() : null),
                    settings.referenceMaxAge().toHours(), references,
                    references.stream().filter(ReferenceAge::stale).count(), now);
        });
    }

    /** The headquarters view; on a node that is not a headquarters, a {@link SyncUnavailableException}. */
    public HeadquartersSync headquarters() {
        if (!roles.isHeadquarters()) {
            throw new SyncUnavailableException("node " + node() + " is not a headquarters");
        }
        Instant now = clock.instant();
        List<NodeIdentity> posts = roles.posts();
        return database.read(connection -> {
            Map<String, Instant> contacts = SyncTables.lastContacts(connection);
            Map<String, SyncTables.Reported> reported = SyncTables.reported(connection);
            Map<String, Long> held = SyncTables.held(connection);
            List<PostContact> rows = new ArrayList<>();
            for (NodeIdentity post : posts) {
                String id = post.toString();
                SyncTables.Reported said = reported.get(id);
                Instant contact = later(said == null ? null : said.lastBatchAt(), contacts.get(id));
                Long since = secondsSince(contact, now);
                String staleReason = contact == null ? PostContact.NEVER_HEARD : quiet(since) ? PostContact.QUIET
                        : null;
                rows.add(new PostContact(id, said == null ? null : said.lastBatchAt(), contact, since,
                        said == null ? null : Math.max(0, said.journalHead() - said.lastSeq()),
                        said == null ? null : said.oldestWaitingAt(), held.getOrDefault(id, 0L),
                        said == null ? 0 : said.lastSeq(), staleReason != null, staleReason));
            }
            return new HeadquartersSync(HeadquartersSync.ROLE, node(), settings.quietAfter().toHours(), rows,
                    rows.stream().filter(PostContact::stale).count(), now);
        });
    }

    private boolean quiet(Long since) {
        return since == null || since > settings.quietAfter().toSeconds();
    }

    private static Long secondsSince(Instant moment, Instant now) {
        return moment == null ? null : Math.max(0, Duration.between(moment, now).toSeconds());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
