package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

import java.util.Set;

/**
 * One direction of an agreement: who may ask whom, which questions for which purposes, what may come back, how
 * many a day and a year, how long the asker may keep the answer, and whether a person approves each release.
 */
public record AgreementRule(Party asker, Party answerer, Set<QueryType> queries, Set<String> purposes,
                            Set<Category> categories, int perDay, int perYear, int retentionDays,
                            boolean humanApproval) {
    public AgreementRule {
        queries = Set.copyOf(queries);
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
    }

    /** Whether the rule is about questions from {@code from} to {@code to}. */
    public boolean connects(NodeIdentity from, NodeIdentity to) {
        return asker.covers(from) && answerer.covers(to);
    }
}
