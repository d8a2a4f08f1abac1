package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryFixtures;
import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ScreeningIndex;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One node of the confirmation tests: its pillars, its store, and the people its gallery holds. */
record ConfirmationSide(String id, Confirmation confirmation, Inquiry inquiry, Database database,
                        RunningNodes.Running running, ScreeningIndex screening, BiometricService biometrics) {
    static final String REQUESTER = "XXB/IMM/HQ";
    static final String RESPONDER = "UTO/IMM/HQ";
    /** A national of XXB whom UTO knows by his prints: DB1_B fingers 101 (right index) and 102 (left index). */
    static final long FOREIGNER = 21;
    static final String FOREIGNER_SURNAME = "OKONKWO";
    /** A national of UTO itself: DB1_B finger 103 (right thumb). */
    static final long OWN_NATIONAL = 22;
    private static final Actor ENROLMENT = new Actor(new User("enrolment", Role.ANALYST, null), "enrolment", "test");

    /** An inbox row as stored: the envelope, its wire (empty once erased), the digest kept and when. */
    record InboxRow(String envelopeId, byte[] wire, String wireSha256, Instant erasedAt, Instant processedAt) {
    }

    static ConfirmationSide start(RunningNodes nodes, TestFederation pki, String id) throws Exception {
        Database database = nodes.database();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(clock);
        AccessLog access = new AccessLog(database, audit, clock);
        ScreeningIndex screening = new ScreeningIndex(new NameMatcher(), clock);
        BiometricService biometrics = InquiryFixtures.biometrics(database, access, clock);
        Inquiry[] inquiry = new Inquiry[1];
        Confirmation[] confirmation = new Confirmation[1];
        RunningNodes.Running running = nodes.start(pki, id, database, Duration.ofMinutes(10), exchange -> {
            inquiry[0] = Inquiry.attach(exchange, database, new AgreementBook(database, access,
                    NodeIdentity.parse(id), pki.root::certificate, serial -> false, clock), screening, biometrics,
                    access, audit, clock);
            confirmation[0] = Confirmation.attach(exchange, database, inquiry[0], biometrics, screening, access,
                    audit, clock);
        });
        return new ConfirmationSide(id, confirmation[0], inquiry[0], database, running, screening, biometrics);
    }

    void install(byte[] agreement) throws Exception {
        inquiry.agreements().install(agreement, new Actor(new User("admin", Role.ADMIN, null), "agreement", "test"));
    }

    /** The probe once its answer is in, waiting up to 30 seconds (prints are matched on two shared cores). */
    PartnerProbe awaitAnswer(String probeId, Actor actor) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (database.read(c -> ProbeRows.find(c, probeId)).orElseThrow().state() == PartnerProbe.State.PENDING) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("probe " + probeId + " was not answered within 30 seconds");
            }
            Thread.sleep(50);
        }
        return confirmation.probes().find(probeId, actor);
    }

    void enrolForeigner() {
        person(FOREIGNER, FOREIGNER_SURNAME, "CHIDI", "XXB");
        biometrics.enrol(FOREIGNER, FOREIGNER_SURNAME, List.of(
                new FingerCapture(FingerPosition.RIGHT_INDEX, FvcSamples.file("DB1_B", "101_1.tif"), 500),
                new FingerCapture(FingerPosition.LEFT_INDEX, FvcSamples.file("DB1_B", "102_1.tif"), 500)),
                List.of(), null, ENROLMENT);
    }

    void enrolOwnNational() {
        person(OWN_NATIONAL, "VIRTANEN", "AINO", "UTO");
        biometrics.enrol(OWN_NATIONAL, "VIRTANEN", List.of(
                new FingerCapture(FingerPosition.RIGHT_THUMB, FvcSamples.file("DB1_B", "103_1.tif"), 500)),
                List.of(), null, ENROLMENT);
    }

    private void person(long personId, String surname, String givenNames, String nationality) {
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                    + " date_of_birth, nationality, sex, created_at) VALUES (?, ?, ?, ?, ?, 'M', ?)")) {
                Sql.bindAll(insert, personId, surname, givenNames, LocalDate.of(1981, 5, 9), nationality,
                        Instant.now());
                insert.executeUpdate();
            }
            return null;
        });
    }

    long count(String sql, Object... values) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                Sql.bindAll(select, values);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    String text(String sql, Object... values) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                Sql.bindAll(select, values);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    List<InboxRow> inbox(String type) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT envelope_id, wire, wire_sha256, erased_at,"
                    + " processed_at FROM exchange_inbox WHERE type = ? ORDER BY received_at, envelope_id")) {
                select.setString(1, type);
                return Sql.list(select, row -> new InboxRow(row.getString(1), row.getBytes(2), row.getString(3),
                        Sql.instant(row, "erased_at"), Sql.instant(row, "processed_at")));
            }
        });
    }

    byte[] outboxWire(String envelopeId) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT wire FROM exchange_outbox"
                    + " WHERE envelope_id = ?")) {
                select.setString(1, envelopeId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            }
        });
    }

    /** Queues an envelope already delivered once more, byte for byte, as a sender does after a lost receipt. */
    void redeliver(String envelopeId) {
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE exchange_outbox SET state = 'PENDING',"
                    + " next_attempt_at = ? WHERE envelope_id = ?")) {
                Sql.bindAll(update, Instant.now(), envelopeId);
                update.executeUpdate();
            }
            return null;
        });
        running.exchange().nudge();
    }

    /** Queues {@code result} to {@code requester} as this node's pillar would, under no agreement. */
    void answer(String requester, ResultMessage result) {
        database.inTransaction(c -> {
            running.exchange().enqueue(c, running.exchange().message(NodeIdentity.parse(requester),
                    ResultMessage.TYPE, "identity-confirmation", "application/json",
                    org.ibex.inquiry.InquiryJson.write(result)));
            return null;
        });
        running.exchange().nudge();
    }

    /** The payload of a stored envelope: what follows its header line. */
    static byte[] payload(byte[] wire) {
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '\n') {
                return Arrays.copyOfRange(wire, i + 1, wire.length);
            }
        }
        return new byte[0];
    }

    /** The column names of {@code table}, lower case. */
    List<String> columns(String table) {
        return database.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                 ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
            }
            return names;
        });
    }

    /**
     * The tables (lower case) with a cell holding {@code base64}, or the bytes it encodes, anywhere in the text or
     * binary of the cell: every table of this node's schema, every row.
     */
    List<String> tablesHolding(String base64) {
        byte[] raw = java.util.Base64.getDecoder().decode(base64);
        String textNeedle = base64.substring(base64.length() / 4, base64.length() / 4 + 60);
        byte[] rawNeedle = Arrays.copyOfRange(raw, raw.length / 4, raw.length / 4 + 45);
        return database.read(c -> {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet t = meta.getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            List<String> holding = new ArrayList<>();
            for (String table : tables) {
                try (PreparedStatement select = c.prepareStatement("SELECT * FROM \"" + table + "\"");
                     ResultSet row = select.executeQuery()) {
                    int columns = row.getMetaData().getColumnCount();
                    scan:
                    while (row.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (holds(row.getObject(i), textNeedle, rawNeedle)) {
                                holding.add(table.toLowerCase(Locale.ROOT));
                                break scan;
                            }
                        }
                    }
                }
            }
            return holding;
        });
    }

    private static boolean holds(Object cell, String text, byte[] raw) throws java.sql.SQLException {
        if (cell instanceof java.sql.Blob blob) {
            cell = blob.getBytes(1, (int) blob.length());
        } else if (cell instanceof java.sql.Clob clob) {
            cell = clob.getSubString(1, (int) clob.length());
        }
        if (cell instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1).contains(new String(raw,
                    StandardCharsets.ISO_8859_1)) || new String(bytes, StandardCharsets.UTF_8).contains(text);
        }
        return cell != null && cell.toString().contains(text);
    }
}
