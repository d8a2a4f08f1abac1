package org.ibex.inquiry;

import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.trust.NodeIdentity;

import java.util.Set;

/**
 * What an asker wants to know: of which node (null: the node the agreements name for the query), which question,
 * for which purpose, which categories back, about whom; {@code personId} and {@code crossingUid} tie it to this
 * node's own records (the person view, an inspection).
 */
public record Ask(NodeIdentity answerer, QueryType query, String purpose, Set<Category> categories, Subject subject,
                  Long personId, String crossingUid) {
    public Ask {
        categories = Set.copyOf(categories);
    }
}
