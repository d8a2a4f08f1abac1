package org.ibex.reference;

import org.ibex.border.ReferenceFreshness;
import org.ibex.replication.FederationRoles;
import org.ibex.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A post's answer to "are my lists current?": every copy from headquarters issued longer ago than
 * {@code reference.max-age-hours} or past its expiry is stale, and while the post has a headquarters but no copy of
 * the stay rules (which headquarters always publishes), it has never received reference data at all. Read from
 * {@code reference_copy} at each decision, so the warning stops with the first fresh copy. Headquarters and a node
 * outside a federation have nothing to be stale against. Only the kinds decisions rest on warn.
 */
final class CopyFreshness implements ReferenceFreshness {
    private final Database database;
    private final FederationRoles roles;
    private final ReferenceCopies copies = new ReferenceCopies();
    private final Duration maxAge;
    /**
     * The kinds a decision rests on. The accounts ({@code users}) decide who may log in, not what a decision says,
     * so an old copy of them is shown in the sync state but not warned of at inspection.
     */
    private static final java.util.Set<String> WARNS = java.util.Set.of(ReferencePayload.WATCHLIST,
            ReferencePayload.STAY_RULES);

    CopyFreshness(Database database, FederationRoles roles, Duration maxAge) {
        this.database = database;
        this.roles = roles;
        this.maxAge = maxAge;
    }

    @Override
    public List<StaleCopy> staleAt(Instant now) {
        if (roles.headquarters().isEmpty()) {
            return List.of();
        }
        List<ReferenceCopy> held = database.read(copies::all);
        List<StaleCopy> stale = new ArrayList<>();
        if (held.stream().noneMatch(c -> c.dataset().equals(ReferencePayload.STAY_RULES))) {
            stale.add(new StaleCopy(ReferencePayload.STAY_RULES, null, maxAge, null));
        }
        for (ReferenceCopy copy : held) {
            if (!WARNS.contains(copy.kind())) {
                continue;
            }
            Optional<String> staleness = copy.staleness(now, maxAge);
            if (staleness.isPresent()) {
                stale.add(new StaleCopy(copy.dataset(), copy.age(now), maxAge,
                        staleness.get().equals(ReferenceCopy.EXPIRED) ? copy.expiresAt() : null));
            }
        }
        return stale;
    }
}
