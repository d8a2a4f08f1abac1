package org.ibex.screens;

import org.ibex.border.Check;
import org.ibex.border.Decision;
import org.ibex.border.Reason;
import org.ibex.border.StayStatus;
import org.ibex.border.TravelDocument;
import org.ibex.document.MrzIssue;
import org.ibex.document.MrzParser;
import org.ibex.document.MrzPosition;
import org.ibex.document.MrzReading;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.WatchlistHit;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain's findings read in the officer's language from their codes and values, the domain's English otherwise. */
class InspectionWordsTest {
    private static final Map<Lang, Texts> TEXTS = Texts.load();
    /** ICAO Doc 9303's specimen passport, its document number's check digit (6) misread as 4. */
    private static final String MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C34UTO7408122F1204159ZE184226B<<<<<10";
    private static final LocalDate TODAY = LocalDate.of(2010, 1, 1);

    private static MrzReading reading() {
        return new MrzParser(Clock.fixed(Instant.parse("2010-01-01T00:00:00Z"), ZoneOffset.UTC)).parse(MRZ);
    }

    private static MrzIssue checkDigit() {
        return reading().errors().stream().filter(e -> e.field().equals("documentNumber")).findFirst().orElseThrow();
    }

    /** The text without the isolates that keep MRZ values left to right inside a sentence. */
    private static String plain(InspectionWords.Word word) {
        return word.text().replace("\u2066", "").replace("\u2069", "");
    }

    @Test
    void mrzValuesAreIsolatedLeftToRightInsideASentence() {
        assertThat(words(Lang.AR).problem(checkDigit()).text()).contains("\u2066L898902C3\u2069", "«\u20664\u2069»");
    }

    private static InspectionWords words(Lang lang) {
        TravelDocument document = new TravelDocument("P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2012, 4, 15), null, MRZ, null);
        StayStatus exempt = new StayStatus(true, true, TODAY, 1, null, null, false, 0, 1, List.of());
        return new InspectionWords(TEXTS.get(lang), new InspectionWords.Facts(document, null, TODAY, reading(),
                List.of(), List.of(), exempt));
    }

    @Test
    void aCheckDigitErrorReadsInArabicWithTheFieldAndTheValues() {
        MrzIssue issue = checkDigit();
        assertThat(issue.rule()).isEqualTo("check-digit");
        InspectionWords.Word word = words(Lang.AR).problem(issue);
        assertThat(word.translated()).isTrue();
        assertThat(word.english()).isNull();
        assertThat(plain(word)).contains(TEXTS.get(Lang.AR).t("inspection.field.documentNumber"), "رقم التحقق",
                "L898902C3", " 6 ", "«4»").doesNotContain("check digit", "expected", "documentNumber");
    }

    @Test
    void aCheckDigitErrorReadsInThaiWithTheFieldAndTheValues() {
        InspectionWords.Word word = words(Lang.TH).problem(checkDigit());
        assertThat(word.translated()).isTrue();
        assertThat(plain(word)).contains(TEXTS.get(Lang.TH).t("inspection.field.documentNumber"), "เลขตรวจสอบ",
                "L898902C3", " 6 ", "“4”").doesNotContain("check digit", "expected");
    }

    @Test
    void theValuesStayOutOfTheApisJson() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(checkDigit());
        assertThat(json).contains("\"rule\":\"check-digit\"", "\"message\":").doesNotContain("values");
    }

    @Test
    void englishSaysTheSameFromTheSameValues() {
        assertThat(plain(words(Lang.EN).problem(checkDigit())))
                .isEqualTo("Document number: check digit expected 6 for ‘L898902C3’ but found ‘4’");
    }

    @Test
    void anUnknownCodeFallsBackToTheDomainsEnglish() {
        MrzIssue unknown = new MrzIssue("documentNumber", "new-rule", "documentNumber breaks a new rule",
                new MrzPosition(2, 1, 9), List.of("L898902C3"));
        InspectionWords.Word word = words(Lang.AR).problem(unknown);
        assertThat(word.translated()).isFalse();
        assertThat(word.english()).isEqualTo("documentNumber breaks a new rule");
        MrzIssue noValues = new MrzIssue("sex", "sex", "sex must be M, F or < (unspecified), found 'Q'",
                new MrzPosition(2, 21, 1));
        assertThat(words(Lang.TH).problem(noValues).english()).isEqualTo(noValues.message());
        Reason reason = new Reason("new-reason", Decision.REFER, "a rule added later");
        assertThat(words(Lang.AR).reasons(List.of(reason))).containsExactly(InspectionWords.Word.english(
                "a rule added later"));
        Check check = new Check("new-check", Check.Outcome.PASS, "checked something new");
        assertThat(words(Lang.TH).checks(List.of(check))).containsExactly(InspectionWords.Word.english(
                "checked something new"));
    }

    @Test
    void checksAndReasonsReadInArabicWithTheirDatesAndValues() {
        Texts ar = TEXTS.get(Lang.AR);
        List<InspectionWords.Word> checks = words(Lang.AR).checks(List.of(
                new Check("document-expiry", Check.Outcome.FAIL, "expired on 2012-04-15"),
                new Check("minor", Check.Outcome.PASS, "age 35"),
                new Check("watchlists", Check.Outcome.PASS, "no hit on persons or documents"),
                new Check("stay", Check.Outcome.PASS, "exempt: no stay limit"),
                new Check("mrz", Check.Outcome.FAIL, "documentNumber check digit: …")));
        assertThat(checks).allMatch(InspectionWords.Word::translated);
        assertThat(checks.get(0).text()).contains(ar.date(LocalDate.of(2012, 4, 15))).doesNotContain("expired");
        assertThat(checks.get(1).text()).contains("35").doesNotContain("age");
        assertThat(checks.get(2).text()).isEqualTo(ar.t("inspection.check.watchlists.PASS"));
        assertThat(checks.get(3).text()).isEqualTo(ar.t("inspection.check.stay.exempt"));
        assertThat(plain(checks.get(4))).contains("L898902C3", "«4»");
        List<InspectionWords.Word> reasons = words(Lang.AR).reasons(List.of(
                new Reason("document-expired", Decision.REFUSE, "document expired on 2012-04-15")));
        assertThat(reasons.get(0).text()).contains(ar.date(LocalDate.of(2012, 4, 15))).doesNotContain("expired");
    }

    @Test
    void aHitReadsInWordsWithItsExplanationKeptAsEnglishData() {
        WatchlistHit hit = new WatchlistHit(WatchlistHit.Kind.PERSON, "interpol", "E-1", 0.93,
                EntryAction.REFER_TO_SECOND_LINE, "ERIKSSON ANNA", "surname exact, given names 0.91", null, null);
        InspectionWords words = new InspectionWords(TEXTS.get(Lang.TH), new InspectionWords.Facts(null, null, TODAY,
                null, List.of(hit), List.of(), null));
        InspectionWords.Word reason = words.reasons(List.of(new Reason("watchlist-hit", Decision.REFER,
                "refer to second line: interpol/E-1 (surname exact, given names 0.91)"))).get(0);
        assertThat(reason.text()).contains(TEXTS.get(Lang.TH).t("inspection.action.REFER_TO_SECOND_LINE"),
                "interpol/E-1");
        assertThat(reason.english()).isEqualTo("surname exact, given names 0.91");
        InspectionWords.Word check = words.checks(List.of(new Check("watchlists", Check.Outcome.FAIL,
                "interpol/E-1 0.93: surname exact, given names 0.91"))).get(0);
        assertThat(check.text()).contains("interpol/E-1", "93");
        assertThat(check.english()).isEqualTo("surname exact, given names 0.91");
    }

    @Test
    void aListedDocumentSaysWhyInWordsFromItsEntry() {
        DocumentEntry entry = new DocumentEntry("sltd", "D-7", "L898902C3", "UTO", "P", DocumentStatus.STOLEN,
                LocalDate.of(2009, 11, 2), "INTERPOL SLTD");
        WatchlistHit hit = new WatchlistHit(WatchlistHit.Kind.DOCUMENT, "sltd", "D-7", 1.0,
                EntryAction.REFER_TO_SECOND_LINE, null, "document L898902C3 (UTO) is listed as STOLEN; reported"
                + " 2009-11-02 by INTERPOL SLTD", null, entry);
        Texts ar = TEXTS.get(Lang.AR);
        InspectionWords.Word why = words(Lang.AR).explanation(hit);
        assertThat(why.english()).isNull();
        assertThat(why.text()).contains("L898902C3", ar.t("watchlist.status.STOLEN"),
                ar.date(LocalDate.of(2009, 11, 2)), "INTERPOL SLTD").doesNotContain("listed", "reported");
    }
}
