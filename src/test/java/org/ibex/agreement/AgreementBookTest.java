package org.ibex.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.store.TestClock;
import org.ibex.store.TestDatabases;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.agreement.AgreementFixture.IMMIGRATION;
import static org.ibex.agreement.AgreementFixture.LABOUR;
import static org.ibex.agreement.AgreementFixture.NONE_REVOKED;

/** The book of agreements a node is party to: installed, superseded, revoked, and re-verified when read. */
class AgreementBookTest {
    static final Actor ADMIN = new Actor(new User("admin.hq", Role.ADMIN, null), "agreements", "test");
    private static AgreementFixture fixture;
    private final TestClock clock = new TestClock(Instant.now());
    private final Database database = TestDatabases.fresh();
    private final AccessLog accessLog = new AccessLog(database, new AuditLog(clock), clock);
    private final AgreementBook book = book(IMMIGRATION);

    @BeforeAll
    static void federation() throws Exception {
        fixture = new AgreementFixture();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AgreementBook book(String node) {
        return new AgreementBook(database, accessLog, NodeIdentity.parse(node),
                fixture.federation.federation::anchor, NONE_REVOKED, clock);
    }

    private byte[] signed(int version) throws Exception {
        return fixture.signed(AgreementFixture.draft("UTO-POL-IMM", version));
    }

    private long audited(String action) {
        return accessLog.recent("agreement.", 100).stream().filter(e -> e.access().action().equals(action)).count();
    }

    @Test
    void aSignedAgreementIsInstalledInForceAndAudited() throws Exception {
        InstalledAgreement installed = book.install(signed(1), ADMIN);

        assertThat(installed.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(installed.usable()).isTrue();
        assertThat(installed.installedBy()).isEqualTo("admin.hq");
        assertThat(book.usable()).extracting(Agreement::reference).containsExactly("UTO-POL-IMM@v1");
        assertThat(audited("agreement.install")).isEqualTo(1);
    }

    @Test
    void theSameFileInstalledAgainAnswersAsTheFirstTimeAndIsNotAuditedTwice() throws Exception {
        byte[] file = signed(1);
        InstalledAgreement first = book.install(file, ADMIN);

        InstalledAgreement again = book.install(file, ADMIN);

        assertThat(again).isEqualTo(first);
        assertThat(book.all()).hasSize(1);
        assertThat(audited("agreement.install")).isEqualTo(1);
    }

    @Test
    void aLaterVersionSupersedesTheOneInForce() throws Exception {
        book.install(signed(1), ADMIN);

        book.install(signed(2), ADMIN);

        InstalledAgreement first = book.find("UTO-POL-IMM", 1).orElseThrow();
        assertThat(first.state()).isEqualTo(AgreementState.SUPERSEDED);
        assertThat(first.endReason()).isEqualTo("superseded by version 2");
        assertThat(book.usable()).extracting(Agreement::reference).containsExactly("UTO-POL-IMM@v2");
        assertThat(book.all()).extracting(InstalledAgreement::version).as("newest first").containsExactly(2, 1);
        assertThat(audited("agreement.supersede")).isEqualTo(1);
    }

    @Test
    void anOlderVersionIsRefused() throws Exception {
        book.install(signed(2), ADMIN);

        assertThatThrownBy(() -> book.install(signed(1), ADMIN)).isInstanceOfSatisfying(FieldRuleException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("agreement.version");
                    assertThat(e.rule()).isEqualTo("older");
                });
        assertThat(book.all()).hasSize(1);
    }

    @Test
    void anOlderVersionCannotComeBackAfterTheLatestWasRevoked() throws Exception {
        book.install(signed(2), ADMIN);
        book.revoke("UTO-POL-IMM", "the memorandum was withdrawn", ADMIN);

        assertThatThrownBy(() -> book.install(signed(1), ADMIN)).isInstanceOfSatisfying(FieldRuleException.class,
                e -> assertThat(e.rule()).isEqualTo("older"));
        assertThat(book.usable()).isEmpty();
    }

    @Test
    void theSameVersionWithOtherContentIsAConflict() throws Exception {
        book.install(signed(1), ADMIN);
        AgreementDraft changed = new AgreementDraft("UTO-POL-IMM", 1, "Another title",
                AgreementFixture.draft("UTO-POL-IMM", 1).parties(), AgreementFixture.FROM, AgreementFixture.UNTIL,
                AgreementFixture.draft("UTO-POL-IMM", 1).rules());

        assertThatThrownBy(() -> book.install(fixture.signed(changed), ADMIN))
                .isInstanceOfSatisfying(FieldRuleException.class, e -> assertThat(e.rule()).isEqualTo("conflict"));
    }

    @Test
    void anUnsignedFileIsNotInstalled() {
        assertThatThrownBy(() -> book.install(AgreementFixture.draft("UTO-POL-IMM", 1).write(), ADMIN))
                .isInstanceOfSatisfying(AgreementException.class, e -> assertThat(e.field()).isEqualTo("signatures"));
        assertThat(book.all()).isEmpty();
    }

    @Test
    void aNodeOfNeitherPartyDoesNotInstallIt() {
        assertThatThrownBy(() -> book(LABOUR).install(signed(1), ADMIN))
                .isInstanceOfSatisfying(AgreementException.class, e -> {
                    assertThat(e.field()).isEqualTo("agreement.parties");
                    assertThat(e.getMessage()).contains("UTO/LAB/HQ");
                });
    }

    @Test
    void revokingEndsTheVersionInForceWithItsReason() throws Exception {
        book.install(signed(1), ADMIN);

        InstalledAgreement revoked = book.revoke("UTO-POL-IMM", "  court ruling 12/2026  ", ADMIN);

        assertThat(revoked.state()).isEqualTo(AgreementState.REVOKED);
        assertThat(revoked.endReason()).isEqualTo("court ruling 12/2026");
        assertThat(revoked.endedBy()).isEqualTo("admin.hq");
        assertThat(book.usable()).isEmpty();
        assertThat(audited("agreement.revoke")).isEqualTo(1);
    }

    @Test
    void revokingNeedsAReasonAndAnAgreementInForce() throws Exception {
        book.install(signed(1), ADMIN);

        assertThatThrownBy(() -> book.revoke("UTO-POL-IMM", " ", ADMIN))
                .isInstanceOfSatisfying(FieldRuleException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> book.revoke("UTO-POL-IMM", "r".repeat(501), ADMIN))
                .isInstanceOf(FieldRuleException.class);
        assertThatThrownBy(() -> book.revoke("UTO-NONE", "no such", ADMIN)).isInstanceOf(NotFoundException.class);
        assertThat(book.usable()).hasSize(1);
    }

    @Test
    void aDocumentChangedInTheDatabaseIsUnusableAsTampered() throws Exception {
        book.install(signed(1), ADMIN);
        ObjectNode file = (ObjectNode) new ObjectMapper().readTree(signed(1));
        ((ObjectNode) file.get("agreement").get("rules").get(0).get("quota")).put("perDay", 3);
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE agreement SET document = ?")) {
                update.setBytes(1, new ObjectMapper().writeValueAsBytes(file));
                return update.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });

        InstalledAgreement stored = book.find("UTO-POL-IMM", 1).orElseThrow();

        assertThat(stored.usable()).isFalse();
        assertThat(stored.agreement()).isNull();
        assertThat(stored.problem()).startsWith("tampered: ").contains("signatures[0]");
        assertThat(book.usable()).isEmpty();
    }

    @Test
    void aDigestChangedInTheDatabaseIsUnusableAsTampered() throws Exception {
        book.install(signed(1), ADMIN);
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE agreement SET digest = ?")) {
                update.setString(1, "0".repeat(64));
                return update.executeUpdate();
            }
        });

        assertThat(book.find("UTO-POL-IMM", 1).orElseThrow().problem()).startsWith("tampered: ");
    }

    @Test
    void anUnsignedRowWrittenStraightIntoTheTableIsUnusableAsUnsigned() throws Exception {
        SignedAgreement draft = AgreementFixture.draft("UTO-POL-IMM", 1).read();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement(agreement_id, version,"
                    + " state, document, digest, installed_by, installed_at) VALUES (?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, "UTO-POL-IMM", 1, "IN_FORCE", AgreementFile.write(draft),
                        draft.agreement().digest(), "someone", clock.instant());
                return insert.executeUpdate();
            }
        });

        InstalledAgreement stored = book.find("UTO-POL-IMM", 1).orElseThrow();

        assertThat(stored.usable()).isFalse();
        assertThat(stored.problem()).startsWith("unsigned: ");
        assertThat(book.usable()).isEmpty();
    }

    @Test
    void aSignerRevokedAfterInstallationMakesTheStoredVersionUnusableWithinAMinute() throws Exception {
        java.util.Set<java.math.BigInteger> revoked = new java.util.concurrent.CopyOnWriteArraySet<>();
        AgreementBook watching = new AgreementBook(database, accessLog, NodeIdentity.parse(IMMIGRATION),
                fixture.federation.federation::anchor, revoked::contains, clock);
        watching.install(signed(1), ADMIN);
        assertThat(watching.usable()).hasSize(1);

        revoked.add(fixture.node(AgreementFixture.POLICE).certificate().getSerialNumber());
        clock.advance(Duration.ofMinutes(2));

        assertThat(watching.usable()).isEmpty();
        assertThat(watching.find("UTO-POL-IMM", 1).orElseThrow().problem()).contains("revoked certificate");
    }
}
