package org.ibex.inquiry;


import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pillar's records as the API and the CLI print them: one shape for both, field names as the README gives
 * them, states in lower case with dashes, and the ledger as JSON rows or as CSV for an oversight body.
 */
public final class InquiryViews {
    /** The ledger export's columns, in order; the CSV's header row. */
    public static final List<String> LEDGER_COLUMNS = LedgerExport.FIELDS;

    private InquiryViews() {
    }

    /** A question as its asker follows it; {@code overdue} as of {@code now}. */
    public static Map<String, Object> question(Question q, Instant now, Duration overdueAfter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", q.id());
        view.put("answerer", q.answerer());
        view.put("agreement", q.agreement());
        view.put("query", q.query());
        view.put("purpose", q.purpose());
        view.put("categories", q.categories());
        view.put("subject", q.subjectLabel());
        view.put("personId", q.personId());
        view.put("crossingUid", q.crossingUid());
        view.put("postId", q.postId());
        view.put("askedBy", q.askedBy());
        view.put("askedAt", q.askedAt());
        view.put("state", code(q.state()));
        view.put("overdue", q.overdue(now, overdueAfter));
        view.put("outcome", q.outcome());
        view.put("answer", q.answer());
        view.put("refusal", q.refusal());
        view.put("answeredAt", q.answeredAt());
        view.put("retainUntil", q.retainUntil());
        view.put("deletedAt", q.deletedAt());
        return view;
    }

    /** A question this node received, as the approval queue and the oversight list show it. */
    public static Map<String, Object> request(AgencyRequest r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("asker", r.asker());
        view.put("agreement", r.agreement());
        view.put("query", r.query());
        view.put("purpose", r.purpose());
        view.put("categories", r.categories());
        view.put("subject", r.subjectLabel());
        view.put("receivedAt", r.receivedAt());
        view.put("state", code(r.state()));
        view.put("outcome", r.outcome());
        view.put("refusal", r.refusal());
        view.put("decidedBy", r.decidedBy());
        view.put("decidedAt", r.decidedAt());
        view.put("retainUntil", r.retainUntil());
        view.put("deletedAt", r.deletedAt());
        return view;
    }

    /** One ledger line, with the columns of {@link #LEDGER_COLUMNS}. */
    public static Map<String, Object> disclosure(Disclosure d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", d.disclosedAt());
        view.put("direction", code(d.direction()));
        view.put("kind", code(d.kind()));
        view.put("counterpart", d.counterpart());
        view.put("agreement", d.agreement());
        view.put("purpose", d.purpose());
        view.put("categories", d.categories());
        view.put("questionId", d.questionId());
        view.put("subject", d.subjectLabel());
        return view;
    }

    public static List<Map<String, Object>> ledger(List<Disclosure> lines) {
        return lines.stream().map(InquiryViews::disclosure).toList();
    }

    /** {@code AWAITING_APPROVAL} as {@code awaiting-approval}. */
    public static String code(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
