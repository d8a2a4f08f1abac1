package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

import java.util.Set;

/**
 * One direction of an agreement: who may ask whom, which questions for which purposes, what may come back, how
 * many a day and a year, how long the asker may keep the answer, and whether a person approves each release.
 */
public record AgreementRule(Party asker, Party answerer, Set<QueryType> queries, Set<String> purposes,
                            Set<Category> categories, int perDay, int perYear, int retentionDays,
                            boolean humanApproval, Set<Exclusion> exclusions, int referenceHours) {
    /** How long a hit's reference stays valid for a release when the rule does not say. */
    public static final int DEFAULT_REFERENCE_HOURS = 72;

    public AgreementRule {
        queries = Set.copyOf(queries);
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
        exclusions = Set.copyOf(exclusions);
    }

    /** A rule with no exclusions and the default reference validity (rules written before either existed). */
    public AgreementRule(Party asker, Party answerer, Set<QueryType> queries, Set<String> purposes,
                         Set<Category> categories, int perDay, int perYear, int retentionDays, boolean humanApproval) {
        this(asker, answerer, queries, purposes, categories, perDay, perYear, retentionDays, humanApproval, Set.of(),
                DEFAULT_REFERENCE_HOURS);
    }

    /** Whether the rule is about questions from {@code from} to {@code to}. */
    public boolean connects(NodeIdentity from, NodeIdentity to) {
        return asker.covers(from) && answerer.covers(to);
    }
}
