package org.ibex.confirmation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.agreement.Category;
import org.ibex.inquiry.PersonRecords;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a release carries, cut to the categories approved: the person's identity, their crossings, the documents they
 * used, for a fingerprint hit; for a document hit, the document's listing. What this state does not hold (a photo,
 * or a person behind prints enrolled without one) is named in {@code notHeld}, never invented.
 */
record ReleasedData(ObjectNode data, List<String> categories, List<String> notHeld) {
    /** The categories a release may ask for: the hit itself and the prints are never released by reference. */
    static final Set<Category> RELEASABLE = Set.of(Category.BIOGRAPHIC, Category.TRAVEL_HISTORY, Category.DOCUMENTS,
            Category.PHOTO);

    static ReleasedData of(Connection connection, Long personId, String document, Set<Category> approved)
            throws SQLException {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        List<String> released = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (Category category : approved.stream().sorted().toList()) {
            (put(connection, data, category, personId, document) ? released : notHeld).add(category.code());
        }
        return new ReleasedData(data, released, notHeld);
    }

    /** Puts one category's data; false when this state holds none of it. */
    private static boolean put(Connection connection, ObjectNode data, Category category, Long personId,
                               String document) throws SQLException {
        if (category == Category.DOCUMENTS && personId == null && document != null) {
            data.putArray("documents").addObject().put("document", document).put("listed", "lost, stolen or revoked");
            return true;
        }
        if (personId == null) {
            return false;
        }
        switch (category) {
            case BIOGRAPHIC -> data.set("person", PersonRecords.person(connection, personId));
            case TRAVEL_HISTORY -> data.putArray("crossings").addAll(List.copyOf(PersonRecords.crossings(connection,
                    List.of(personId))));
            case DOCUMENTS -> data.putArray("documents").addAll(List.copyOf(PersonRecords.documents(connection,
                    personId)));
            default -> {
                // No photo is held by this node, and prints and the hit are not released by reference.
                return false;
            }
        }
        return true;
    }
}
