package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.Refusal;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.delivery.ExchangeNode;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.InquiryJson;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The requester's side of step two: after a hit, a release is asked for by the probe's opaque reference, for a case
 * and a purpose. It is refused here, audited, before anything leaves when there was no hit, the reference expired, or
 * the agreement does not allow the categories or the quota is spent; the partner checks all of it again.
 */
public final class Releases {
    private final Database database;
    private final ExchangeNode exchange;
    private final AgreementGate gate;
    private final AccessLog accessLog;
    private final Asking asking;
    private final Clock clock;

    Releases(Database database, ExchangeNode exchange, AgreementGate gate, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.exchange = exchange;
        this.gate = gate;
        this.accessLog = accessLog;
        this.asking = new Asking(database, exchange, accessLog);
        this.clock = clock;
    }

    /** Asks for a release, or throws {@link org.ibex.inquiry.QuestionRefusedException} with the reason (audited first). */
    public PartnerRelease ask(ReleaseRequest request, Actor actor) {
        Set<Category> categories = categories(request.categories());
        if (request.caseRef() == null || request.caseRef().isBlank() || request.caseRef().length() > 200) {
            throw new FieldRuleException("case", "required", "case is required: 1 to 200 characters naming the case"
                    + " the release is for");
        }
        if (request.purpose() == null || !Probes.PURPOSE.matcher(request.purpose()).matches()) {
            throw new FieldRuleException("purpose", "format", "purpose must be 2 to 60 of a-z, 0-9 and - as the"
                    + " agreement names it");
        }
        if (request.requestUid() != null && !Probes.UID.matcher(request.requestUid()).matches()) {
            throw new FieldRuleException("uid", "format", "uid must be 1 to 100 of A-Z, a-z, 0-9 and . _ : -");
        }
        PartnerProbe probe = probe(request.probeId(), actor);
        Instant now = clock.instant();
        return asking.ask(actor, request.purpose(), "partner.release.refused", probe.id(),
                connection -> request.requestUid() == null ? Optional.empty()
                        : ReleaseRows.byUid(connection, actor.username(), request.requestUid()),
                connection -> check(connection, probe, request, categories, now),
                (connection, allowed) -> send(connection, allowed, probe, request, categories, actor, now));
    }

    private Verdict check(Connection connection, PartnerProbe probe, ReleaseRequest request,
                          Set<Category> categories, Instant now) throws SQLException {
        if (probe.state() != PartnerProbe.State.ANSWERED || !ResultMessage.HIT.equals(probe.outcome())) {
            return new Verdict.Refused(Refusal.NO_HIT, "probe " + probe.id() + " gave no hit: there is nothing to"
                    + " release");
        }
        if (!probe.releasable(now)) {
            return new Verdict.Refused(Refusal.REFERENCE_EXPIRED, "the reference of probe " + probe.id()
                    + " expired at " + probe.referenceExpires());
        }
        return gate.forAsker(connection, new AgreementGate.Question(exchange.node(),
                NodeIdentity.parse(probe.partner()), QueryType.RELEASE, request.purpose(), categories, now),
                Quota.of("partner_release", "asked_at", PartnerRelease.State.REFUSED.name()));
    }

    private PartnerRelease send(Connection connection, Verdict.Allowed allowed, PartnerProbe probe,
                                ReleaseRequest request, Set<Category> categories, Actor actor, Instant now)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        List<String> codes = categories.stream().sorted().map(Category::code).toList();
        var agreement = allowed.agreement();
        ReleaseRows.insert(connection, new PartnerRelease(id, probe.id(), probe.partner(), agreement.reference(),
                request.caseRef().strip(), request.purpose(), codes, request.personId(), PartnerRelease.State.PENDING,
                List.of(), null, null, null, null, actor.username(), now, null), request.requestUid());
        ReleaseAskMessage message = new ReleaseAskMessage(id, probe.reference(), request.caseRef().strip(),
                request.purpose(), codes, agreement.reference(), agreement.digest());
        exchange.enqueue(connection, exchange.message(NodeIdentity.parse(probe.partner()), ReleaseAskMessage.TYPE,
                request.purpose(), "application/json", InquiryJson.write(message))
                .withAgreement(agreement.reference()));
        accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                "partner.release.ask", id + " by probe " + probe.id(), request.purpose(), actor.remote()));
        return ReleaseRows.find(connection, id).orElseThrow();
    }

    private PartnerProbe probe(String probeId, Actor actor) {
        if (probeId == null || probeId.isBlank()) {
            throw new FieldRuleException("probeId", "required", "probeId is required: the probe whose hit is to be"
                    + " released");
        }
        PartnerProbe probe = database.read(connection -> ProbeRows.find(connection, probeId))
                .orElseThrow(() -> new NotFoundException("no probe " + probeId + " was sent"));
        if (actor.user().postId() != null && !actor.user().postId().equals(probe.postId())) {
            throw new NotFoundException("no probe " + probeId + " was sent");
        }
        return probe;
    }

    static Set<Category> categories(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new FieldRuleException("categories", "required", "categories is required: one or more of"
                    + " biographic, travel-history, documents, photo");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String code : codes) {
            Category category;
            try {
                category = Category.parse(code);
            } catch (IllegalArgumentException e) {
                throw new FieldRuleException("categories", "format", e.getMessage());
            }
            if (!ReleasedData.RELEASABLE.contains(category)) {
                throw new FieldRuleException("categories", "format", category.code() + " is not released by"
                        + " reference; ask for biographic, travel-history, documents or photo");
            }
            categories.add(category);
        }
        return categories;
    }

    /** The releases asked for, newest first; {@code probeId} narrows to one probe's. */
    public List<PartnerRelease> list(String probeId, Actor actor, int limit) {
        if (probeId != null) {
            probe(probeId, actor);
        }
        return database.read(connection -> ReleaseRows.list(connection, probeId, limit)).stream()
                .filter(r -> actor.user().postId() == null || probeId != null
                        || visible(r, actor)).toList();
    }

    /** One release, within the actor's post; reading it is in the access log. */
    public PartnerRelease find(String id, Actor actor) {
        PartnerRelease release = database.read(connection -> ReleaseRows.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no release " + id + " was asked for"));
        probe(release.probeId(), actor);
        accessLog.record(AccessLog.Access.by(actor, "partner.release.read", id));
        return release;
    }

    private boolean visible(PartnerRelease release, Actor actor) {
        return database.read(connection -> ProbeRows.find(connection, release.probeId()))
                .map(p -> actor.user().postId().equals(p.postId())).orElse(false);
    }
}
