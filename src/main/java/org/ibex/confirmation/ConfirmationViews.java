package org.ibex.confirmation;

import org.ibex.inquiry.InquiryViews;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pillar's records as the API and the CLI print them: one shape for both, field names as the README gives them,
 * states in lower case with dashes. A search received shows no probe content, only its digest and size.
 */
public final class ConfirmationViews {
    private ConfirmationViews() {
    }

    /** A probe as its sender follows it; {@code releasable} as of {@code now}. */
    public static Map<String, Object> probe(PartnerProbe p, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("partner", p.partner());
        view.put("agreement", p.agreement());
        view.put("purpose", p.purpose());
        view.put("query", p.query());
        view.put("identificationId", p.identificationId());
        view.put("case", p.caseRef());
        view.put("probeSha256", p.probeSha256());
        view.put("fingers", p.fingers());
        view.put("document", p.document());
        view.put("state", InquiryViews.code(p.state()));
        view.put("outcome", p.outcome());
        view.put("reference", p.reference());
        view.put("referenceExpires", p.referenceExpires());
        view.put("receiptValid", p.receiptValid());
        view.put("receipt", p.receipt() == null ? null : SignedReceipt.tree(p.receipt()));
        view.put("refusal", p.refusal());
        view.put("askedBy", p.askedBy());
        view.put("postId", p.postId());
        view.put("askedAt", p.askedAt());
        view.put("answeredAt", p.answeredAt());
        view.put("releasable", p.releasable(now));
        return view;
    }

    /** A release this node asked for, with the data while it is kept. */
    public static Map<String, Object> release(PartnerRelease r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("probeId", r.probeId());
        view.put("partner", r.partner());
        view.put("agreement", r.agreement());
        view.put("case", r.caseRef());
        view.put("purpose", r.purpose());
        view.put("categories", r.categories());
        view.put("personId", r.personId());
        view.put("state", InquiryViews.code(r.state()));
        view.put("releasedCategories", r.releasedCategories());
        view.put("data", r.data());
        view.put("reason", r.reason());
        view.put("retainUntil", r.retainUntil());
        view.put("deletedAt", r.deletedAt());
        view.put("askedBy", r.askedBy());
        view.put("askedAt", r.askedAt());
        view.put("answeredAt", r.answeredAt());
        return view;
    }

    /** A release a partner asked of this node, as its approver sees it. */
    public static Map<String, Object> decision(ReleaseDecision d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("requester", d.requester());
        view.put("searchId", d.searchId());
        view.put("personId", d.personId());
        view.put("agreement", d.agreement());
        view.put("case", d.caseRef());
        view.put("purpose", d.purpose());
        view.put("categories", d.categories());
        view.put("state", InquiryViews.code(d.state()));
        view.put("releasedCategories", d.releasedCategories());
        view.put("reason", d.reason());
        view.put("decidedBy", d.decidedBy());
        view.put("receivedAt", d.receivedAt());
        view.put("decidedAt", d.decidedAt());
        return view;
    }

    /** A probe a partner sent, as the oversight body sees it: never the probe itself. */
    public static Map<String, Object> search(PartnerSearch s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("requester", s.requester());
        view.put("agreement", s.agreement());
        view.put("purpose", s.purpose());
        view.put("query", s.query());
        view.put("probeSha256", s.probeSha256());
        view.put("fingers", s.fingers());
        view.put("outcome", s.outcome());
        view.put("excluded", s.excluded());
        view.put("refusal", s.refusal());
        view.put("receivedAt", s.receivedAt());
        view.put("searchedAt", s.searchedAt());
        view.put("deletedAt", s.deletedAt());
        view.put("receipt", s.receipt() == null ? null : SignedReceipt.tree(s.receipt()));
        return view;
    }

    /** Whether a person is protected, and by whom since when. */
    public static Map<String, Object> protection(long personId, Optional<Protection> protection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("personId", personId);
        view.put("protected", protection.isPresent());
        view.put("reason", protection.map(Protection::reason).orElse(null));
        view.put("recordedBy", protection.map(Protection::recordedBy).orElse(null));
        view.put("recordedAt", protection.map(Protection::recordedAt).orElse(null));
        return view;
    }
}
