package org.ibex.inquiry;

import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.trust.NodeIdentity;

import java.util.Set;

/**
 * What an asker wants to know: of which node (null: the node the agreements name for the query), which question,
 * for which purpose, which categories back, about whom; {@code personId} and {@code crossingUid} tie it to this
 * node's own records (the person view, an inspection); {@code requestUid}, the client's own key, makes a retry
 * answer with the first question instead of asking again.
 */
public record Ask(NodeIdentity answerer, QueryType query, String purpose, Set<Category> categories, Subject subject,
                  Long personId, String crossingUid, String requestUid) {
    public Ask {
        categories = Set.copyOf(categories);
        if (requestUid != null && (requestUid.isBlank() || requestUid.length() > 64)) {
            throw new org.ibex.input.FieldRuleException("uid", "format", "uid must be 1 to 64 characters");
        }
    }

    /** A question without a client key: every call asks anew. */
    public Ask(NodeIdentity answerer, QueryType query, String purpose, Set<Category> categories, Subject subject,
               Long personId, String crossingUid) {
        this(answerer, query, purpose, categories, subject, personId, crossingUid, null);
    }
}
