package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.Category;
import org.ibex.agreement.Exclusion;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.Refusal;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.IdentificationCandidate;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Disclosures;
import org.ibex.inquiry.InquiryJson;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The responder's side of step one: a partner's anonymous probe is checked against this node's copy of the
 * agreement, searched 1:N with the national threshold (or, for a document, against the lost and stolen lists), cut
 * by the rule's exclusions, and answered hit (with an opaque reference) or no hit. The probe is then erased, in the
 * same transaction as the answer, and a signed deletion receipt travels with the answer.
 */
final class Searches implements InboxHandler {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ExchangeNode exchange;
    private final AgreementGate gate;
    private final BiometricService biometrics;
    private final ScreeningIndex screening;
    private final Disclosures ledger;
    private final AuditLog audit;
    private final Clock clock;

    Searches(ExchangeNode exchange, AgreementGate gate, BiometricService biometrics, ScreeningIndex screening,
             Disclosures ledger, AuditLog audit, Clock clock) {
        this.exchange = exchange;
        this.gate = gate;
        this.biometrics = biometrics;
        this.screening = screening;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    private record Outcome(String outcome, Long personId, String document, String excluded) {
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        Instant receivedAt = clock.instant();
        if (message.payload().length == 0 && message.correlation() != null) {
            return lost(connection, message, receivedAt);
        }
        String sha = sha256(message.payload());
        ProbeMessage probe;
        try {
            probe = InquiryJson.read(message.payload(), ProbeMessage.class);
            java.util.UUID.fromString(Objects.requireNonNull(probe.probeId(), "probeId"));
        } catch (RuntimeException e) {
            // Whatever it held may be prints: it is erased like any probe, and nobody can be answered.
            exchange.erase(connection, message.id());
            audit.append(connection, new AuditEntry.Draft("partner.probe.unreadable", message.sender().toString(),
                    message.id(), "unreadable probe erased, not answered: " + e.getMessage()));
            return "refused: unreadable probe";
        }
        if (SearchRows.exists(connection, probe.probeId())) {
            exchange.erase(connection, message.id());
            return "kept: probe " + probe.probeId() + " was already searched";
        }
        Verdict verdict = check(connection, message, probe, receivedAt);
        Outcome found = null;
        Instant searchedAt = null;
        if (verdict instanceof Verdict.Allowed allowed) {
            found = search(connection, message.sender(), probe, allowed.rule().exclusions());
            searchedAt = clock.instant();
        }
        exchange.erase(connection, message.id());
        Instant deletedAt = clock.instant();
        SignedReceipt receipt = receipt(message.sender(), probe, sha, receivedAt, searchedAt, deletedAt);
        if (verdict instanceof Verdict.Refused refused) {
            String why = refused.reason().code() + ": " + refused.message();
            SearchRows.insert(connection, probe, message.sender(), sha, null, null, why, receivedAt, null, deletedAt,
                    receipt);
            audit.append(connection, new AuditEntry.Draft("agreement.refused", message.sender().toString(),
                    probe.probeId(), why));
            send(connection, message.sender(), probe, new ResultMessage(probe.probeId(), ResultMessage.REFUSED,
                    null, null, null, receipt, refused.reason().code(), refused.message()), null);
            return "refused: " + refused.reason().code();
        }
        Verdict.Allowed allowed = (Verdict.Allowed) verdict;
        String reference = null;
        Instant expires = null;
        SearchRows.insert(connection, probe, message.sender(), sha, found.outcome(), found.excluded(), null,
                receivedAt, searchedAt, deletedAt, receipt);
        if (ResultMessage.HIT.equals(found.outcome())) {
            reference = newReference();
            expires = searchedAt.plus(Duration.ofHours(allowed.rule().referenceHours()));
            SearchRows.insertReference(connection, sha256(reference.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    probe.probeId(), message.sender().toString(), allowed.agreement().reference(), found.personId(),
                    found.document(), expires);
            ledger.record(connection, new Disclosure(0, found.personId(), label(probe),
                    Disclosure.Direction.SENT, message.sender().toString(), allowed.agreement().reference(),
                    probe.purpose(), List.of(Category.HIT.code()), probe.probeId(), Disclosure.Kind.ANSWER,
                    searchedAt));
        }
        audit.append(connection, new AuditEntry.Draft("partner.probe.searched", message.sender().toString(),
                probe.probeId(), probe.query() + " " + found.outcome() + (found.excluded() == null ? ""
                : " (a hit excluded: " + found.excluded() + ")") + " under " + allowed.agreement().reference()
                + "; probe " + sha + " erased"));
        send(connection, message.sender(), probe, new ResultMessage(probe.probeId(), ResultMessage.ANSWERED,
                found.outcome(), reference, expires, receipt, null, null), allowed.agreement().reference());
        return "answered: " + found.outcome();
    }

    /**
     * A sealed probe whose key went with a stopped process: it cannot be read, so it is not searched; it is erased
     * like any other, and the requester (which named the probe in the envelope's correlation) is told to send again.
     */
    private String lost(Connection connection, ReceivedMessage message, Instant receivedAt) throws SQLException {
        ProbeMessage probe = new ProbeMessage(message.correlation(), null, message.purpose(), message.agreement(), null,
                List.of(), null);
        if (SearchRows.exists(connection, probe.probeId())) {
            exchange.erase(connection, message.id());
            return "kept: probe " + probe.probeId() + " was already searched";
        }
        String sha = exchange.erase(connection, message.id()).orElse("");
        Instant deletedAt = clock.instant();
        SignedReceipt receipt = receipt(message.sender(), probe, sha, receivedAt, null, deletedAt);
        String why = "the probe arrived before this node restarted and could not be read after it; send it again";
        SearchRows.insert(connection, probe, message.sender(), sha, null, null, "probe-lost: " + why, receivedAt,
                null, deletedAt, receipt);
        audit.append(connection, new AuditEntry.Draft("partner.probe.lost", message.sender().toString(),
                probe.probeId(), why));
        send(connection, message.sender(), probe, new ResultMessage(probe.probeId(), ResultMessage.REFUSED, null,
                null, null, receipt, "probe-lost", why), null);
        return "lost: " + probe.probeId();
    }

    private Verdict check(Connection connection, ReceivedMessage message, ProbeMessage probe, Instant now)
            throws SQLException {
        QueryType query;
        try {
            query = QueryType.parse(probe.query());
        } catch (RuntimeException e) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, e.getMessage());
        }
        if (query != QueryType.IDENTITY && query != QueryType.DOCUMENT_STATUS) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, "a probe asks identity or document-status, not "
                    + query.code());
        }
        if ((query == QueryType.IDENTITY) == probe.fingers().isEmpty()
                || (query == QueryType.DOCUMENT_STATUS) == (probe.document() == null)) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, "an identity probe carries fingers only, a"
                    + " document-status probe a document only");
        }
        if (!Objects.equals(message.agreement(), probe.agreement())
                || !Objects.equals(message.purpose(), probe.purpose())) {
            return new Verdict.Refused(Refusal.TAMPERED, "the envelope's agreement and purpose ("
                    + message.agreement() + ", " + message.purpose() + ") differ from the probe's");
        }
        Set<Category> categories = query == QueryType.IDENTITY ? Set.of(Category.HIT, Category.BIOMETRIC)
                : Set.of(Category.HIT);
        return gate.forAnswerer(connection, new AgreementGate.Question(message.sender(), exchange.node(), query,
                        probe.purpose(), categories, now), probe.agreement(), probe.digest(),
                Quota.of("partner_search", "received_at", null));
    }

    private Outcome search(Connection connection, NodeIdentity requester, ProbeMessage probe,
                           Set<Exclusion> exclusions) throws SQLException {
        if (probe.document() != null) {
            ProbeDocument document = probe.document();
            boolean listed = screening.screen(new ScreeningQuery(null, null, null, null, document.number(),
                    document.issuingState()), 5).stream().anyMatch(hit -> hit.kind() == WatchlistHit.Kind.DOCUMENT
                    && document.number().equals(hit.document().documentNumber())
                    && (hit.document().issuingState() == null
                    || document.issuingState().equals(hit.document().issuingState())));
            return new Outcome(listed ? ResultMessage.HIT : ResultMessage.NO_HIT, null,
                    listed ? document.toString() : null, null);
        }
        FingerSet fingers = FingerSet.of(probe.fingers().stream().map(ProbeFinger::toTemplate).toList(), List.of());
        List<IdentificationCandidate> candidates = biometrics.lookup().candidates(connection, fingers,
                partner(requester, probe.purpose()), 1);
        if (candidates.isEmpty()) {
            return new Outcome(ResultMessage.NO_HIT, null, null, null);
        }
        Long person = candidates.get(0).personId();
        String excluded = excluded(connection, person, exclusions);
        return excluded != null ? new Outcome(ResultMessage.NO_HIT, null, null, excluded)
                : new Outcome(ResultMessage.HIT, person, null, null);
    }

    /** The exclusion that turns this person's hit into a no-hit, or null. */
    private String excluded(Connection connection, Long person, Set<Exclusion> exclusions) throws SQLException {
        if (person == null) {
            return null;
        }
        if (exclusions.contains(Exclusion.OWN_NATIONALS)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT nationality FROM person WHERE id = ?")) {
                select.setLong(1, person);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && exchange.node().state().equals(row.getString(1))) {
                        return Exclusion.OWN_NATIONALS.code();
                    }
                }
            }
        }
        if (exclusions.contains(Exclusion.PROTECTED)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM person_protection"
                    + " WHERE person_id = ?")) {
                select.setLong(1, person);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return Exclusion.PROTECTED.code();
                    }
                }
            }
        }
        return null;
    }

    private SignedReceipt receipt(NodeIdentity requester, ProbeMessage probe, String sha, Instant receivedAt,
                                  Instant searchedAt, Instant deletedAt) {
        try {
            return SignedReceipt.sign(new DeletionReceipt(probe.probeId(), requester.toString(),
                    exchange.node().toString(), probe.agreement(), sha, probe.fingers().size(), receivedAt,
                    searchedAt, deletedAt, DeletionReceipt.ERASED), exchange.membership().credentials());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this node cannot sign with its own key", e);
        }
    }

    private void send(Connection connection, NodeIdentity requester, ProbeMessage probe, ResultMessage result,
                      String agreement) throws SQLException {
        var envelope = exchange.message(requester, ResultMessage.TYPE, Probes.envelopePurpose(probe.purpose()),
                "application/json", InquiryJson.write(result));
        exchange.enqueue(connection, agreement == null ? envelope : envelope.withAgreement(agreement));
    }

    /** The ledger's label for a probe: no name travels, so it is what was asked. */
    private static String label(ProbeMessage probe) {
        return probe.document() != null ? "document " + probe.document() : "fingerprint probe " + probe.probeId();
    }

    /** The partner as this node's access log names it. */
    private static Actor partner(NodeIdentity node, String purpose) {
        return new Actor(new org.ibex.access.User(node.toString(), org.ibex.access.Role.ANALYST, null), purpose,
                "exchange");
    }

    private static String newReference() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "ref-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
