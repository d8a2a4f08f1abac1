package org.ibex.agreement;

import org.ibex.delivery.TestFederation;
import org.ibex.trust.NodeCredentials;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * A federation of three agencies of UTO (police, immigration, labour) and agreements between police and immigration,
 * drafted and signed the way the command line does it.
 */
public final class AgreementFixture {
    public static final String POLICE = "UTO/POL/HQ";
    public static final String IMMIGRATION = "UTO/IMM/HQ";
    public static final String LABOUR = "UTO/LAB/HQ";
    public static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate UNTIL = LocalDate.of(2027, 12, 31);
    public static final Predicate<BigInteger> NONE_REVOKED = serial -> false;

    public final TestFederation federation;

    public AgreementFixture() throws Exception {
        federation = new TestFederation(POLICE, IMMIGRATION, LABOUR);
    }

    /** Police may ask immigration about crossings for criminal investigations: two a day, three a year. */
    public static AgreementRule policeAsksImmigration() {
        return AgreementDraft.rule("asker=UTO/POL;answerer=UTO/IMM;queries=crossings,presence;"
                + "purposes=criminal-investigation;categories=hit,biographic,travel-history;per-day=2;per-year=3;"
                + "retention-days=90;approval=false");
    }

    public static AgreementDraft draft(String id, int version) {
        return draft(id, version, FROM, UNTIL);
    }

    public static AgreementDraft draft(String id, int version, LocalDate from, LocalDate until) {
        return new AgreementDraft(id, version, "Police questions to immigration", List.of(Party.parse("UTO/POL"),
                Party.parse("UTO/IMM")), from, until, List.of(policeAsksImmigration()));
    }

    public NodeCredentials node(String id) {
        return federation.node(id);
    }

    /** The draft signed by police and immigration, as a file. */
    public byte[] signed(AgreementDraft draft) throws Exception {
        return AgreementFile.write(signedAgreement(draft));
    }

    public SignedAgreement signedAgreement(AgreementDraft draft) throws Exception {
        SignedAgreement byPolice = AgreementFile.sign(draft.read(), node(POLICE));
        return AgreementFile.sign(byPolice, node(IMMIGRATION));
    }
}
