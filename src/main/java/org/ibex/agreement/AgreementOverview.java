package org.ibex.agreement;

import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The installed versions as people look at them: each with the quota its rules have used today and this year. */
public final class AgreementOverview {
    private final Database database;
    private final AgreementBook book;
    private final AgreementUsage usage;
    private final Clock clock;

    public AgreementOverview(Database database, AgreementBook book, Clock clock) {
        this.database = database;
        this.book = book;
        this.usage = new AgreementUsage(book.self());
        this.clock = clock;
    }

    /** One installed version and its rules' use; no use for a version whose file no longer verifies. */
    public record Entry(InstalledAgreement installed, List<AgreementUsage.RuleUsage> rules) {
        public Entry {
            rules = List.copyOf(rules);
        }
    }

    /** Every installed version, newest first within an id. */
    public List<Entry> all() {
        return database.read(connection -> entries(connection, book.all(connection)));
    }

    /** Every installed version of {@code id}, newest first; empty when none is installed. */
    public List<Entry> of(String id) {
        return database.read(connection -> entries(connection, book.all(connection).stream()
                .filter(a -> a.id().equals(id)).toList()));
    }

    private List<Entry> entries(Connection connection, List<InstalledAgreement> installed) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        for (InstalledAgreement version : installed) {
            entries.add(new Entry(version, version.agreement() == null ? List.of()
                    : usage.of(connection, version.agreement(), clock.instant())));
        }
        return entries;
    }
}
