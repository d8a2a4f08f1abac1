package org.ibex.screens;

import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the question form offers, read from the agreements in force: the nodes of the directory this node may ask,
 * the questions and, grouped by question, the purposes the rules allow for it (a select that works without
 * JavaScript). Only a convenience: the agreement gate decides, as for the API.
 */
public record AskOptions(Map<String, String> answerers, Map<String, String> queries,
                         Map<String, Map<String, String>> purposes, List<String> categories) {
    /**
     * The questions this form asks; probes by fingerprints or documents and releases go through the identity
     * confirmation screens, which the answering agency would otherwise refuse as not answered there.
     */
    static final java.util.Set<QueryType> ASKED_HERE = java.util.EnumSet.of(QueryType.CROSSINGS, QueryType.PRESENCE,
            QueryType.WANTED);
    /** The categories an asker may tick; whether the person is known (hit) is always in the answer. */
    static final List<Category> TICKABLE = List.of(Category.BIOGRAPHIC, Category.TRAVEL_HISTORY, Category.BIOMETRIC);

    static AskOptions of(ScreenRequest r, NodeIdentity self, List<DirectoryEntry> directory,
                         List<Agreement> agreements) {
        List<AgreementRule> rules = agreements.stream().flatMap(a -> a.rules().stream())
                .filter(rule -> rule.asker().covers(self)).toList();
        Map<String, String> answerers = new LinkedHashMap<>();
        answerers.put("", r.t("inquiry.ask.answererAny"));
        for (DirectoryEntry entry : directory) {
            NodeIdentity node = entry.node();
            if (!node.equals(self) && rules.stream().anyMatch(rule -> rule.answerer().covers(node))) {
                answerers.put(node.toString(), InquiryWords.node(r.texts(), node.toString()));
            }
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (QueryType query : ASKED_HERE) {
            if (rules.stream().anyMatch(rule -> rule.queries().contains(query))) {
                queries.put(query.code(), r.t("inquiry.query." + query.code()));
            }
        }
        Map<String, Map<String, String>> purposes = new LinkedHashMap<>();
        for (QueryType query : ASKED_HERE) {
            Map<String, String> allowed = new LinkedHashMap<>();
            for (String purpose : new TreeSet<>(rules.stream().filter(rule -> rule.queries().contains(query))
                    .flatMap(rule -> rule.purposes().stream()).toList())) {
                allowed.put(purpose, InquiryWords.purpose(r.texts(), purpose));
            }
            if (!allowed.isEmpty()) {
                purposes.put(r.t("inquiry.query." + query.code()), allowed);
            }
        }
        return new AskOptions(answerers, queries, purposes, TICKABLE.stream().map(Category::code).toList());
    }
}
