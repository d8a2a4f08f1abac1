package org.ibex.agreement;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The agreements this node is party to: installed from signed files (every signature checked against the federation
 * anchor), superseded by a later version, revoked. What it hands out is re-read and re-verified from the stored file
 * (cached by the file's digest), so a file changed in the database is never acted on.
 */
public final class AgreementBook {
    private final Database database;
    private final AccessLog accessLog;
    private final NodeIdentity self;
    private final Supplier<X509Certificate> anchor;
    private final Predicate<BigInteger> revoked;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** How a stored file's problem starts, so the gate can name the refusal. */
    static final String UNSIGNED = "unsigned: ";
    static final String TAMPERED = "tampered: ";
    private static final java.time.Duration RECHECK = java.time.Duration.ofMinutes(1);

    private record Verified(Agreement agreement, String problem, List<Signer> signers, Instant checkedAt) {
    }

    public AgreementBook(Database database, AccessLog accessLog, NodeIdentity self, Supplier<X509Certificate> anchor,
                         Predicate<BigInteger> revoked, Clock clock) {
        this.database = database;
        this.accessLog = accessLog;
        this.self = self;
        this.anchor = anchor;
        this.revoked = revoked;
        this.clock = clock;
    }

    public NodeIdentity self() {
        return self;
    }

    /**
     * Installs a signed agreement this node is party to. A later version supersedes the one in force; installing the
     * same file again answers as the first time did; an older or conflicting version is refused.
     */
    public InstalledAgreement install(byte[] file, Actor actor) throws AgreementException {
        SignedAgreement signed = AgreementFile.read(file);
        AgreementFile.verify(signed, anchor.get(), revoked, clock.instant());
        Agreement agreement = signed.agreement();
        if (!agreement.isParty(self)) {
            throw new AgreementException(AgreementException.Kind.INVALID, "agreement.parties", "this node " + self
                    + " belongs to none of the parties " + agreement.parties() + "; install it at a party's node");
        }
        byte[] stored = AgreementFile.write(signed);
        return database.inTransaction(connection -> {
            Optional<InstalledAgreement> same = find(connection, agreement.id(), agreement.version());
            if (same.isPresent()) {
                if (same.get().digest().equals(agreement.digest())) {
                    return same.get();
                }
                throw new FieldRuleException("agreement.version", "conflict", "version " + agreement.version()
                        + " of " + agreement.id() + " is installed with other content; a change needs a new version");
            }
            // Against the latest version installed, not only the one in force: a revoked version 2 must not let an
            // older version 1 come back into force.
            Optional<InstalledAgreement> latest = select(connection, " WHERE agreement_id = ?",
                    List.of(agreement.id())).stream().findFirst();
            if (latest.isPresent() && latest.get().version() > agreement.version()) {
                throw new FieldRuleException("agreement.version", "older", "version " + agreement.version() + " of "
                        + agreement.id() + " is older than version " + latest.get().version() + " installed ("
                        + latest.get().state() + "); a change needs a version above it");
            }
            Optional<InstalledAgreement> current = inForce(connection, agreement.id());
            Instant now = clock.instant();
            if (current.isPresent()) {
                end(connection, current.get(), AgreementState.SUPERSEDED, actor.username(), now,
                        "superseded by version " + agreement.version());
                accessLog.record(connection, AccessLog.Access.by(actor, "agreement.supersede",
                        current.get().reference()));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement(agreement_id, version,"
                    + " state, document, digest, installed_by, installed_at) VALUES (?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, agreement.id(), agreement.version(), AgreementState.IN_FORCE.name(), stored,
                        agreement.digest(), actor.username(), now);
                insert.executeUpdate();
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "agreement.install", agreement.reference()));
            return find(connection, agreement.id(), agreement.version()).orElseThrow();
        });
    }

    /** Ends the version in force of {@code id}; nothing is asked or answered under it afterwards. */
    public InstalledAgreement revoke(String id, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new FieldRuleException("reason", "required", "reason is required: 1 to 500 characters saying why"
                    + " the agreement ends");
        }
        return database.inTransaction(connection -> {
            InstalledAgreement current = inForce(connection, id).orElseThrow(() -> new NotFoundException(
                    "no agreement " + id + " in force"));
            end(connection, current, AgreementState.REVOKED, actor.username(), clock.instant(), reason.strip());
            accessLog.record(connection, AccessLog.Access.by(actor, "agreement.revoke", current.reference()));
            return find(connection, id, current.version()).orElseThrow();
        });
    }

    /** Every installed version, newest first within an id. */
    public List<InstalledAgreement> all() {
        return database.read(this::all);
    }

    public List<InstalledAgreement> all(Connection connection) throws SQLException {
        return select(connection, "", List.of());
    }

    /** The versions in force that still read and verify: the ones questions are checked against. */
    public List<Agreement> usable() {
        return database.read(connection -> usable(connection));
    }

    public List<Agreement> usable(Connection connection) throws SQLException {
        return select(connection, " WHERE state = 'IN_FORCE'", List.of()).stream()
                .filter(InstalledAgreement::usable).map(InstalledAgreement::agreement).toList();
    }

    public Optional<InstalledAgreement> find(String id, int version) {
        return database.read(connection -> find(connection, id, version));
    }

    public Optional<InstalledAgreement> find(Connection connection, String id, int version) throws SQLException {
        return select(connection, " WHERE agreement_id = ? AND version = ?", List.of(id, version)).stream().findFirst();
    }

    /** The version a reference ({@code ID@vN}) names, when it is installed here. */
    public Optional<InstalledAgreement> find(Connection connection, String reference) throws SQLException {
        Optional<Agreement.Reference> named = Agreement.Reference.parse(reference);
        return named.isEmpty() ? Optional.empty() : find(connection, named.get().id(), named.get().version());
    }

    public Optional<InstalledAgreement> inForce(Connection connection, String id) throws SQLException {
        return select(connection, " WHERE agreement_id = ? AND state = 'IN_FORCE'", List.of(id)).stream().findFirst();
    }

    private void end(Connection connection, InstalledAgreement current, AgreementState state, String by, Instant at,
                     String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE agreement SET state = ?, ended_by = ?,"
                + " ended_at = ?, end_reason = ? WHERE agreement_id = ? AND version = ?")) {
            Sql.bindAll(update, state.name(), by, at, reason, current.id(), current.version());
            update.executeUpdate();
        }
    }

    private List<InstalledAgreement> select(Connection connection, String where, List<Object> values)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT agreement_id, version, state, document,"
                + " digest, installed_by, installed_at, ended_by, ended_at, end_reason FROM agreement" + where
                + " ORDER BY agreement_id, version DESC")) {
            Sql.bindAll(select, values.toArray());
            return Sql.list(select, this::row);
        }
    }

    private InstalledAgreement row(ResultSet row) throws SQLException {
        Verified check = check(row.getBytes("document"), row.getString("digest"));
        return new InstalledAgreement(row.getString("agreement_id"), row.getInt("version"),
                AgreementState.valueOf(row.getString("state")), row.getString("digest"), row.getString("installed_by"),
                Sql.instant(row, "installed_at"), row.getString("ended_by"), Sql.instant(row, "ended_at"),
                row.getString("end_reason"), check.agreement(), check.problem(), check.signers());
    }

    /**
     * Reads and verifies a stored file once a minute per distinct content: verifying is milliseconds of ECDSA per
     * signature, and a minute bounds how long a signer's certificate revoked in the directory is still honoured.
     */
    private Verified check(byte[] document, String recordedDigest) {
        String key = sha256(document) + "/" + recordedDigest;
        Instant now = clock.instant();
        Verified known = verified.get(key);
        if (known != null && known.checkedAt().plus(RECHECK).isAfter(now)) {
            return known;
        }
        Verified fresh;
        try {
            SignedAgreement signed = AgreementFile.read(document);
            List<Signer> signers = AgreementFile.verify(signed, anchor.get(), revoked, now);
            fresh = signed.agreement().digest().equals(recordedDigest)
                    ? new Verified(signed.agreement(), null, signers, now)
                    : new Verified(null, TAMPERED + "the stored file does not match the digest recorded at"
                    + " installation", List.of(), now);
        } catch (AgreementException e) {
            fresh = new Verified(null, ("signatures".equals(e.field()) ? UNSIGNED : TAMPERED)
                    + "the stored file no longer verifies at " + (e.field().isEmpty() ? "its bytes" : e.field())
                    + ": " + e.getMessage(), List.of(), now);
        }
        verified.put(key, fresh);
        return fresh;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
