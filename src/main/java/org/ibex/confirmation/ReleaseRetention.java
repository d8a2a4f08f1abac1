package org.ibex.confirmation;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Deletes released data at the requester when the retention the partner set ends; each deletion is audited. */
public final class ReleaseRetention {
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    ReleaseRetention(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** One pass; returns how many releases' data it deleted. */
    public int sweep() {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            List<String> deleted = ReleaseRows.expire(connection, now);
            for (String id : deleted) {
                audit.append(connection, new AuditEntry.Draft("agreement.retention.delete", "retention", id,
                        "data released by a partner deleted: its retention ended"));
            }
            return deleted.size();
        });
    }
}
