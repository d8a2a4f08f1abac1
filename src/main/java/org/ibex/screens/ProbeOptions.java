package org.ibex.screens;

import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.QueryType;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a probe form offers for one query, read from the agreements in force: the partner nodes of the directory
 * this node may ask it of, and the purposes the rules name for it. Only a convenience: the gate decides.
 */
public record ProbeOptions(Map<String, String> partners, Map<String, String> purposes) {
    static ProbeOptions of(ScreenRequest r, NodeIdentity self, List<DirectoryEntry> directory,
                           List<Agreement> agreements, QueryType query) {
        List<AgreementRule> rules = agreements.stream().flatMap(a -> a.rules().stream())
                .filter(rule -> rule.asker().covers(self) && rule.queries().contains(query)).toList();
        Map<String, String> partners = new LinkedHashMap<>();
        for (DirectoryEntry entry : directory) {
            NodeIdentity node = entry.node();
            if (!node.equals(self) && rules.stream().anyMatch(rule -> rule.answerer().covers(node))) {
                partners.put(node.toString(), InquiryWords.node(r.texts(), node.toString()));
            }
        }
        Map<String, String> purposes = new LinkedHashMap<>();
        for (String purpose : new TreeSet<>(rules.stream().flatMap(rule -> rule.purposes().stream()).toList())) {
            purposes.put(purpose, ConfirmWords.purpose(r.texts(), purpose));
        }
        return new ProbeOptions(partners, purposes);
    }

    /** Nothing to offer: no agreement in force lets this node ask the query of anyone. */
    public boolean none() {
        return partners.isEmpty() || purposes.isEmpty();
    }
}
