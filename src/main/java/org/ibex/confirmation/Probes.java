package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.border.NotFoundException;
import org.ibex.delivery.ExchangeNode;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Disclosures;
import org.ibex.inquiry.InquiryJson;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The requester's side of step one: a probe is checked against the agreements before it leaves (a refusal is
 * audited and nothing is sent), recorded with its digest, and queued on the exchange; the answer arrives whenever
 * the link allows ({@link ResultIntake}).
 */
public final class Probes {
    static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{1,59}");
    static final Pattern UID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_FINGERS = 10;
    /**
     * Ten ISO templates take some tens of kilobytes; a probe must stay one envelope (not chunks, each of which the
     * responder would also have to erase) and within what the responder reads.
     */
    static final int MAX_PROBE_BYTES = 128 * 1024;
    private final Database database;
    private final ExchangeNode exchange;
    private final AgreementGate gate;
    private final BiometricService biometrics;
    private final Disclosures ledger;
    private final AccessLog accessLog;
    private final Asking asking;
    private final Clock clock;

    Probes(Database database, ExchangeNode exchange, AgreementGate gate, BiometricService biometrics,
           Disclosures ledger, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.exchange = exchange;
        this.gate = gate;
        this.biometrics = biometrics;
        this.ledger = ledger;
        this.accessLog = accessLog;
        this.asking = new Asking(database, exchange, accessLog);
        this.clock = clock;
    }

    /**
     * The purpose an answer's envelope carries: the one asked, when it is one an agreement could name; otherwise (a
     * refusal of a request whose purpose is not even well formed) a fixed word, so the refusal can still be sent
     * instead of failing, and being retried, for ever.
     */
    static String envelopePurpose(String asked) {
        return asked != null && PURPOSE.matcher(asked).matches() ? asked : "refusal";
    }

    /** Sends a probe, or throws {@link org.ibex.inquiry.QuestionRefusedException} with the agreement's reason (audited first). */
    public PartnerProbe send(ProbeRequest request, Actor actor) {
        QueryType query = query(request);
        if (request.purpose() == null || !PURPOSE.matcher(request.purpose()).matches()) {
            throw new FieldRuleException("purpose", "format", "purpose must be 2 to 60 of a-z, 0-9 and - as the"
                    + " agreement names it, such as identity-confirmation");
        }
        if (request.partner() == null) {
            throw new FieldRuleException("partner", "required", "partner is required: a node id such as XXB/IMM");
        }
        if (exchange.membership().federation().directory().node(request.partner()).isEmpty()) {
            throw new FieldRuleException("partner", "unknown", "partner " + request.partner() + " is not a node of"
                    + " the federation directory");
        }
        if (request.requestUid() != null && !UID.matcher(request.requestUid()).matches()) {
            throw new FieldRuleException("uid", "format", "uid must be 1 to 100 of A-Z, a-z, 0-9 and . _ : -");
        }
        if (request.caseRef() != null && request.caseRef().length() > 200) {
            throw new FieldRuleException("case", "size", "case must be at most 200 characters");
        }
        List<ProbeFinger> fingers = query == QueryType.IDENTITY ? fingers(request, actor) : List.of();
        Instant now = clock.instant();
        Set<Category> categories = query == QueryType.IDENTITY ? Set.of(Category.HIT, Category.BIOMETRIC)
                : Set.of(Category.HIT);
        return asking.ask(actor, request.purpose(), "partner.probe.refused", request.partner().toString(),
                connection -> request.requestUid() == null ? Optional.empty()
                        : ProbeRows.byUid(connection, actor.username(), request.requestUid()),
                connection -> gate.forAsker(connection, new AgreementGate.Question(exchange.node(),
                        request.partner(), query, request.purpose(), categories, now),
                        Quota.of("partner_probe", "asked_at", PartnerProbe.State.REFUSED.name())),
                (connection, allowed) -> send(connection, allowed, request, query, fingers, actor, now));
    }

    private PartnerProbe send(Connection connection, Verdict.Allowed allowed, ProbeRequest request, QueryType query,
                              List<ProbeFinger> fingers, Actor actor, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        var agreement = allowed.agreement();
        ProbeMessage message = new ProbeMessage(id, query.code(), request.purpose(), agreement.reference(),
                agreement.digest(), fingers, request.document());
        byte[] payload = InquiryJson.write(message);
        if (payload.length > MAX_PROBE_BYTES) {
            throw new FieldRuleException("fingers", "size", "the probe's templates take " + payload.length
                    + " bytes; a probe carries at most " + MAX_PROBE_BYTES);
        }
        ProbeRows.insert(connection, new PartnerProbe(id, actor.username(), actor.user().postId(),
                request.partner().toString(), agreement.reference(), request.purpose(), query.code(),
                request.identificationId(), request.caseRef(), Searches.sha256(payload), fingers.size(),
                request.document() == null ? null : request.document().toString(), PartnerProbe.State.PENDING, null,
                null, null, null, null, null, now, null), request.requestUid());
        ledger.record(connection, new Disclosure(0, null, label(request, id), Disclosure.Direction.SENT,
                request.partner().toString(), agreement.reference(), request.purpose(),
                List.of(query == QueryType.IDENTITY ? Category.BIOMETRIC.code() : Category.HIT.code()), id,
                Disclosure.Kind.QUESTION, now));
        exchange.enqueue(connection, exchange.message(request.partner(), ProbeMessage.TYPE, request.purpose(),
                "application/json", payload).withAgreement(agreement.reference()).withCorrelation(id));
        accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                "partner.probe.send", id + " to " + request.partner(), request.purpose(), actor.remote()));
        return ProbeRows.find(connection, id).orElseThrow();
    }

    private static QueryType query(ProbeRequest request) {
        QueryType query;
        try {
            query = QueryType.parse(request.query() == null ? "identity" : request.query());
        } catch (IllegalArgumentException e) {
            throw new FieldRuleException("query", "format", "query must be identity or document-status");
        }
        if (query != QueryType.IDENTITY && query != QueryType.DOCUMENT_STATUS) {
            throw new FieldRuleException("query", "format", "query must be identity or document-status");
        }
        if (query == QueryType.DOCUMENT_STATUS && request.document() == null) {
            throw new FieldRuleException("document", "required", "a document-status probe names a document");
        }
        if (query == QueryType.IDENTITY && request.document() != null) {
            throw new FieldRuleException("document", "format", "an identity probe carries fingers, not a document");
        }
        return query;
    }

    /** The fingers given, or those of the national identification named (which the actor must be able to see). */
    private List<ProbeFinger> fingers(ProbeRequest request, Actor actor) {
        if (request.identificationId() != null && !request.fingers().isEmpty()) {
            throw new FieldRuleException("fingers", "format", "give fingers or identificationId, not both");
        }
        List<ProbeFinger> fingers = request.identificationId() == null ? request.fingers()
                : identificationFingers(request.identificationId(), actor);
        if (fingers.isEmpty() || fingers.size() > MAX_FINGERS) {
            throw new FieldRuleException("fingers", "size", "an identity probe carries 1 to " + MAX_FINGERS
                    + " fingers");
        }
        if (fingers.stream().map(ProbeFinger::position).distinct().count() != fingers.size()) {
            throw new FieldRuleException("fingers.position", "unique", "each finger position is given once");
        }
        return fingers;
    }

    private List<ProbeFinger> identificationFingers(long identificationId, Actor actor) {
        biometrics.identification(identificationId, actor);
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT position, template, quality FROM"
                    + " identification_probe WHERE identification_id = ? ORDER BY position")) {
                select.setLong(1, identificationId);
                return Sql.list(select, row -> ProbeFinger.of(org.ibex.biometrics.FingerTemplate.fromBytes(
                        org.ibex.biometrics.FingerPosition.ofCode(row.getInt(1)), row.getBytes(2)),
                        Sql.nullableInt(row, "quality")));
            }
        });
    }

    /** The probes sent, newest first; a post's officers see their post's, headquarters sees all. */
    public List<PartnerProbe> list(Long identificationId, Actor actor, int limit) {
        return database.read(connection -> ProbeRows.list(connection, identificationId, actor.user().postId(),
                limit));
    }

    /** One probe, within the actor's post. */
    public PartnerProbe find(String id, Actor actor) {
        PartnerProbe probe = database.read(connection -> ProbeRows.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no probe " + id + " was sent"));
        if (actor.user().postId() != null && !actor.user().postId().equals(probe.postId())) {
            throw new NotFoundException("no probe " + id + " was sent");
        }
        accessLog.record(AccessLog.Access.by(actor, "partner.probe.read", id));
        return probe;
    }

    private static String label(ProbeRequest request, String id) {
        return request.caseRef() != null ? request.caseRef() : request.document() != null
                ? "document " + request.document() : "fingerprint probe " + id;
    }
}
