package org.ibex.bench;

import org.ibex.store.Database;
import org.ibex.store.Json;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

/**
 * A large list written straight into the watchlist tables, as a node would hold it after an import, without the
 * import's keying (that is what a restart benchmark measures) or its version snapshot.
 */
final class BenchRows {
    private BenchRows() {
    }

    static void storeList(Database database, String listId, List<BenchPerson> persons) {
        database.inTransaction(connection -> {
            try (PreparedStatement list = connection.prepareStatement("INSERT INTO watchlist(id, name, owner,"
                    + " sharing_label, threshold_pct, updated_at) VALUES (?, ?, 'bench', 'none', 80, ?)")) {
                list.setString(1, listId);
                list.setString(2, listId);
                list.setObject(3, java.sql.Timestamp.from(Instant.now()));
                list.executeUpdate();
            }
            com.fasterxml.jackson.databind.ObjectMapper json = Json.mapper();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_person(list_id, entry_id,"
                    + " names, date_of_birth, nationality, dates_of_birth, nationalities, action, reason, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'REFER_TO_SECOND_LINE', 'benchmark', 'benchmark')")) {
                for (int i = 0; i < persons.size(); i++) {
                    BenchPerson p = persons.get(i);
                    String birth = p.birth().toString();
                    String nationality = BenchNames.NATIONALITY.get(p.script());
                    insert.setString(1, listId);
                    insert.setString(2, "E" + i);
                    insert.setString(3, Json.write(json, List.of(p.original())));
                    insert.setString(4, birth);
                    insert.setString(5, nationality);
                    insert.setString(6, birth);
                    insert.setString(7, nationality);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
