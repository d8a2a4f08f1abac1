package org.ibex.border;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Primary inspection: which facts lead to admit, refer or refuse, and the reasons an officer reads. */
class InspectionRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final InspectionRules rules = new InspectionRules(18);

    @Test
    void admitsAnAdultWithAValidDocumentAndStayLeft() {
        InspectionOutcome outcome = rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY.plusYears(3)), List.of(), null,
                StayRule.rolling(90, 180), List.of()));
        assertThat(outcome.decision()).isEqualTo(Decision.ADMIT);
        assertThat(outcome.reasons()).isEmpty();
        assertThat(outcome.checks()).extracting(Check::name).containsExactly("mrz", "document-expiry", "minor", "watchlists",
                "stay");
        assertThat(outcome.stay().daysUsed()).as("the entry day counts").isEqualTo(1);
        assertThat(outcome.stay().stayEndsOn()).isEqualTo(TODAY.plusDays(89));
    }

    @Test
    void refersAnInvalidMrzToSecondLineWithTheErrors() {
        InspectionOutcome outcome = rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY.plusYears(3)),
                List.of("dateOfBirth check-digit: expected 2, found 3"), null, StayRule.rolling(90, 180), List.of()));
        assertThat(outcome.decision()).isEqualTo(Decision.REFER);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("mrz-invalid");
            assertThat(r.message()).contains("dateOfBirth check-digit");
        });
    }

    @Test
    void refusesEntryOnAnExpiredDocumentButRefersAnExit() {
        TravelDocument expired = adultDocument(TODAY.minusDays(1));
        assertThat(rules.evaluate(facts(Direction.ENTRY, expired, List.of(), null, StayRule.exempt(), List.of())).decision())
                .isEqualTo(Decision.REFUSE);
        InspectionOutcome exit = rules.evaluate(facts(Direction.EXIT, expired, List.of(), null, StayRule.exempt(),
                List.of(new Movement(Direction.ENTRY, TODAY.minusDays(3)))));
        assertThat(exit.decision()).isEqualTo(Decision.REFER);
        assertThat(exit.reasons()).extracting(Reason::code).containsExactly("document-expired");
    }

    @Test
    void aDocumentExpiringTodayIsStillValidToday() {
        assertThat(rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY), List.of(), null, StayRule.exempt(), List.of()))
                .decision()).isEqualTo(Decision.ADMIT);
    }

    @Test
    void refusesADocumentIssuedAfterTheCrossingDate() {
        TravelDocument future = withIssue(adultDocument(TODAY.plusYears(5)), TODAY.plusDays(2));
        InspectionOutcome outcome = rules.evaluate(facts(Direction.ENTRY, future, List.of(), null, StayRule.exempt(), List.of()));
        assertThat(outcome.decision()).isEqualTo(Decision.REFUSE);
        assertThat(outcome.reasons()).extracting(Reason::code).containsExactly("document-not-yet-valid");
    }

    @Test
    void refusesAPermitThatIsNotYetValidOrExpired() {
        Permit notYet = new Permit("VISA-C", TODAY.plusDays(1), TODAY.plusDays(90), null, 30);
        Permit expired = new Permit("VISA-C", TODAY.minusDays(90), TODAY.minusDays(1), null, 30);
        assertThat(rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY.plusYears(2)), List.of(), notYet,
                StayRule.rolling(90, 180), List.of())).reasons()).extracting(Reason::code).contains("permit-not-yet-valid");
        assertThat(rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY.plusYears(2)), List.of(), expired,
                StayRule.rolling(90, 180), List.of())).reasons()).extracting(Reason::code).contains("permit-expired");
    }

    @Test
    void refersAMinorByAgeOnTheCrossingDate() {
        TravelDocument seventeen = document(TODAY.minusYears(18).plusDays(1), TODAY.plusYears(2));
        TravelDocument eighteen = document(TODAY.minusYears(18), TODAY.plusYears(2));
        InspectionOutcome minor = rules.evaluate(facts(Direction.ENTRY, seventeen, List.of(), null, StayRule.exempt(), List.of()));
        assertThat(minor.decision()).isEqualTo(Decision.REFER);
        assertThat(minor.reasons()).singleElement().satisfies(r -> assertThat(r.message()).contains("age 17"));
        assertThat(rules.evaluate(facts(Direction.ENTRY, eighteen, List.of(), null, StayRule.exempt(), List.of())).decision())
                .as("an eighteenth birthday today makes an adult").isEqualTo(Decision.ADMIT);
    }

    @Test
    void refusesEntryWhenTheRollingStayIsUsedUpAndSaysWhenTheNextDayIsAvailable() {
        List<Movement> history = new ArrayList<>();
        history.add(new Movement(Direction.ENTRY, TODAY.minusDays(100)));
        history.add(new Movement(Direction.EXIT, TODAY.minusDays(11)));
        InspectionOutcome outcome = rules.evaluate(facts(Direction.ENTRY, adultDocument(TODAY.plusYears(2)), List.of(), null,
                StayRule.rolling(90, 180), history));
        assertThat(outcome.decision()).isEqualTo(Decision.REFUSE);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("stay-exhausted");
            assertThat(r.message()).contains("90/180").contains("next day available");
        });
    }

    @Test
    void refersAnExitAfterAnOverstayWithTheDaysOver() {
        List<Movement> history = List.of(new Movement(Direction.ENTRY, TODAY.minusDays(94)));
        InspectionOutcome outcome = rules.evaluate(facts(Direction.EXIT, adultDocument(TODAY.plusYears(2)), List.of(), null,
                StayRule.rolling(90, 180), history));
        // Entry day and today both count: 95 days in the window ending today, 5 more than 90.
        assertThat(outcome.decision()).isEqualTo(Decision.REFER);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> assertThat(r.message()).contains("by 5 days"));
    }

    @Test
    void refersWhenNoStayRuleCanBeResolved() {
        InspectionOutcome outcome = rules.evaluate(new InspectionFacts(Direction.ENTRY, TODAY, adultDocument(TODAY.plusYears(1)),
                List.of(), true, null, null, "visa terms missing", List.of(), List.of(),
                InspectionFacts.Fingerprints.NOT_CAPTURED));
        assertThat(outcome.decision()).isEqualTo(Decision.REFER);
        assertThat(outcome.reasons()).extracting(Reason::code).containsExactly("stay-rule-missing");
    }

    @Test
    void printsOfAWantedPersonReferTheTravellerEvenWhenTheyMatchTheirOwnEnrolment() {
        org.ibex.biometrics.Verification own = new org.ibex.biometrics.Verification(
                org.ibex.biometrics.MatchDecision.MATCH, 120, 40, List.of(), List.of());
        org.ibex.biometrics.WantedMatch wanted = new org.ibex.biometrics.WantedMatch("W42", "PETROVSKY, IVAN",
                "arrest warrant 2026/114", org.ibex.biometrics.WantedPrint.Source.HEADQUARTERS, 1, 95.5, 48.2);
        InspectionOutcome outcome = rules.evaluate(new InspectionFacts(Direction.ENTRY, TODAY,
                adultDocument(TODAY.plusYears(1)), List.of(), true, null, StayRule.exempt(), null, List.of(), List.of(),
                new InspectionFacts.Fingerprints(true, own, List.of(wanted))));

        assertThat(outcome.decision()).isEqualTo(Decision.REFER);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("wanted-prints");
            assertThat(r.message()).isEqualTo("fingerprints match a wanted person: W42 PETROVSKY, IVAN (headquarters):"
                    + " arrest warrant 2026/114; 1 finger(s) fused 95.5 against threshold 48.2");
        });
        assertThat(outcome.checks()).extracting(Check::name).contains("wanted-prints", "fingerprints");
    }

    @Test
    void theMostSevereReasonDecides() {
        TravelDocument expiredMinor = document(TODAY.minusYears(10), TODAY.minusDays(5));
        InspectionOutcome outcome = rules.evaluate(facts(Direction.ENTRY, expiredMinor, List.of("composite check-digit"), null,
                StayRule.exempt(), List.of()));
        assertThat(outcome.reasons()).extracting(Reason::code).containsExactly("mrz-invalid", "document-expired", "minor");
        assertThat(outcome.decision()).isEqualTo(Decision.REFUSE);
    }

    private static InspectionFacts facts(Direction direction, TravelDocument document, List<String> mrzErrors, Permit permit,
                                         StayRule rule, List<Movement> history) {
        return new InspectionFacts(direction, TODAY, document, mrzErrors, true, permit, rule, null, history, List.of(),
                InspectionFacts.Fingerprints.NOT_CAPTURED);
    }

    private static TravelDocument adultDocument(LocalDate expiry) {
        return document(LocalDate.of(1974, 8, 12), expiry);
    }

    private static TravelDocument document(LocalDate birth, LocalDate expiry) {
        return new TravelDocument("P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO", birth, "F", expiry, null,
                null, null);
    }

    private static TravelDocument withIssue(TravelDocument d, LocalDate issued) {
        return new TravelDocument(d.documentCode(), d.issuingState(), d.documentNumber(), d.surname(), d.givenNames(),
                d.nationality(), d.dateOfBirth(), d.sex(), d.dateOfExpiry(), issued, d.mrz(), d.nameOriginal());
    }
}
